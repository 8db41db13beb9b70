import Foundation

/// One scalar in a computation graph, with the gradient of the final output with respect to it.
///
/// A minimal reverse-mode autograd over single numbers, written for teaching. Each operation
/// creates a new `Value` that remembers its inputs and a closure that, given the output's
/// gradient, adds the local chain-rule contribution into the inputs' gradients:
///
/// ```swift
/// let a = Value(2), b = Value(-3)
/// let c = (a * b + 1).tanh()
/// c.backward()
/// a.grad   // dc/da = (1 - c²) · b
/// ```
/// Gradients accumulate (`+=`) because a value used twice receives a contribution from each use.
public final class Value: CustomStringConvertible {
    public var data: Double
    public var grad: Double = 0
    public var label: String
    public let op: String
    public let inputs: [Value]
    private var propagate: () -> Void = {}

    public init(_ data: Double, label: String = "", op: String = "", inputs: [Value] = []) {
        self.data = data
        self.label = label
        self.op = op
        self.inputs = inputs
    }

    public var description: String { "Value(\(label.isEmpty ? "" : label + " ")data: \(data), grad: \(grad))" }

    // ANCHOR: add
    public static func + (a: Value, b: Value) -> Value {
        let out = Value(a.data + b.data, op: "+", inputs: [a, b])
        out.propagate = { [unowned out] in
            // d(a+b)/da = d(a+b)/db = 1: the gradient passes through.
            a.grad += out.grad
            b.grad += out.grad
        }
        return out
    }
    // ANCHOR_END: add

    // ANCHOR: mul
    public static func * (a: Value, b: Value) -> Value {
        let out = Value(a.data * b.data, op: "*", inputs: [a, b])
        out.propagate = { [unowned out] in
            // d(ab)/da = b and d(ab)/db = a: each gets the other factor.
            a.grad += b.data * out.grad
            b.grad += a.data * out.grad
        }
        return out
    }
    // ANCHOR_END: mul

    /// `self` raised to a constant power: d(xⁿ)/dx = n·xⁿ⁻¹.
    public func pow(_ n: Double) -> Value {
        let out = Value(Foundation.pow(data, n), op: "^\(n)", inputs: [self])
        out.propagate = { [unowned out, unowned self] in
            self.grad += n * Foundation.pow(self.data, n - 1) * out.grad
        }
        return out
    }

    // ANCHOR: tanh
    public func tanh() -> Value {
        let t = Foundation.tanh(data)
        let out = Value(t, op: "tanh", inputs: [self])
        out.propagate = { [unowned out, unowned self] in
            // d tanh(x)/dx = 1 − tanh(x)²: the output gives the slope.
            self.grad += (1 - t * t) * out.grad
        }
        return out
    }
    // ANCHOR_END: tanh

    /// eˣ, whose derivative is itself.
    public func exp() -> Value {
        let e = Foundation.exp(data)
        let out = Value(e, op: "exp", inputs: [self])
        out.propagate = { [unowned out, unowned self] in self.grad += e * out.grad }
        return out
    }

    public static func + (a: Value, b: Double) -> Value { a + Value(b) }
    public static func + (a: Double, b: Value) -> Value { Value(a) + b }
    public static func * (a: Value, b: Double) -> Value { a * Value(b) }
    public static func * (a: Double, b: Value) -> Value { Value(a) * b }
    public static prefix func - (a: Value) -> Value { a * -1 }
    public static func - (a: Value, b: Value) -> Value { a + (-b) }
    public static func / (a: Value, b: Value) -> Value { a * b.pow(-1) }

    // ANCHOR: backward
    /// Every value in the graph, each after all its inputs (a topological order).
    public func topologicalOrder() -> [Value] {
        var order: [Value] = []
        var seen = Set<ObjectIdentifier>()
        func visit(_ v: Value) {
            guard seen.insert(ObjectIdentifier(v)).inserted else { return }
            v.inputs.forEach(visit)
            order.append(v)
        }
        visit(self)
        return order
    }

    /// Fills `grad` of every value this one depends on with d(self)/d(value).
    ///
    /// The graph is walked in reverse topological order, so a value's gradient is complete
    /// before it is passed on to its inputs.
    public func backward() {
        let order = topologicalOrder()
        order.forEach { $0.grad = 0 }
        grad = 1   // d(self)/d(self)
        for v in order.reversed() { v.propagate() }
    }
    // ANCHOR_END: backward
}
