import LLMCourseKit

/// The output of a linear layer with a LoRA adapter, for a batch `x` of shape `[n][in]`:
///
///     y = x·Wᵀ + scaling · (x·Aᵀ)·Bᵀ
///
/// Shapes: `weight` W is `[out][in]` (frozen), `a` is `[r][in]`, `b` is `[out][r]`; the
/// result is `[n][out]`. Compute the adapter path through the small `[n][r]` intermediate —
/// never build the `[out][in]` product `B·A` here.
func loraForward(_ x: [[Float]], weight: [[Float]], a: [[Float]], b: [[Float]], scaling: Float) -> [[Float]] {
    // TODO: the frozen path x·Wᵀ, plus the low-rank path (x·Aᵀ)·Bᵀ times scaling.
    return []
}

/// The merged weight `W + scaling · B·A` (`[out][in]`): one matrix that gives the same outputs
/// as the frozen weight plus the adapter, with no extra cost at inference.
func mergeLoRA(weight: [[Float]], a: [[Float]], b: [[Float]], scaling: Float) -> [[Float]] {
    // TODO: (B·A)[o][i] = Σ_k b[o][k] · a[k][i]
    return []
}
