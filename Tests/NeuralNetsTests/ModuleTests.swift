import Testing
import Tensors
import Autograd
@testable import NeuralNets

final class TinyBlock: Module {
    let attn: Linear, ln: LayerNorm
    init(rng: inout SplitMix64) { attn = Linear(4, 12, rng: &rng); ln = LayerNorm(4) }
    var children: [(name: String, module: any Module)] { [("attn.c_attn", attn), ("ln_1", ln)] }
}

final class TinyModel: Module {
    let wte: Embedding, h: [TinyBlock], drop = Dropout(0.1)
    init(rng: inout SplitMix64) {
        wte = Embedding(10, 4, rng: &rng)
        h = [TinyBlock(rng: &rng), TinyBlock(rng: &rng)]
    }
    var children: [(name: String, module: any Module)] {
        [("wte", wte), ("drop", drop)] + h.enumerated().map { ("h.\($0.offset)", $0.element) }
    }
}

@Suite struct ModuleTests {
    @Test func dottedNamesAndCounts() {
        var rng = SplitMix64(seed: 1)
        let model = TinyModel(rng: &rng)
        #expect(model.namedParameters().map(\.name) == [
            "wte.weight",
            "h.0.attn.c_attn.weight", "h.0.attn.c_attn.bias", "h.0.ln_1.weight", "h.0.ln_1.bias",
            "h.1.attn.c_attn.weight", "h.1.attn.c_attn.bias", "h.1.ln_1.weight", "h.1.ln_1.bias",
        ])
        #expect(model.parameterCount == 40 + 2 * (48 + 12 + 4 + 4))
        model.h[0].setFrozen(true)
        #expect(model.trainableParameterCount == 40 + 68)
        model.setTraining(false)
        #expect(!model.drop.isTraining)
        let mlp = MLP([64, 256, 256, 10], rng: &rng)
        #expect(mlp.parameterCount == 64 * 256 + 256 + 256 * 256 + 256 + 256 * 10 + 10)
    }

    @Test func stateDictRoundTripAndErrors() throws {
        var rng = SplitMix64(seed: 2)
        let a = TinyModel(rng: &rng), b = TinyModel(rng: &rng)
        #expect(a.stateDict() != b.stateDict())
        try b.loadStateDict(a.stateDict())
        #expect(a.stateDict() == b.stateDict())
        var state = a.stateDict()
        state["wte.weight"] = Tensor.zeros([3, 4])
        #expect(throws: ModuleError.shapeMismatch(name: "wte.weight", expected: [10, 4], found: [3, 4])) {
            try b.loadStateDict(state)
        }
        state["wte.weight"] = nil
        #expect(throws: ModuleError.missingParameters(["wte.weight"])) { try b.loadStateDict(state) }
        try b.loadStateDict(state, strict: false)
    }
}
