import Foundation
import Testing
import Fundamentals

/// Split, z-score, linear and logistic regression on Iris, against NumPy and scikit-learn
/// (Tests/FundamentalsTests/Fixtures/iris_models.json, made by Scripts/fixtures/iris_models.py).
@Suite struct TabularModelTests {
    struct Fixture: Decodable {
        struct Linear: Decodable {
            let features: [String], target: String
            let means: [Double], deviations: [Double], weights: [Double], intercept: Double
            let test_mse: Double, test_r2: Double
        }
        struct Logistic: Decodable {
            let features: [String], l2: Double
            let means: [Double], deviations: [Double], weights: [[Double]], biases: [Double]
            let train_loss: Double, test_predictions: [Int], test_accuracy: Double, confusion: [[Int]]
        }
        struct Step: Decodable {
            let rows: [[Double]], labels: [Int], l2: Double, learning_rate: Double
            let loss: Double, weights: [[Double]], biases: [Double]
        }
        let classes: [String], train: [Int], test: [Int]
        let linear: Linear, logistic: Logistic, step: Step
    }

    static let fixture: Fixture = try! JSONDecoder().decode(Fixture.self, from: Data(contentsOf: IrisFixture.json))
    static let table: CSVTable = try! CSVTable.load(IrisFixture.csv)

