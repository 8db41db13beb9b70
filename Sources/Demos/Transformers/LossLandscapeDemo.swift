import Figures
import Foundation
import Transformers

/// `llmcourse run loss-landscape`: the same tiny GPT trained twice on the generated sums, with
/// small and with large batches, and the loss around each solution along two random
/// filter-normalized directions (Li et al. 2018): a 1-D slice, a 2-D contour map, and two
/// sharpness numbers.
///
/// The full run takes well under a minute on two cores; `--quick` uses a narrower model, a few
/// steps and a 5 × 5 grid, enough to see every stage.
enum LossLandscapeDemo {
    static let demo = Demo(id: "loss-landscape",
                           summary: "The loss around two trained tiny GPTs (small vs large batch) along filter-normalized directions: slices, contours, sharpness",
                           inputs: ["Sources/Demos/Transformers", "Sources/Transformers/Training", "Sources/Figures/ContourPlot.swift"]) { ctx in
        try run(ctx)
    }

    static func run(_ ctx: DemoContext) throws {
        let recipe = LossLandscapeRecipe(seed: ctx.seed, quick: ctx.quick)
        let data = try recipe.prepareData()
        let config = recipe.config(vocabularySize: data.vocabularySize)

        ctx.heading(ctx.tr("Two solutions of one model"))
        say(ctx, ctx.tr("GPT-2 with {0} layers, width {1}, {2} parameters, trained on the generated sums of `pretrain` from the same random start, twice on the same number of windows of {6} tokens: {3} steps of {4} windows and {8} steps of {5} windows, the same peak learning rate {7}.",
                         String(config.layerCount), String(config.embeddingSize), String(GPT2Model(config: config, seed: recipe.modelSeed).parameterCount),
                         String(recipe.smallBatchSteps), String(recipe.batches.small), String(recipe.batches.large), String(recipe.windowLength),
                         sci(Double(recipe.peakLearningRate)), String(recipe.largeBatchSteps)))
        let solutions = recipe.solutions.map { recipe.train($0, data: data) }
        ctx.table([ctx.tr("solution"), ctx.tr("batch"), ctx.tr("steps"), ctx.tr("train loss"), ctx.tr("held-out loss"), ctx.tr("seconds")], solutions.map { s in
            [ctx.tr(s.solution.name), String(s.solution.batchSize), String(s.solution.steps), fixed(s.trainLoss, 3), fixed(s.heldOutLoss, 3), fixed(s.seconds, 1)]
        })
        say(ctx, ctx.tr("Both losses are means over a fixed set of {0} windows: from the training text and from fresh lines the model never saw. The held-out set is also the loss every landscape below is measured on.",
                         String(recipe.evaluationWindows)))

        ctx.heading(ctx.tr("Filter-normalized directions"))
        say(ctx, ctx.tr("Two Gaussian directions δ and η (seeds {0} and {1}, the same draws for both models), each row of each weight matrix rescaled to the length of the weight row it moves; biases and LayerNorm gains get 0. So α = 1 moves every row by its own length, whatever its scale.",
                         String(recipe.directionSeeds.0), String(recipe.directionSeeds.1)))
        var slicePlot = LinePlot(title: ctx.tr("Held-out loss along δ: L(θ* + α·δ)"), xLabel: "α", yLabel: ctx.tr("loss"))
        var rows: [[String]] = []
        var maps: [(String, [[Double]])] = []
        for s in solutions {
            let (delta, eta) = s.directions(recipe)
            let slice = s.landscape.slice(delta, alphas: recipe.sliceAlphas)
            slicePlot.add(ctx.tr(s.solution.name), xs: recipe.sliceAlphas, ys: slice)
            let grid = s.landscape.surface(delta, eta, alphas: recipe.gridSteps, betas: recipe.gridSteps)
            let center = grid[recipe.gridSteps.count / 2][recipe.gridSteps.count / 2]
            maps.append((s.solution.name, grid.map { $0.map { $0 - center } }))
            rows.append([ctx.tr(s.solution.name), fixed(center, 3),
                         fixed(Sharpness.curvature(slice: slice, alphas: recipe.sliceAlphas), 2),
                         fixed(Sharpness.circleRise(s.landscape, delta, eta, radius: recipe.radii.0), 3),
                         fixed(Sharpness.circleRise(s.landscape, delta, eta, radius: recipe.radii.1), 3)])
        }
        try ctx.show("slice", slicePlot, height: 10)

        ctx.heading(ctx.tr("The landscape in two directions"))
        say(ctx, ctx.tr("The rise of the held-out loss above the trained point on a {0} × {0} grid, α and β from {1} to {2}; both maps use the same levels, so a band means the same rise in both.",
                         String(recipe.gridSteps.count), compactNumber(recipe.gridSteps.first!), compactNumber(recipe.gridSteps.last!)))
        for (name, grid) in maps {
            var plot = ContourPlot(title: ctx.tr("Loss rise around the {0} solution", ctx.tr(name)), xs: recipe.gridSteps, ys: recipe.gridSteps,
                                   values: grid, levels: recipe.levels, xLabel: "α", yLabel: "β")
            plot.levelsCaption = ctx.tr("levels of the rise")
            try ctx.figure(name.replacingOccurrences(of: " ", with: "-"), svg: plot.svg(), terminal: plot.terminal())
        }

        ctx.heading(ctx.tr("Sharpness"))
        ctx.table([ctx.tr("solution"), ctx.tr("loss"), "f''(0)", ctx.tr("rise r={0}", compactNumber(recipe.radii.0)),
                   ctx.tr("rise r={0}", compactNumber(recipe.radii.1))], rows)
        say(ctx, ctx.tr("f''(0) is the curvature of the slice at α = 0 (second difference, step {0}); the rise is the mean loss on the circle of radius r in the (δ, η) plane minus the loss at its center. Both are in filter-normalized units, so they compare these two solutions of one architecture, nothing more.",
                         compactNumber(recipe.sliceAlphas[1] - recipe.sliceAlphas[0])))
        ctx.print()
        ctx.print(ctx.tr("loss-landscape: held-out loss {0} (small batch) and {1} (large batch); rise at r={2}: {3} and {4}",
                         rows[0][1], rows[1][1], compactNumber(recipe.radii.1), rows[0][4], rows[1][4]))
    }

    static func say(_ ctx: DemoContext, _ text: String) { DecodingDemos.say(ctx, text) }
}
