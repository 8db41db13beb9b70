/// The settings of a LoRA fine-tune (Hu et al. 2021, "LoRA: Low-Rank Adaptation of Large
/// Language Models"), with the field names PEFT writes to `adapter_config.json`.
///
/// A frozen projection `W` gains a trainable low-rank update:
/// ```
/// y = x·W + (α/r) · dropout(x)·Aᵀ·Bᵀ        A: [r, in],  B: [out, r]
/// ```
/// `A` starts random and `B` at zero, so training starts from the base model exactly.
///
/// ```swift
/// let config = LoRAConfiguration(rank: 8, alpha: 16, targetModules: ["c_attn", "c_proj"])
/// let lora = LoRAModel(wrapping: gpt2, configuration: config)   // base frozen, adapters trainable
/// ```
public struct LoRAConfiguration: Sendable, Equatable {
    /// `r`: the rank of the update `B·A`.
    public var rank: Int
    /// `α`: the update is scaled by `α / r`, so changing `r` does not change the update's size at init.
    public var alpha: Float
    /// Dropout applied to the adapter's input only (the frozen path sees `x` unchanged).
    public var dropout: Float
    /// Names of the projections that get adapters; a module matches when its dotted name equals
    /// a target or ends with `"." + target` (PEFT's rule), e.g. `c_proj` matches both
    /// `h.0.attn.c_proj` and `h.0.mlp.c_proj`.
    public var targetModules: [String]
    /// True when the base weights are stored `[in, out]` (GPT-2's `Conv1D`); PEFT records it
    /// because merging must then add `(B·A)ᵀ`.
    public var fanInFanOut: Bool
    /// Seed for `A`'s initial values and the dropout masks.
    public var seed: UInt64

    public init(rank: Int = 8, alpha: Float = 16, dropout: Float = 0, targetModules: [String] = ["c_attn"],
                fanInFanOut: Bool = true, seed: UInt64 = 0) {
        self.rank = rank
        self.alpha = alpha
        self.dropout = dropout
        self.targetModules = targetModules
        self.fanInFanOut = fanInFanOut
        self.seed = seed
    }

    /// `α / r`, the factor in front of `B·A`.
    public var scaling: Float { alpha / Float(rank) }

    /// Whether the module at `name` (dotted path) is one of the targets.
    public func targets(_ name: String) -> Bool {
        targetModules.contains { name == $0 || name.hasSuffix("." + $0) }
    }
}
