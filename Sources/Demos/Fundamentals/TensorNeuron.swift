import Tensors

/// The micrograd neuron rebuilt from tensors, so its gradients can be compared with the
/// scalar autograd's. Returns nil while the tensor autograd is unavailable.
enum TensorNeuron {
    /// Gradients of tanh(x1·w1 + x2·w2 + b) for the leaves [x1, x2, w1, w2, b].
    static func gradients(_ point: [Double]) -> [Double]? {
        nil
    }
}
