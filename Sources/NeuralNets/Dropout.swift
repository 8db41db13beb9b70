import Autograd
import Tensors

/// Dropout (Srivastava et al. 2014): during training, zero each element with probability `p`
/// and scale the survivors by `1/(1 − p)` so the expected value is unchanged; in evaluation,
/// pass everything through.
///
/// The layer owns a seeded generator, so a training run is reproducible. Switch modes with
/// `model.setTraining(false)`.
///
/// ```swift
/// let drop = Dropout(0.1, seed: 1)
/// let y = drop(x)          // training: about 10% zeros, the rest × 1/0.9
/// ```
public final class Dropout: Module, TrainingModeDependent {
    public let probability: Float
    public var isTraining = true
    private var rng: SplitMix64

    public init(_ probability: Float, seed: UInt64 = 0) {
        precondition(probability >= 0 && probability < 1, "Dropout: probability must be in [0, 1), got \(probability)")
        self.probability = probability
        rng = SplitMix64(seed: seed)
    }

    public func callAsFunction(_ x: Variable) -> Variable {
        guard isTraining && probability > 0 else { return x }
        let keep = 1 - probability, scale = 1 / keep
        let mask = Tensor(shape: x.value.shape) { out in
            for i in out.indices { out[i] = rng.nextUniform() < keep ? scale : 0 }
        }
        return x * mask
    }
}
