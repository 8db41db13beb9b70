import Course
import Figures
import Foundation
import Fundamentals

/// `llmcourse run swift-tabular`: the pandas / scikit-learn workflow in Swift on the Iris file
/// the course ships — read a CSV, split, z-score, fit linear and logistic regression, score
/// them — and what the reader says about broken files.
enum SwiftTabularDemo {
    static let demo = Demo(id: "swift-tabular", summary: "Iris from CSV: split, z-score, linear and logistic regression, metrics, bad input",
                           inputs: ["Sources/Demos/Fundamentals", "Sources/Fundamentals/Tabular", "Data/iris"]) { ctx in
        guard let table = load(ctx) else { return }
        do {
            try describe(ctx, table)
            let split = TrainTestSplit(labels: try table.categories("species").codes, testFraction: 0.2, seed: ctx.seed)
            try linear(ctx, table, split)
            try logistic(ctx, table, split)
        } catch {
            ctx.say("The data could not be used: {0}", String(describing: error))
        }
        badInput(ctx)
    }

    static let features = ["sepal_length", "sepal_width", "petal_length", "petal_width"]

    /// `Data/iris/iris.csv` under the course root (found as `llmcourse` finds its lessons), or
    /// under the source tree this program was built from.
    static var csvURL: URL {
        let root = (try? CourseLoader.findRoot()) ?? URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return root.appendingPathComponent("Data/iris/iris.csv")
    }

    static func load(_ ctx: DemoContext) -> CSVTable? {
        do {
            return try CSVTable.load(csvURL)
        } catch {
            ctx.say("Could not read {0}: {1}", csvURL.path, String(describing: error))
            return nil
        }
    }

    static func describe(_ ctx: DemoContext, _ table: CSVTable) throws {
        ctx.heading(ctx.tr("Data/iris/iris.csv: {0} rows, {1} columns", String(table.count), String(table.header.count)))
        let kinds = table.kinds, missing = table.missingCounts
        var rows: [[String]] = [], categorical: [(name: String, missing: Int, levels: [String])] = []
        for (c, name) in table.header.enumerated() {
            if kinds[c] == .numeric {
                let x = try table.numbers(name), mean = x.reduce(0, +) / Double(x.count)
                let std = (x.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(x.count)).squareRoot()
                rows.append([name, ctx.tr(kinds[c].rawValue), String(missing[c]), fixed(mean, 2), fixed(std, 2), fixed(x.min()!, 1), fixed(x.max()!, 1)])
            } else {
                categorical.append((name, missing[c], try table.categories(name).levels))
            }
        }
        ctx.table([ctx.tr("column"), ctx.tr("kind"), ctx.tr("missing"), ctx.tr("mean"), "σ", "min", "max"], rows)
        for column in categorical {
            ctx.say("{0}: categorical, {1} missing, {2} levels: {3}", column.name, String(column.missing),
                    String(column.levels.count), column.levels.joined(separator: ", "))
        }
    }

    static func linear(_ ctx: DemoContext, _ table: CSVTable, _ split: TrainTestSplit) throws {
        let inputs = Array(features.prefix(3))
        ctx.heading(ctx.tr("Linear regression: petal_width from the other three"))
        ctx.say("Stratified split with seed {0}: {1} training rows, {2} test rows.", String(ctx.seed), String(split.train.count), String(split.test.count))
        let x = try table.matrix(inputs), y = try table.numbers("petal_width")
        let scaler = Standardizer(fitting: TrainTestSplit.take(x, split.train))
        ctx.say("z-score statistics from the training rows only: μ = {0}, σ = {1}",
                scaler.means.map { fixed($0, 3) }.joined(separator: " "), scaler.deviations.map { fixed($0, 3) }.joined(separator: " "))
        let model = try LinearRegression(fitting: scaler.transform(TrainTestSplit.take(x, split.train)), targets: TrainTestSplit.take(y, split.train))
        ctx.say("Normal equations (XᵀX) w = Xᵀy: weights {0}, intercept {1}",
                zip(inputs, model.weights).map { "\($0) \(fixed($1, 3))" }.joined(separator: ", "), fixed(model.intercept, 3))
        let truth = TrainTestSplit.take(y, split.test)
        let predicted = model.predict(scaler.transform(TrainTestSplit.take(x, split.test)))
        let baseline = [Double](repeating: TrainTestSplit.take(y, split.train).reduce(0, +) / Double(split.train.count), count: truth.count)
        ctx.table([ctx.tr("test set"), "MSE", "R²"], [
            [ctx.tr("linear regression"), fixed(RegressionMetrics.meanSquaredError(predicted, truth)), fixed(RegressionMetrics.r2(predicted, truth))],
            [ctx.tr("always the training mean"), fixed(RegressionMetrics.meanSquaredError(baseline, truth)), fixed(RegressionMetrics.r2(baseline, truth))],
        ])
    }