    static func close(_ a: [Double], _ b: [Double], _ tolerance: Double) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { abs($0 - $1) <= tolerance * max(1, abs($1)) }
    }

    @Test func splitIsSeededDisjointAndComplete() {
        let split = TrainTestSplit(count: 150, testFraction: 0.2, seed: 7)
        #expect(split.train.count == 120 && split.test.count == 30)
        #expect(Set(split.train + split.test) == Set(0..<150))
        #expect(split == TrainTestSplit(count: 150, testFraction: 0.2, seed: 7))
        #expect(split != TrainTestSplit(count: 150, testFraction: 0.2, seed: 8))
        let labels = (0..<150).map { $0 / 50 }
        let stratified = TrainTestSplit(labels: labels, testFraction: 0.2, seed: 7)
        #expect((0..<3).map { k in stratified.test.filter { labels[$0] == k }.count } == [10, 10, 10])
        #expect(Set(stratified.train + stratified.test) == Set(0..<150))
    }

    @Test func zScoreUsesTrainingStatisticsLikeStandardScaler() throws {
        let f = Self.fixture
        let x = try Self.table.matrix(f.logistic.features)
        let scaler = Standardizer(fitting: TrainTestSplit.take(x, f.train))
        #expect(Self.close(scaler.means, f.logistic.means, 1e-12))
        #expect(Self.close(scaler.deviations, f.logistic.deviations, 1e-12))
        let z = scaler.transform(TrainTestSplit.take(x, f.train))
        for j in 0..<4 {
            let column = z.map { $0[j] }
            #expect(abs(column.reduce(0, +) / 120) < 1e-12)
            #expect(abs(column.reduce(0) { $0 + $1 * $1 } / 120 - 1) < 1e-12)
        }
        #expect(Standardizer(fitting: [[1, 5], [1, 7]]).transform([1, 6]) == [0, 0])   // a constant column stays finite
    }

    @Test func linearRegressionMatchesNumpyLstsq() throws {
        let f = Self.fixture, spec = f.linear
        let x = try Self.table.matrix(spec.features), y = try Self.table.numbers(spec.target)
        let scaler = Standardizer(fitting: TrainTestSplit.take(x, f.train))
        let model = try LinearRegression(fitting: scaler.transform(TrainTestSplit.take(x, f.train)), targets: TrainTestSplit.take(y, f.train))
        #expect(Self.close(model.weights, spec.weights, 1e-10))
        #expect(abs(model.intercept - spec.intercept) < 1e-10)
        let predictions = model.predict(scaler.transform(TrainTestSplit.take(x, f.test)))
        let truth = TrainTestSplit.take(y, f.test)
        #expect(abs(RegressionMetrics.meanSquaredError(predictions, truth) - spec.test_mse) < 1e-12)
        #expect(abs(RegressionMetrics.r2(predictions, truth) - spec.test_r2) < 1e-10)
    }

    @Test func linearRegressionRecoversAnExactLineAndRejectsCollinearColumns() throws {
        let rows: [[Double]] = [[0, 1], [1, 0], [2, 3], [3, 1]]
        let model = try LinearRegression(fitting: rows, targets: rows.map { 2 * $0[0] - $0[1] + 0.5 })
        #expect(Self.close(model.weights, [2, -1], 1e-12) && abs(model.intercept - 0.5) < 1e-12)
        #expect(throws: (any Error).self) { try LinearRegression(fitting: [[1, 2], [2, 4], [3, 6]], targets: [1, 2, 3]) }
    }

    @Test func softmaxRegressionReachesScikitLearnsMinimum() throws {
        let f = Self.fixture, spec = f.logistic
        let x = try Self.table.matrix(spec.features), (labels, levels) = try Self.table.categories("species")
        #expect(levels == f.classes)
        let scaler = Standardizer(fitting: TrainTestSplit.take(x, f.train))
        let train = scaler.transform(TrainTestSplit.take(x, f.train)), test = scaler.transform(TrainTestSplit.take(x, f.test))
        var model = SoftmaxRegression(features: 4, classes: 3, l2: SoftmaxRegression.l2(forC: 1, samples: f.train.count))
        #expect(abs(model.l2 - spec.l2) < 1e-15)
        let losses = model.fit(train, labels: TrainTestSplit.take(labels, f.train), learningRate: 1, steps: 6000)
        #expect(zip(losses, losses.dropFirst()).allSatisfy { $1 <= $0 + 1e-15 })   // a small enough rate never goes uphill
        let loss = model.loss(train, labels: TrainTestSplit.take(labels, f.train))
        #expect(abs(loss - spec.train_loss) < 1e-9)
        #expect(Self.close(model.weights.flatMap { $0 }, spec.weights.flatMap { $0 }, 1e-4))
        #expect(Self.close(model.biases, spec.biases, 1e-4))
        let predicted = model.predict(test), truth = TrainTestSplit.take(labels, f.test)
        #expect(predicted == spec.test_predictions)
        #expect(ClassificationMetrics.accuracy(predicted, truth) == spec.test_accuracy)
        #expect(ClassificationMetrics.confusionMatrix(predicted, truth, classes: 3) == spec.confusion)
    }

    @Test func oneGradientStepMatchesNumpy() {
        let s = Self.fixture.step
        var model = SoftmaxRegression(features: 4, classes: 3, l2: s.l2)
        let loss = model.step(s.rows, labels: s.labels, learningRate: s.learning_rate)
        #expect(abs(loss - s.loss) < 1e-12)   // ln 3 from uniform probabilities
        #expect(abs(loss - log(3)) < 1e-12)
        #expect(Self.close(model.weights.flatMap { $0 }, s.weights.flatMap { $0 }, 1e-12))
        #expect(Self.close(model.biases, s.biases, 1e-12))
    }

    @Test func gradientsMatchFiniteDifferences() {
        let rows: [[Double]] = [[0.5, -1], [1.5, 0.2], [-0.3, 0.8]], labels = [0, 2, 1]
        let model = SoftmaxRegression(weights: [[0.1, -0.2, 0.3], [0.4, 0, -0.1]], biases: [0.05, -0.05, 0], l2: 0.3)
        let (_, gW, gB) = model.lossAndGradients(rows, labels: labels)
        let h = 1e-6
        for j in 0..<2 { for k in 0..<3 {
            var plus = model, minus = model
            plus.weights[j][k] += h; minus.weights[j][k] -= h
            let numeric = (plus.loss(rows, labels: labels) - minus.loss(rows, labels: labels)) / (2 * h)
            #expect(abs(numeric - gW[j][k]) < 1e-8)
        } }
        for k in 0..<3 {
            var plus = model, minus = model
            plus.biases[k] += h; minus.biases[k] -= h
            #expect(abs((plus.loss(rows, labels: labels) - minus.loss(rows, labels: labels)) / (2 * h) - gB[k]) < 1e-8)
        }
    }

    @Test func metricsOnAWorkedExample() {
        #expect(ClassificationMetrics.accuracy([0, 1, 1, 2], [0, 1, 0, 2]) == 0.75)
        #expect(ClassificationMetrics.confusionMatrix([0, 1, 1, 2], [0, 1, 0, 2], classes: 3) == [[1, 1, 0], [0, 1, 0], [0, 0, 1]])
        #expect(RegressionMetrics.meanSquaredError([1, 2, 3], [1, 2, 5]) == 4.0 / 3)
        #expect(abs(RegressionMetrics.r2([1, 2, 3], [1, 2, 3])) - 1 < 1e-15)
    }
}
