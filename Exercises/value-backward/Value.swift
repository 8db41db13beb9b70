import Foundation
import LLMCourseKit

/// A scalar in a computation graph with the gradient of the final output with respect to it.
final class Value {
    var data: Double
    var grad: Double = 0
    let inputs: [Value]
    /// Adds this node's contribution to its inputs' gradients, using `grad`.
    var propagate: () -> Void = {}

    init(_ data: Double, inputs: [Value] = []) {
        self.data = data
        self.inputs = inputs
    }

    static func + (a: Value, b: Value) -> Value {
        let out = Value(a.data + b.data, inputs: [a, b])
        out.propagate = { [unowned out] in
            a.grad += out.grad
            b.grad += out.grad
        }
        return out
    }

    static func * (a: Value, b: Value) -> Value {
        let out = Value(a.data * b.data, inputs: [a, b])
        out.propagate = { [unowned out] in
            // TODO: add each input's share of out.grad (∂(ab)/∂a = b, ∂(ab)/∂b = a).
            _ = out.grad
        }
        return out
    }

    func tanh() -> Value {
        let t = Foundation.tanh(data)
        let out = Value(t, inputs: [self])
        out.propagate = { [unowned out, unowned self] in
            // TODO: add this input's share of out.grad (∂tanh(x)/∂x = 1 − tanh(x)²).
            _ = (out.grad, self.grad)
        }
        return out
    }

    /// Fills `grad` of every value this one depends on with ∂self/∂value.
    func backward() {
        var order: [Value] = [], seen = Set<ObjectIdentifier>()
        func visit(_ v: Value) {
            guard seen.insert(ObjectIdentifier(v)).inserted else { return }
            v.inputs.forEach(visit)
            order.append(v)
        }
        visit(self)
        order.forEach { $0.grad = 0 }
        grad = 1
        for v in order.reversed() { v.propagate() }
    }
}
