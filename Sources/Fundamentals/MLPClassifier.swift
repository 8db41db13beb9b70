import Autograd
import NeuralNets
import Tensors

/// A multi-layer perceptron for 2-D classification, with optional dropout after each hidden layer.
///
/// Shapes: input `[N, 2]` → hidden `[N, width]` (tanh) × depth → logits `[N, classes]`.
///
/// ```swift
/// var rng = SplitMix64(seed: 42)
/// let data = ClassificationData.spirals(perClass: 100, rng: &rng)
/// let model = MLPClassifier(hidden: [32, 32], rng: &rng)
/// let record = train(model, on: data, optimizer: Adam(model.trainableParameters(), learningRate: 0.02), steps: 500)
/// model.evaluate(data).accuracy
/// ```
public final class MLPClassifier: Module {
    public let layers: [Linear]
    public let dropouts: [Dropout]

    /// `hidden` widths between the 2 inputs and `classes` outputs; `dropout` > 0 adds a dropout
    /// layer of that rate after each hidden layer.
    public init(hidden: [Int], classes: Int = 2, dropout: Float = 0, rng: inout SplitMix64) {
        let sizes = [2] + hidden + [classes]
        layers = (0..<(sizes.count - 1)).map { i in
            Linear(sizes[i], sizes[i + 1], activation: i < sizes.count - 2 ? .tanh : .identity, rng: &rng)
        }
        let seed = rng.next()
        dropouts = dropout > 0 ? hidden.indices.map { Dropout(dropout, seed: seed &+ UInt64($0)) } : []
    }

    public var children: [(name: String, module: any Module)] {
        layers.enumerated().map { ("layers.\($0.offset)", $0.element as any Module) }
            + dropouts.enumerated().map { ("dropout.\($0.offset)", $0.element as any Module) }
    }

    // ANCHOR: classifier-forward
    public func callAsFunction(_ x: Variable) -> Variable {
        var h = x
        for (i, layer) in layers.enumerated() {
            h = layer(h)                                   // [N, out_i]
            if i < dropouts.count { h = dropouts[i](h) }   // hidden only
        }
        return h                                           // [N, classes]
    }
    // ANCHOR_END: classifier-forward

    /// Mean cross-entropy and accuracy on a data set, without building a graph.
    public func evaluate(_ data: ClassificationData) -> (loss: Double, accuracy: Double) {
        setTraining(false)
        defer { setTraining(true) }
        return withNoGrad {
            let logits = self(Variable(data.inputs))
            let loss = Double(crossEntropy(logits, targets: data.labels).value.scalar)
            let predicted = logits.value.argmax(axis: -1)
            let correct = zip(predicted, data.labels).filter { $0 == $1 }.count
            return (loss, Double(correct) / Double(data.count))
        }
    }
}
