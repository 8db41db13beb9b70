import Foundation
import LLMCourseKit

/// Random GRU weights for input size I and hidden size H.
func randomGRU(_ c: inout CheckContext, inputs I: Int, hidden H: Int) -> (wih: [[Double]], whh: [[Double]], bih: [Double], bhh: [Double]) {
    ((0..<(3 * H)).map { _ in c.doubles(I) }, (0..<(3 * H)).map { _ in c.doubles(H) }, c.doubles(3 * H), c.doubles(3 * H))
}

func registerChecks(_ suite: CheckSuite) {
    suite.check("zero weights: both gates at ½, candidate 0", zh: "權重全為零：兩個閘都是 ½，候選狀態是 0") { c in
        // r = z = σ(0) = ½ and n = tanh(0) = 0, so h′ = ½·0 + ½·h.
        let h = [0.8, -0.4]
        let out = gruStep(x: [1, 2, 3], h: h, weightIH: Array(repeating: [0, 0, 0], count: 6),
                          weightHH: Array(repeating: [0, 0], count: 6), biasIH: Array(repeating: 0, count: 6), biasHH: Array(repeating: 0, count: 6))
        try c.expectClose(out, [0.4, -0.2], atol: 1e-12, rtol: 1e-12, "h′")
    }
    suite.check("a worked example with one hidden unit", zh: "只有一個隱藏單元的手算範例") { c in
        // I = H = 1: W_ih = [1, −1, 2], W_hh = [0.5, 0.5, 1], b_ih = 0, b_hh = [0, 0, 0.5]; x = 1, h = 0.5.
        let r = 1 / (1 + exp(-1.25)), z = 1 / (1 + exp(-(-1 + 0.25)))
        let n = tanh(2 + r * (0.5 + 0.5))   // r multiplies W_hn·h + b_hn, bias included
        let out = gruStep(x: [1], h: [0.5], weightIH: [[1], [-1], [2]], weightHH: [[0.5], [0.5], [1]], biasIH: [0, 0, 0], biasHH: [0, 0, 0.5])
        try c.expectClose(out, [(1 - z) * n + z * 0.5], atol: 1e-12, rtol: 1e-12, "h′")
    }
    suite.check("random cells match the course's GRU", zh: "隨機的單元與課程的 GRU 一致", points: 2) { c in
        for _ in 0..<6 {
            let (I, H) = (c.int(in: 1...5), c.int(in: 1...6))
            let g = randomGRU(&c, inputs: I, hidden: H)
            let x = c.doubles(I, in: -2...2), h = c.doubles(H)
            var rng = SplitMix64(seed: 1)
            var cell = GRUCell(inputSize: I, hidden: H, rng: &rng)
            cell.parameters = g.wih.flatMap { $0 } + g.whh.flatMap { $0 } + g.bih + g.bhh
            try c.expectClose(gruStep(x: x, h: h, weightIH: g.wih, weightHH: g.whh, biasIH: g.bih, biasHH: g.bhh),
                              cell.step(input: x, state: h).state, atol: 1e-12, rtol: 1e-10, "h′ for I = \(I), H = \(H)")
        }
    }
    suite.check("an update gate held open copies the state", zh: "更新閘全開時，狀態被原樣複製") { c in
        let (I, H) = (3, 4)
        var g = randomGRU(&c, inputs: I, hidden: H)
        for j in H..<(2 * H) { g.bih[j] = 50 }   // z ≈ 1 whatever x and h are
        let h = c.doubles(H)
        let out = gruStep(x: c.doubles(I), h: h, weightIH: g.wih, weightHH: g.whh, biasIH: g.bih, biasHH: g.bhh)
        try c.expectClose(out, h, atol: 1e-9, rtol: 1e-9, "h′ with z ≈ 1")
    }
}
