// What crosses between the checks and the learner's program (see Lessons/FORMAT.md, "Grading").
import Foundation
import LLMCourseKit

/// One node of a graph of `Value`s as it crosses: its operation ("value" for a leaf, "+", "*",
/// "tanh"), the indices of its inputs among the nodes before it, and its data.
struct ValueNode: Codable {
    var op: String
    var inputs: [Int]
    var data: Double
}

#if LEARNER_SIDE
func serveCalls(_ server: LearnerServer) {
    // Rebuilds the graph with the learner's Value, runs its backward() from the last node,
    // and answers every node's grad.
    server.handle("backward") { (nodes: [ValueNode]) in
        var values: [Value] = []
        for node in nodes {
            switch node.op {
            case "+": values.append(values[node.inputs[0]] + values[node.inputs[1]])
            case "*": values.append(values[node.inputs[0]] * values[node.inputs[1]])
            case "tanh": values.append(values[node.inputs[0]].tanh())
            default: values.append(Value(node.data))
            }
        }
        values.last?.backward()
        return values.map(\.grad)
    }
}
#else
/// The checks' own Value: it records the graph and computes the forward pass (given in the
/// starter); only backward() — the learner's part — runs in the learner's program.
final class Value {
    let data: Double
    var grad: Double = 0
    private let op: String
    private let inputs: [Value]

    convenience init(_ data: Double) { self.init(data, op: "value", inputs: []) }

    private init(_ data: Double, op: String, inputs: [Value]) {
        self.data = data
        self.op = op
        self.inputs = inputs
    }

    static func + (a: Value, b: Value) -> Value { Value(a.data + b.data, op: "+", inputs: [a, b]) }

    static func * (a: Value, b: Value) -> Value { Value(a.data * b.data, op: "*", inputs: [a, b]) }

    func tanh() -> Value { Value(Foundation.tanh(data), op: "tanh", inputs: [self]) }

    /// Sends the graph this value depends on (inputs before outputs, this value last) and sets
    /// each node's grad to what the learner's backward() gave it.
    func backward() {
        var order: [Value] = [], index: [ObjectIdentifier: Int] = [:]
        func visit(_ v: Value) {
            guard index[ObjectIdentifier(v)] == nil else { return }
            v.inputs.forEach(visit)
            index[ObjectIdentifier(v)] = order.count
            order.append(v)
        }
        visit(self)
        let nodes = order.map { v in ValueNode(op: v.op, inputs: v.inputs.map { index[ObjectIdentifier($0)]! }, data: v.data) }
        let grads: [Double] = learnerCall("backward", nodes)
        for (v, grad) in zip(order, grads) { v.grad = grad }
    }
}
#endif
