import Autograd
import Tensors

/// The micrograd neuron rebuilt from 1-element tensors in the tensor autograd, so the two
/// engines' gradients can be compared number for number.
enum TensorNeuron {
    /// Gradients of tanh(x1·w1 + x2·w2 + b) for the leaves [x1, x2, w1, w2, b].
    static func gradients(_ point: [Double]) -> [Double]? {
        let leaves = point.map { Variable(Tensor([Float($0)]), requiresGrad: true) }
        let n = leaves[0] * leaves[2] + leaves[1] * leaves[3] + leaves[4]
        n.tanh().sum().backward()
        return leaves.map { Double($0.grad?.scalars.first ?? .nan) }
    }
}
