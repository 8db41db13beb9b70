import Figures
import Foundation
import Fundamentals
import Tensors

/// `llmcourse run math-linear-algebra`: matrices as maps, products as composition, a projection.
enum LinearAlgebraDemo {
    static let demo = Demo(id: "math-linear-algebra", summary: "Matrices as maps: matmul is composition, a projection squashes onto a line",
                           inputs: ["Sources/Demos/Fundamentals", "Sources/Fundamentals"]) { ctx in
        composition(ctx)
        projection(ctx)
        try circleToEllipse(ctx)
    }

    static func show(_ t: Tensor) -> String {
        let cols = t.shape.last ?? 1
        return stride(from: 0, to: t.count, by: cols).map { r in
            "[" + t.scalars[r..<(r + cols)].map { String(format: "%6.2f", $0) }.joined(separator: " ") + " ]"
        }.joined(separator: " ")
    }

    static func composition(_ ctx: DemoContext) {
        ctx.heading(ctx.tr("Matrix product = doing one map after another"))
        let (rotate, stretch) = (LinearMaps.rotate, LinearMaps.stretch)
        let v = Tensor([[1], [1]])                 // a column, shape [2, 1]
        let (stepByStep, combined, reversed) = LinearMaps.composition(v)
        ctx.say("rotate R = {0}   stretch S = {1}   v = {2}", show(rotate), show(stretch), show(v.transposed()))
        ctx.print("S·(R·v)  = \(show(stepByStep.transposed()))")
        ctx.say("(S·R)·v  = {0}   with S·R = {1}", show(combined.matmul(v).transposed()), show(combined))
        ctx.say("R·S      = {0}  — a different map: order matters.", show(reversed))
        // A batch of 3 row vectors, [3, 2]; X·Mᵀ maps every row at once.
        let x = Tensor(shape: [3, 2], scalars: [1, 0, 0, 1, 1, 1])
        let mapped = LinearMaps.mapRows(x, by: combined)   // [3, 2]
        ctx.say("A layer maps a whole batch: X [3, 2] · (S·R)ᵀ [2, 2] → [3, 2] = {0}", show(mapped))
    }

    static func projection(_ ctx: DemoContext) {
        ctx.heading(ctx.tr("Projection onto a line: P = u·uᵀ / (uᵀ·u)"))
        let u = Tensor([[2], [1]])
        let p = LinearMaps.projection(onto: u)
        let x = Tensor([[1], [3]])
        let (px, residual) = LinearMaps.project(x, onto: u)
        let dot = residual.matmul(u, transposeSelf: true).scalar
        ctx.print("P = \(show(p))")
        ctx.say("x = {0} → P·x = {1}, residual x − P·x = {2}", show(x.transposed()), show(px.transposed()), show(residual.transposed()))
        ctx.say("residual · u = {0} (orthogonal: P·x is the closest point on the line)", fixed(Double(dot), 6))
        let p2 = p.matmul(p)
        let maxDiff = zip(p2.scalars, p.scalars).map { abs($0 - $1) }.max()!
        ctx.say("P·P − P: largest entry {0} — projecting twice changes nothing.", sci(Double(maxDiff)))
    }

    static func circleToEllipse(_ ctx: DemoContext) throws {
        ctx.heading(ctx.tr("What a matrix does to the unit circle"))
        let m = Tensor([[1.5, 0.5], [0.3, 0.8]])
        let n = 64
        let angles = (0...n).map { 2 * Double.pi * Double($0) / Double(n) }
        let circle = Tensor(shape: [n + 1, 2], scalars: angles.flatMap { [Float(cos($0)), Float(sin($0))] })
        let image = circle.matmul(m, transposeOther: true)
        var plot = LinePlot(title: ctx.tr("unit circle and its image under M"), xLabel: "x", yLabel: "y")
        plot.add(ctx.tr("circle"), xs: stride(from: 0, to: circle.count, by: 2).map { Double(circle.scalars[$0]) },
                 ys: stride(from: 1, to: circle.count, by: 2).map { Double(circle.scalars[$0]) })
        plot.add("M·circle", xs: stride(from: 0, to: image.count, by: 2).map { Double(image.scalars[$0]) },
                 ys: stride(from: 1, to: image.count, by: 2).map { Double(image.scalars[$0]) })
        try ctx.show("ellipse", plot, height: 14)
        let det = 1.5 * 0.8 - 0.5 * 0.3
        ctx.say("M = {0}: the circle becomes an ellipse; its area grows by |det M| = {1}.", show(m), fixed(det, 2))
    }
}
