import Autograd
import NeuralNets
import Tensors

/// A multi-layer perceptron for 2-D classification, with optional dropout after each hidden layer.
///
/// Shapes: input `[N, 2]` → hidden `[N, width]` (tanh) × depth → logits `[N, classes]`.
final class MLPClassifier: Module {
    let layers: [Linear]
    let dropouts: [Dropout]

    init(hidden: [Int], classes: Int = 2, dropout: Float = 0, rng: inout SplitMix64) {
        let sizes = [2] + hidden + [classes]
        layers = (0..<(sizes.count - 1)).map { i in
            Linear(sizes[i], sizes[i + 1], activation: i < sizes.count - 2 ? .tanh : .identity, rng: &rng)
        }
        let seed = rng.next()
        dropouts = dropout > 0 ? hidden.indices.map { Dropout(dropout, seed: seed &+ UInt64($0)) } : []
    }

    var children: [(name: String, module: any Module)] {
        layers.enumerated().map { ("layers.\($0.offset)", $0.element as any Module) }
            + dropouts.enumerated().map { ("dropout.\($0.offset)", $0.element as any Module) }
    }

    // ANCHOR: classifier-forward
    func callAsFunction(_ x: Variable) -> Variable {
        var h = x
        for (i, layer) in layers.enumerated() {
            h = layer(h)                                   // [N, out_i]
            if i < dropouts.count { h = dropouts[i](h) }   // hidden only
        }
        return h                                           // [N, classes]
    }
    // ANCHOR_END: classifier-forward

    /// Mean cross-entropy and accuracy on a data set, without building a graph.
    func evaluate(_ data: ClassificationData) -> (loss: Double, accuracy: Double) {
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

/// What one training run recorded.
struct TrainingRecord {
    var trainLoss: [Double] = []
    var validationLoss: [Double] = []
    var validationAccuracy: [Double] = []
}

// ANCHOR: training-loop
/// Full-batch training: forward, loss, backward, optimiser step.
/// Repeated `steps` times.
func train(_ model: MLPClassifier, on data: ClassificationData,
           validation: ClassificationData? = nil, optimizer: any Optimizer,
           steps: Int, evaluateEvery: Int = 10) -> TrainingRecord {
    var record = TrainingRecord()
    let x = Variable(data.inputs)                                    // [N, 2]
    for step in 0..<steps {
        optimizer.zeroGrad()
        let loss = crossEntropy(model(x), targets: data.labels)      // scalar
        loss.backward()
        optimizer.step()
        record.trainLoss.append(Double(loss.value.scalar))
        if let validation, step % evaluateEvery == 0 || step == steps - 1 {
            let result = model.evaluate(validation)
            record.validationLoss.append(result.loss)
            record.validationAccuracy.append(result.accuracy)
        }
    }
    return record
}
// ANCHOR_END: training-loop
