import LLMCourseKit

// The reference answer: the course library's GRU cell (Sources/Fundamentals/GRUCell.swift,
// region "gru-forward"), its flat parameters laid out as W_ih, W_hh, b_ih, b_hh.
func gruStep(x: [Double], h: [Double], weightIH: [[Double]], weightHH: [[Double]], biasIH: [Double], biasHH: [Double]) -> [Double] {
    var rng = SplitMix64(seed: 0)
    var cell = GRUCell(inputSize: x.count, hidden: h.count, rng: &rng)
    cell.parameters = weightIH.flatMap { $0 } + weightHH.flatMap { $0 } + biasIH + biasHH
    return cell.step(input: x, state: h).state
}
