import Tensors

/// A tensor that remembers how it was computed, so gradients can flow back through it.
///
/// Every operation on variables records its inputs (`parents`) and a closure that, given the
/// gradient of the result, adds the gradients of the inputs (the chain rule, one step).
/// ``backward(seed:)`` visits the recorded graph from the output back to the leaves in reverse
/// topological order, exactly like micrograd's `Value`, but with tensors instead of scalars.
///
/// ```swift
/// let w = Variable(Tensor([[1, 2], [3, 4]]), requiresGrad: true)
/// let x = Variable(Tensor([[1], [1]]))
/// let loss = w.matmul(x).sum()              // (1+2) + (3+4) = 10
/// loss.backward()
/// print(w.grad!)                            // [[1, 1], [1, 1]]
/// ```
///
/// - Gradients **accumulate**: calling `backward` twice adds; clear with ``zeroGrad()``.
/// - A variable with `requiresGrad == false` is a constant (data, or a frozen parameter):
///   no gradient is computed for it, and nothing is recorded for results that depend only on constants.
/// - Inside ``withNoGrad(_:)`` nothing is recorded at all (evaluation, optimizer updates).
public final class Variable {
    /// The current value.
    public var value: Tensor
    /// The accumulated gradient of the last `backward` calls, `nil` until one reaches this variable.
    public var grad: Tensor?
    /// Whether gradients flow to this variable. Set to `false` to freeze a parameter.
    public var requiresGrad: Bool
    /// The inputs this value was computed from (empty for leaves).
    public let parents: [Variable]
    /// Adds the parents' gradients given this variable's gradient. `nil` for leaves.
    let backwardStep: ((Tensor) -> Void)?
    /// A short name of the operation that made this variable (`"matmul"`, `"add"`, …), for debugging.
    public let operation: String

    /// A leaf: data (`requiresGrad: false`) or a parameter (`requiresGrad: true`).
    public init(_ value: Tensor, requiresGrad: Bool = false) {
        self.value = value
        self.requiresGrad = requiresGrad
        self.parents = []
        self.backwardStep = nil
        self.operation = "leaf"
    }

    /// The result of an operation. This is how every op — in this module or another — joins the graph.
    ///
    /// `backward` receives the gradient of this result and must call ``accumulateGrad(_:)`` on
    /// each parent whose `requiresGrad` is true. When gradients are off (``withNoGrad(_:)``) or
    /// no parent needs one, the result is a plain constant and `backward` is dropped.
    public init(_ value: Tensor, operation: String, parents: [Variable], backward: @escaping (Tensor) -> Void) {
        self.value = value
        self.operation = operation
        if GradientMode.isEnabled && parents.contains(where: \.requiresGrad) {
            self.requiresGrad = true
            self.parents = parents
            self.backwardStep = backward
        } else {
            self.requiresGrad = false
            self.parents = []
            self.backwardStep = nil
        }
    }

    /// Shape of the value.
    public var shape: [Int] { value.shape }

    /// Adds `gradient` into ``grad`` in place (the first contribution is stored without a copy).
    public func accumulateGrad(_ gradient: Tensor) {
        precondition(gradient.shape == value.shape,
                     "accumulateGrad: gradient \(gradient.shape) does not match value \(value.shape) (\(operation))")
        if grad == nil { grad = gradient } else { grad!.add(gradient) }
    }

    /// Adds a gradient computed straight into the gradient buffer, saving a temporary.
    ///
    /// `write(buffer, beta)` must set `buffer = beta · buffer + contribution`; `beta` is 0 for the
    /// first contribution (the buffer is then uninitialized) and 1 afterwards — exactly GEMM's `beta`.
    public func accumulateGrad(writing write: (UnsafeMutablePointer<Float>, _ beta: Float) -> Void) {
        if grad == nil {
            grad = Tensor(shape: value.shape) { buffer in write(buffer.baseAddress!, 0) }
        } else {
            grad!.scalars.withUnsafeMutableBufferPointer { buffer in write(buffer.baseAddress!, 1) }
        }
    }

    /// Clears the gradient.
    public func zeroGrad() { grad = nil }

    /// Back-propagates from this variable. `seed` is d(something)/d(self); it defaults to 1,
    /// which needs a one-element output such as a loss.
    public func backward(seed: Tensor? = nil) {
        precondition(seed != nil || value.count == 1,
                     "backward: output has shape \(value.shape); pass a seed gradient for non-scalar outputs")
        guard requiresGrad else { return }
        AllocatorTuning.keepFreedMemory()
        accumulateGrad(seed ?? Tensor(repeating: 1, shape: value.shape))
        for node in topologicalOrder().reversed() {
            if let step = node.backwardStep, let g = node.grad { step(g) }
        }
    }

    /// Every variable this one depends on (that needs a gradient), inputs before outputs.
    /// Iterative, so deep graphs (long training loops unrolled through time) cannot overflow the stack.
    public func topologicalOrder() -> [Variable] {
        var order: [Variable] = []
        var visited = Set<ObjectIdentifier>()
        var stack: [(Variable, Int)] = [(self, 0)]
        visited.insert(ObjectIdentifier(self))
        while let (node, next) = stack.popLast() {
            if next < node.parents.count {
                stack.append((node, next + 1))
                let parent = node.parents[next]
                if parent.requiresGrad && visited.insert(ObjectIdentifier(parent)).inserted {
                    stack.append((parent, 0))
                }
            } else {
                order.append(node)
            }
        }
        return order
    }

    /// A constant copy of the value, cut off from the graph.
    public func detached() -> Variable { Variable(value) }
}

extension Variable: CustomStringConvertible {
    public var description: String {
        "Variable(\(operation), \(value)\(requiresGrad ? ", requiresGrad" : ""))"
    }
}
