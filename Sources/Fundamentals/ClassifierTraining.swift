import Autograd
import NeuralNets
import Tensors

// Training the classifier, and two of the regularizers the neural-networks lesson compares:
// decoupled weight decay (AdamW) and early stopping. Dropout lives in the model itself.

/// What one training run recorded: the training loss at every step, and the validation loss
/// and accuracy every `evaluateEvery` steps (and at the last step).
public struct TrainingRecord {
    public var trainLoss: [Double] = []
    public var validationLoss: [Double] = []
    public var validationAccuracy: [Double] = []

    public init() {}

    /// The step whose validation loss was lowest, when validation ran every `every` steps.
    public func bestStep(every: Int) -> Int {
        let best = validationLoss.indices.min { validationLoss[$0] < validationLoss[$1] }!
        return best * every
    }
}

// ANCHOR: training-loop
/// Full-batch training: forward, loss, backward, optimizer step.
/// Repeated `steps` times. A `penalty` (an L1 or L2 term on the weights)
/// is added to the loss that is minimized; the record keeps the data term.
public func train(_ model: MLPClassifier, on data: ClassificationData,
                  validation: ClassificationData? = nil, optimizer: any Optimizer,
                  steps: Int, evaluateEvery: Int = 10,
                  penalty: (() -> Variable)? = nil) -> TrainingRecord {
    var record = TrainingRecord()
    let x = Variable(data.inputs)                                    // [N, 2]
    for step in 0..<steps {
        optimizer.zeroGrad()
        let loss = crossEntropy(model(x), targets: data.labels)      // scalar
        let objective = penalty.map { loss + $0() } ?? loss
        objective.backward()
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

// ANCHOR: weight-decay
/// Adam for the classifier's parameters; AdamW when λ > 0: decay acts on
/// the weights, not the gradient.
public func regularisedOptimizer(for model: MLPClassifier, learningRate: Float,
                                 weightDecay: Float) -> Adam {
    Adam(model.trainableParameters(),
         learningRate: learningRate,
         weightDecay: weightDecay,
         decoupledWeightDecay: true)
}
// ANCHOR_END: weight-decay

// ANCHOR: early-stopping
/// Early stopping: train `model` (fresh, with the same initial weights as
/// the run that found `bestStep`) only up to the step where the validation
/// loss was lowest, so it ends with the weights from that point.
public func trainStoppingEarly(_ model: MLPClassifier, on data: ClassificationData,
                               bestStep: Int, learningRate: Float) {
    let adam = Adam(model.trainableParameters(), learningRate: learningRate)
    _ = train(model, on: data, optimizer: adam, steps: bestStep + 1)
}
// ANCHOR_END: early-stopping