    static func logistic(_ ctx: DemoContext, _ table: CSVTable, _ split: TrainTestSplit) throws {
        let steps = ctx.quick ? 300 : 3000, rate = 1.0
        ctx.heading(ctx.tr("Logistic regression: species from all four, softmax over 3 classes"))
        let x = try table.matrix(features), (labels, classes) = try table.categories("species")
        let scaler = Standardizer(fitting: TrainTestSplit.take(x, split.train))
        let train = scaler.transform(TrainTestSplit.take(x, split.train)), test = scaler.transform(TrainTestSplit.take(x, split.test))
        let trainLabels = TrainTestSplit.take(labels, split.train), testLabels = TrainTestSplit.take(labels, split.test)
        var model = SoftmaxRegression(features: features.count, classes: classes.count,
                                      l2: SoftmaxRegression.l2(forC: 1, samples: split.train.count))
        let losses = model.fit(train, labels: trainLabels, learningRate: rate, steps: steps)
        let final = model.loss(train, labels: trainLabels)
        ctx.say("Gradient descent, rate {0}, λ = 1/n = {1} (scikit-learn's C = 1): loss {2} → {3} in {4} steps",
                fixed(rate, 1), fixed(model.l2, 5), fixed(losses[0]), fixed(final), String(steps))
        var plot = LinePlot(title: ctx.tr("training loss"), xLabel: ctx.tr("step"), yLabel: ctx.tr("loss"))
        plot.add(ctx.tr("cross-entropy + L2"), ys: losses)
        try ctx.show("logistic-loss", plot, height: 8)
        let predicted = model.predict(test)
        let trainAccuracy = ClassificationMetrics.accuracy(model.predict(train), trainLabels)
        ctx.say("accuracy: training {0}, test {1} ({2} of {3})", fixed(trainAccuracy, 3),
                fixed(ClassificationMetrics.accuracy(predicted, testLabels), 3),
                String(zip(predicted, testLabels).filter { $0 == $1 }.count), String(testLabels.count))
        let confusion = ClassificationMetrics.confusionMatrix(predicted, testLabels, classes: classes.count)
        ctx.say("Confusion matrix on the test rows (rows: true species, columns: predicted):")
        ctx.table([ctx.tr("true \\ predicted")] + classes, classes.indices.map { [classes[$0]] + confusion[$0].map(String.init) })
    }

    /// Three broken files, each read the way the Iris file was; the error names the place.
    static let brokenFiles: [(problem: String, text: String)] = [
        ("a missing value", "sepal_length,sepal_width,species\n5.1,3.5,setosa\n4.9,,setosa\n"),
        ("a row with a field too few", "sepal_length,sepal_width,species\n5.1,3.5,setosa\n4.9,setosa\n"),
        ("a number with a decimal comma", "sepal_length,sepal_width,species\n5.1,3.5,setosa\n\"4,9\",3.0,setosa\n"),
    ]

    static func badInput(_ ctx: DemoContext) {
        ctx.heading(ctx.tr("Broken files: the error names the row and the column"))
        for file in brokenFiles {
            do {
                let table = try CSVTable(text: file.text)
                _ = try table.matrix(["sepal_length", "sepal_width"])
                ctx.say("{0}: read without error", ctx.tr(file.problem))
            } catch {
                ctx.say("{0}:", ctx.tr(file.problem))
                ctx.print("  " + String(describing: error))
            }
        }
    }
}
