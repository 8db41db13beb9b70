import Foundation
import Testing
import Fundamentals

@Suite struct PowerIterationTests {
    let f = MathFixture.shared

    @Test func aTwoByTwoByHand() {
        let (value, vector, _) = PowerIteration.dominant([[2, 1], [1, 2]], start: [1, 0])
        #expect(close(value, 3, 1e-10))
        let r = (0.5 as Double).squareRoot()
        #expect(sameDirection(vector, [r, r]))
    }

    @Test func deflationFindsTheTopFourEigenpairsOfNumPy() {
        let pairs = PowerIteration.top(4, of: f.eigen.matrix, iterations: 5_000)
        for (k, pair) in pairs.enumerated() {
            #expect(close(pair.value, f.eigen.values_by_magnitude[k], 1e-9), "λ\(k + 1)")
            #expect(sameDirection(pair.vector, f.eigen.vectors_by_magnitude[k], 1e-9), "u\(k + 1)")
        }
    }

    @Test func theErrorFallsLikeTheEigenvalueRatio() {
        // diag(4, 2, 1): |λ₂/λ₁| = 1/2, so each product halves the off-axis part.
        let a: [[Double]] = [[4, 0, 0], [0, 2, 0], [0, 0, 1]]
        func offAxis(_ steps: Int) -> Double {
            let v = PowerIteration.dominant(a, start: [1, 1, 1], iterations: steps, tolerance: 0).vector
            return (v[1] * v[1] + v[2] * v[2]).squareRoot()
        }
        #expect(abs(offAxis(11) / offAxis(10) - 0.5) < 1e-3)
    }

    @Test func aNegativeDominantEigenvalueIsFound() {
        let (value, _, _) = PowerIteration.dominant([[-5, 0], [0, 1]], start: [1, 1])
        #expect(close(value, -5, 1e-10))
    }
}

@Suite struct PCATests {
    let f = MathFixture.shared

    @Test func componentsAndSingularValuesMatchNumPysSVD() {
        let pca = PCA(rows: f.svd.data, components: 3)
        for j in f.svd.mean.indices { #expect(close(pca.mean[j], f.svd.mean[j])) }
        for k in 0..<3 {
            #expect(close(pca.singularValues[k], f.svd.singular_values[k], 1e-9), "σ\(k + 1)")
            #expect(close(pca.variances[k], f.svd.explained_variance[k], 1e-9), "λ\(k + 1)")
            #expect(sameDirection(pca.components[k], f.svd.right_vectors[k], 1e-8), "v\(k + 1)")
        }
        #expect(close(pca.totalVariance, f.svd.total_variance))
    }

    @Test func projectionsAreUncorrelatedWithVarianceLambda() {
        let pca = PCA(rows: f.svd.data, components: 2)
        let xy = f.svd.data.map { pca.project($0) }
        let (a, b) = (xy.map { $0[0] }, xy.map { $0[1] })
        #expect(abs(Statistics.mean(a)) < 1e-10)
        #expect(close(Statistics.variance(a), pca.variances[0], 1e-9))
        #expect(abs(Statistics.covariance(a, b)) < 1e-8)
    }
}

@Suite struct LogSumExpTests {
    let f = MathFixture.shared

    @Test func stableLogSumExpAndLogSoftmaxMatchNumPy() {
        for c in f.logsumexp {
            #expect(close(LogSumExp.stable(c.z), c.value, 1e-12), "\(c.z)")
            for (a, e) in zip(LogSumExp.logSoftmax(c.z), c.log_softmax) { #expect(close(a, e, 1e-12), "\(c.z)") }
        }
    }

    @Test func theNaiveFormOverflowsWhereTheStableOneDoesNot() {
        #expect(LogSumExp.naive([1000, 999]) == .infinity)
        #expect(LogSumExp.naiveSoftmax([1000, 999]).allSatisfy { $0.isNaN })
        #expect(LogSumExp.naive([-1000, -1001]) == -.infinity)     // underflow: log 0
        #expect(close(LogSumExp.stable([1000, 999]), 1000 + log(1 + exp(-1)), 1e-14))
        #expect(close(LogSumExp.naive([1.5, -1.8, 0.9]), LogSumExp.stable([1.5, -1.8, 0.9]), 1e-14))
    }

    @Test func logSumExpIsASmoothMaximum() {
        let z: [Double] = [3, 1, 2.5, -4]
        let lse = LogSumExp.stable(z)
        #expect(lse > 3 && lse < 3 + log(4))
        #expect(close(LogSumExp.stable([7, 7, 7, 7]), 7 + log(4), 1e-14))   // the upper bound is reached by ties
    }
}

@Suite struct TaylorDescentTests {
    @Test func rosenbrockDerivativesMatchFiniteDifferences() {
        let p = [-1.2, 1.0]
        let r = TaylorDescent.rosenbrock(p)
        let g = Calculus.centralDifferenceGradient(of: { TaylorDescent.rosenbrock($0).value }, at: p)
        for (a, e) in zip(r.gradient, g) { #expect(close(a, e, 1e-7)) }
        for i in 0..<2 {
            let row = Calculus.centralDifferenceGradient(of: { TaylorDescent.rosenbrock($0).gradient[i] }, at: p)
            for (a, e) in zip(r.hessian[i], row) { #expect(close(a, e, 1e-6)) }
        }
    }

    @Test func onAQuadraticTheSecondOrderModelIsExact() {
        // L = (x − 1)² + 4(y + 2)²: H = diag(2, 8).
        let loss = { (p: [Double]) in (p[0] - 1) * (p[0] - 1) + 4 * (p[1] + 2) * (p[1] + 2) }
        let p = [-2.0, 1.0], g = [2 * (p[0] - 1), 8 * (p[1] + 2)], h: [[Double]] = [[2, 0], [0, 8]]
        for eta in [0.01, 0.1, 0.2, 0.3] {
            let actual = loss(zip(p, g).map { $0 - eta * $1 }) - loss(p)
            #expect(close(TaylorDescent.predictedChange(gradient: g, hessian: h, rate: eta).secondOrder, actual, 1e-12))
        }
        // |g|² / gᵀHg = (36 + 576) / (72 + 4608).
        #expect(close(TaylorDescent.bestRate(gradient: g, hessian: h), 612.0 / 4680))
    }

    @Test func theFirstOrderErrorShrinksLikeEtaSquaredTheSecondLikeEtaCubed() {
        let p = [-1.0, 1.0]
        let r = TaylorDescent.rosenbrock(p)
        func errors(_ eta: Double) -> (Double, Double) {
            let actual = TaylorDescent.rosenbrock(zip(p, r.gradient).map { $0 - eta * $1 }).value - r.value
            let (first, second) = TaylorDescent.predictedChange(gradient: r.gradient, hessian: r.hessian, rate: eta)
            return (abs(actual - first), abs(actual - second))
        }
        let (f1, s1) = errors(1e-4), (f2, s2) = errors(1e-5)
        #expect(abs(f1 / f2 - 100) < 5)
        #expect(abs(s1 / s2 - 1000) < 50)
    }
}
