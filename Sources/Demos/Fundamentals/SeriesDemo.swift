import Figures
import Foundation
import Fundamentals
import Tensors

/// `llmcourse run math-series`: softmax overflowing and log-sum-exp fixing it, then gradient
/// descent seen through the Taylor series of the loss.
enum SeriesDemo {
    static let demo = Demo(id: "math-series", summary: "Log-sum-exp: softmax overflow and its fix; gradient descent through Taylor's theorem",
                           inputs: ["Sources/Demos/Fundamentals", "Sources/Fundamentals"]) { ctx in
        logSumExp(ctx)
        try taylor(ctx)
    }

    static func list(_ v: [Double], _ digits: Int = 4) -> String { "[" + v.map { fixed($0, digits) }.joined(separator: ", ") + "]" }

    static func logSumExp(_ ctx: DemoContext) {
        ctx.heading(ctx.tr("Softmax overflows; log-sum-exp does not"))
        ctx.say("exp(709) = {0}, exp(710) = {1} in Double; in Float, exp(88) = {2}, exp(89) = {3}.",
                sci(exp(709.0)), String(exp(710.0)), sci(Double(expf(88))), String(expf(89)))
        var rows: [[String]] = []
        for z in [[1.5, -1.8, 0.9], [500, 499, 490], [1000, 999, 990], [-1000, -1001, -1010]] {
            rows.append(["[" + z.map { String(format: "%g", $0) }.joined(separator: ", ") + "]",
                         fixed(LogSumExp.naive(z), 4), fixed(LogSumExp.stable(z), 4)])
        }
        ctx.table(["z", ctx.tr("naive log Σ e^z"), "m + log Σ e^(z−m)"], rows)
        let big = [1000.0, 999, 990]
        ctx.say("softmax([1000, 999, 990]): naive {0}, stable {1}", list(LogSumExp.naiveSoftmax(big)), list(LogSumExp.softmax(big)))
        ctx.say("Shifting by m = max z changes nothing mathematically: exp(z − m) = exp(z) / exp(m).")
        ctx.say("It only keeps every exponent ≤ 0, so no term overflows and the largest term is exactly 1.")
        let tensor = Tensor(big.map(Float.init)).softmax()
        ctx.say("The course's Float32 Tensor softmax on the same logits: {0}", list(tensor.scalars.map(Double.init)))
        let lse = LogSumExp.stable([3, 1, 2.5, -4])
        ctx.say("A smooth maximum: for z = [3, 1, 2.5, −4], max z = 3 ≤ lse = {0} ≤ max z + log 4 = {1}.", fixed(lse), fixed(3 + log(4.0)))
    }

    static func taylor(_ ctx: DemoContext) throws {
        ctx.heading(ctx.tr("One gradient step through Taylor's theorem"))
        let start = [-1.2, 1.0]
        let r = TaylorDescent.rosenbrock(start)
        let gg = r.gradient.reduce(0) { $0 + $1 * $1 }
        let best = TaylorDescent.bestRate(gradient: r.gradient, hessian: r.hessian)
        ctx.say("Rosenbrock's L(x, y) = (1 − x)² + 100(y − x²)² at θ = (−1.2, 1): L = {0}, g = {1}, |g|² = {2}",
                fixed(r.value, 2), list(r.gradient, 2), fixed(gg, 1))
        ctx.say("L(θ − η·g) ≈ L(θ) − η·|g|² + (η²/2)·gᵀHg;  η* = |g|²/gᵀHg = {0},  no gain beyond 2η* = {1}",
                sci(best), sci(2 * best))
        var rows: [[String]] = []
        var etas: [Double] = [], actuals: [Double] = [], firsts: [Double] = [], seconds: [Double] = []
        for eta in [1e-5, 1e-4, 2e-4, 5e-4, best, 1e-3, 2 * best] {
            let actual = TaylorDescent.rosenbrock(zip(start, r.gradient).map { $0 - eta * $1 }).value - r.value
            let (first, second) = TaylorDescent.predictedChange(gradient: r.gradient, hessian: r.hessian, rate: eta)
            rows.append([sci(eta), fixed(actual, 4), fixed(first, 4), fixed(second, 4)])
        }
        for k in 0...40 {
            let eta = 2.5 * best * Double(k) / 40
            etas.append(eta)
            actuals.append(TaylorDescent.rosenbrock(zip(start, r.gradient).map { $0 - eta * $1 }).value - r.value)
            let (first, second) = TaylorDescent.predictedChange(gradient: r.gradient, hessian: r.hessian, rate: eta)
            firsts.append(first)
            seconds.append(second)
        }
        ctx.table(["η", ctx.tr("actual ΔL"), "−η·|g|²", "−η·|g|² + η²·gᵀHg/2"], rows)
        ctx.say("For tiny η the linear term is all there is. The quadratic term grows like η²: at η* it has")
        ctx.say("eaten half the linear gain, at 2η* all of it. Rosenbrock's valley is curved, so past")
        ctx.say("η ≈ 2e-4 the cubic and quartic terms matter too and the quadratic model drifts.")
        // The bowl of the calculus demo is exactly quadratic: there the second-order model is exact.
        let bowl = { (p: [Double]) in (p[0] - 1) * (p[0] - 1) + 4 * (p[1] + 2) * (p[1] + 2) }
        let p0 = [-2.0, 1.0], g0 = [2 * (p0[0] - 1), 8 * (p0[1] + 2)], h0: [[Double]] = [[2, 0], [0, 8]]
        let bowlBest = TaylorDescent.bestRate(gradient: g0, hessian: h0)
        ctx.say("On the bowl (x − 1)² + 4(y + 2)² from (−2, 1), a quadratic: η* = {0}, 2η* = {1}", fixed(bowlBest, 4), fixed(2 * bowlBest, 4))
        var bowlRows: [[String]] = []
        for eta in [0.05, bowlBest, 0.25, 2 * bowlBest, 0.3] {
            let actual = bowl(zip(p0, g0).map { $0 - eta * $1 }) - bowl(p0)
            bowlRows.append([fixed(eta, 4), fixed(actual, 4), fixed(TaylorDescent.predictedChange(gradient: g0, hessian: h0, rate: eta).secondOrder, 4)])
        }
        ctx.table(["η", ctx.tr("actual ΔL"), "−η·|g|² + η²·gᵀHg/2"], bowlRows)
        ctx.say("Here the quadratic model is exact: a step longer than 2η* makes the loss go up.")
        var plot = LinePlot(title: ctx.tr("change in loss after one step of size η"), xLabel: "η", yLabel: "ΔL")
        plot.add(ctx.tr("actual"), xs: etas, ys: actuals)
        plot.add(ctx.tr("first order"), xs: etas, ys: firsts)
        plot.add(ctx.tr("second order"), xs: etas, ys: seconds)
        try ctx.show("taylor-step", plot, height: 12)
    }
}
