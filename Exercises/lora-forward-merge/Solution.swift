import LLMCourseKit

// The reference answer: the course library's LoRA adapter (Sources/FineTuning/LoRA/LoRAAdapter.swift,
// regions "lora-forward" and "lora-delta"), on a PyTorch-layout projection.
func loraForward(_ x: [[Float]], weight: [[Float]], a: [[Float]], b: [[Float]], scaling: Float) -> [[Float]] {
    let adapter = LoRAAdapter(inFeatures: a[0].count, outFeatures: b.count, rank: a.count, scaling: scaling)
    adapter.loraA.weight.value = Tensor(a)
    adapter.loraB.weight.value = Tensor(b)
    let input = Variable(Tensor(x))
    let y = input.matmul(Variable(Tensor(weight)), transposeOther: true) + adapter(input)
    return rows(y.value)
}

func mergeLoRA(weight: [[Float]], a: [[Float]], b: [[Float]], scaling: Float) -> [[Float]] {
    let adapter = LoRAAdapter(inFeatures: a[0].count, outFeatures: b.count, rank: a.count, scaling: scaling)
    adapter.loraA.weight.value = Tensor(a)
    adapter.loraB.weight.value = Tensor(b)
    return rows(Tensor(weight) + adapter.deltaWeight())
}

private func rows(_ t: Tensor) -> [[Float]] {
    let columns = t.shape[1]
    return (0..<t.shape[0]).map { Array(t.scalars[($0 * columns)..<(($0 + 1) * columns)]) }
}
