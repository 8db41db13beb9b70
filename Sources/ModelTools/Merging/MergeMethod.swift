/// How several fine-tuned models with the same architecture become one.
///
/// Every method works tensor by tensor on parameters with the same name and shape. Those that
/// take a `base` work on *task vectors* `τᵢ = θᵢ − θ_base`: what fine-tuning changed.
///
/// | method | result for one tensor |
/// |---|---|
/// | `linear` | `Σ wᵢ θᵢ / Σ wᵢ` (Wortsman et al., 2022, "Model soups") |
/// | `slerp(t)` | along the great circle from θ₀ to θ₁ (two models; Shoemake, 1985) |
/// | `taskArithmetic` | `θ_base + λ Σ wᵢ τᵢ` (Ilharco et al., 2023) |
/// | `ties` | trim each τᵢ to its largest `density` share, elect a sign per element, average the agreeing ones (Yadav et al., 2023) |
/// | `dare` | drop each τᵢ element with probability `1 − density`, rescale the rest by `1/density`, then add (Yu et al., 2024) |
public enum MergeMethod: Equatable, Sendable {
    case linear
    case slerp(t: Float)
    case taskArithmetic
    case ties(density: Float)
    case dare(density: Float, seed: UInt64)

    /// Whether the method works on differences from a base model.
    public var needsBase: Bool {
        switch self {
        case .linear, .slerp: return false
        case .taskArithmetic, .ties, .dare: return true
        }
    }

    /// A short name for metadata and messages (`ties`, `slerp` …).
    public var name: String {
        switch self {
        case .linear: return "linear"
        case .slerp: return "slerp"
        case .taskArithmetic: return "task-arithmetic"
        case .ties: return "ties"
        case .dare: return "dare"
        }
    }
}
