import Figures
import Foundation
import Fundamentals

/// `llmcourse run math-calculus`: derivatives by finite differences and their errors,
/// then gradient descent following the gradient downhill.
enum CalculusDemo {
    static let demo = Demo(id: "math-calculus", summary: "Derivatives vs finite differences, and gradient descent on a bowl",
                           inputs: ["Sources/Demos/Fundamentals", "Sources/Fundamentals"]) { ctx in
        try finiteDifferences(ctx)
        try gradientDescent(ctx)
    }

    static func f(_ x: Double) -> Double { x * x * x - 2 * x }
    static func fPrime(_ x: Double) -> Double { 3 * x * x - 2 }

    static func finiteDifferences(_ ctx: DemoContext) throws {
        ctx.heading(ctx.tr("f(x) = x³ − 2x at x = 1.3: exact f'(x) = 3x² − 2 = {0}", fixed(fPrime(1.3), 6)))
        let x = 1.3
        var rows: [[String]] = []
        var forwardErrors: [Double] = [], centralErrors: [Double] = [], exponents: [Double] = []
        for k in 1...12 {
            let h = pow(10, -Double(k))
            let forward = (f(x + h) - f(x)) / h
            let central = Calculus.centralDifference(f, at: x, h: h)
            let ef = abs(forward - fPrime(x)), ec = abs(central - fPrime(x))
            rows.append(["1e-\(k)", fixed(forward, 8), sci(ef), fixed(central, 8), sci(ec)])
            exponents.append(-Double(k))
            forwardErrors.append(log10(max(ef, 1e-17)))
            centralErrors.append(log10(max(ec, 1e-17)))
        }
        ctx.table(["h", ctx.tr("forward"), ctx.tr("error"), ctx.tr("central"), ctx.tr("error")], rows)
        let best = centralErrors.enumerated().min { $0.element < $1.element }!
        ctx.say("Central differences are best near h = 1e{0} (error {1}); smaller h loses digits to rounding.", String(Int(exponents[best.offset])), sci(pow(10, best.element)))
        var plot = LinePlot(title: ctx.tr("log10 error of the derivative estimate"), xLabel: "log10 h", yLabel: ctx.tr("log10 error"))
        plot.add(ctx.tr("forward"), xs: exponents, ys: forwardErrors)
        plot.add(ctx.tr("central"), xs: exponents, ys: centralErrors)
        try ctx.show("finite-difference-error", plot, height: 10)
    }

    static func gradientDescent(_ ctx: DemoContext) throws {
        ctx.heading(ctx.tr("Gradient descent on L(x, y) = (x − 1)² + 4(y + 2)²"))
        var plot = LinePlot(title: ctx.tr("loss per step"), xLabel: ctx.tr("step"), yLabel: ctx.tr("log10 loss"))
        var rows: [[String]] = []
        for rate in [0.05, 0.2, 0.26] {
            let path = Calculus.descend(from: (-2, 1), rate: rate, steps: 30)
            plot.add(ctx.tr("rate {0}", String(rate)), ys: path.map { log10(max($0.loss, 1e-12)) })
            let end = path.last!
            rows.append([String(rate), fixed(end.x, 4), fixed(end.y, 4), sci(end.loss)])
        }
        ctx.table([ctx.tr("rate"), ctx.tr("x after 30"), ctx.tr("y after 30"), ctx.tr("loss")], rows)
        ctx.say("The steep y direction (curvature 8) limits the rate: above 2/8 = 0.25 the y steps overshoot and grow.")
        try ctx.show("descent", plot, height: 10)
    }
}
