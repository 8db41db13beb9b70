import Foundation
import Testing
import Fundamentals

@Suite struct CalculusTests {
    static func f(_ x: Double) -> Double { x * x * x - 2 * x }
    static func fPrime(_ x: Double) -> Double { 3 * x * x - 2 }

    @Test func centralDifferenceBeatsForwardDifference() {
        let exact = Self.fPrime(1.3)
        let central = Calculus.centralDifference(Self.f, at: 1.3, h: 1e-4)
        let forward = (Self.f(1.3 + 1e-4) - Self.f(1.3)) / 1e-4
        #expect(abs(central - exact) < 1e-7)
        #expect(abs(forward - exact) > 1e-5)
    }

    @Test func gradientIsTheCentralDifferenceAlongEachCoordinate() {
        // f(x) = x₀² + 3·x₀·x₁: ∂f/∂x₀ = 2x₀ + 3x₁ = 8, ∂f/∂x₁ = 3x₀ = 3 at (1, 2).
        let g = Calculus.centralDifferenceGradient(of: { $0[0] * $0[0] + 3 * $0[0] * $0[1] }, at: [1, 2])
        #expect(abs(g[0] - 8) < 1e-8 && abs(g[1] - 3) < 1e-8)
        // Coordinate by coordinate, exactly the one-dimensional formula.
        let x = [0.4, -1.1]
        let f: ([Double]) -> Double = { sin($0[0]) * exp($0[1]) }
        let along1 = Calculus.centralDifference({ f([x[0], $0]) }, at: x[1], h: 1e-3)
        #expect(Calculus.centralDifferenceGradient(of: f, at: x, h: 1e-3)[1] == along1)
    }

    @Test func gradientDescentConvergesBelowTheCriticalRate() {
        let good = Calculus.descend(from: (-2, 1), rate: 0.2, steps: 30).last!
        #expect(abs(good.x - 1) < 1e-2 && abs(good.y + 2) < 1e-6)
        let bad = Calculus.descend(from: (-2, 1), rate: 0.26, steps: 30).last!
        #expect(bad.loss > 10)
    }
}
