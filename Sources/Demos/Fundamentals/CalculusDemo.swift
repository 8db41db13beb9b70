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
        ctx.heading("f(x) = x³ − 2x at x = 1.3: exact f'(x) = 3x² − 2 = \(fixed(fPrime(1.3), 6))")
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
        ctx.table(["h", "forward", "error", "central", "error"], rows)
        let best = centralErrors.enumerated().min { $0.element < $1.element }!
        ctx.print("Central differences are best near h = 1e\(Int(exponents[best.offset])) (error \(sci(pow(10, best.element)))); smaller h loses digits to rounding.")
        var plot = LinePlot(title: "log10 error of the derivative estimate", xLabel: "log10 h", yLabel: "log10 error")
        plot.add("forward", xs: exponents, ys: forwardErrors)
        plot.add("central", xs: exponents, ys: centralErrors)
        try ctx.show("finite-difference-error", plot, height: 10)
    }

    static func gradientDescent(_ ctx: DemoContext) throws {
        ctx.heading("Gradient descent on L(x, y) = (x − 1)² + 4(y + 2)²")
        var plot = LinePlot(title: "loss per step", xLabel: "step", yLabel: "log10 loss")
        var rows: [[String]] = []
        for rate in [0.05, 0.2, 0.26] {
            let path = Calculus.descend(from: (-2, 1), rate: rate, steps: 30)
            plot.add("rate \(rate)", ys: path.map { log10(max($0.loss, 1e-12)) })
            let end = path.last!
            rows.append([String(rate), fixed(end.x, 4), fixed(end.y, 4), sci(end.loss)])
        }
        ctx.table(["rate", "x after 30", "y after 30", "loss"], rows)
        ctx.print("The steep y direction (curvature 8) limits the rate: above 2/8 = 0.25 the y steps overshoot and grow.")
        try ctx.show("descent", plot, height: 10)
    }
}
