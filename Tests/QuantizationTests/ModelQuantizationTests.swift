import Autograd
import Foundation
import Testing
import Tensors
import Transformers
@testable import Quantization

@Suite("Quantizing whole models")
struct ModelQuantizationTests {
    static let folder = FixturePaths.transformersFixtures

    func corpusTokens(_ tokenizer: BytePairTokenizer) throws -> [Int] {
        let text = try String(contentsOf: Self.folder.appendingPathComponent("corpus.txt"), encoding: .utf8)
        return tokenizer.encode(String(text.prefix(6000)))
    }

    func logitsError(_ a: any LanguageModel, _ b: any LanguageModel, _ ids: [Int]) -> Double {
        let x: [Float] = withNoGrad { a(ids).value.scalars }
        let y: [Float] = withNoGrad { b(ids).value.scalars }
        var sum = 0.0
        for i in x.indices { let d = Double(x[i] - y[i]); sum += d * d }
        return sum / Double(x.count)
    }

    @Test("GPTQ 3-bit keeps GPT-2's and Llama's logits closer to fp32 than round-to-nearest")
    func gptqBeatsRTN() throws {
        for name in ["gpt2-tiny", "llama-tiny"] {
            let dir = Self.folder.appendingPathComponent(name)
            func load() throws -> any LanguageModel {
                name == "gpt2-tiny" ? try GPT2Model(directory: dir) : try LlamaModel(directory: dir)
            }
            let tokens = try corpusTokens(try BytePairTokenizer(directory: dir))
            let calibration = stride(from: 0, to: 16 * 32, by: 32).map { Array(tokens[$0..<($0 + 32)]) }
            let heldOut = Array(tokens[1000..<1048])
            let reference = try load(), gptq = try load(), rtn = try load()
            let config = GPTQConfiguration(bits: 3, groupSize: 16)
            let reports = try ModelQuantizer.gptq(gptq, calibration: calibration, configuration: config)
            try ModelQuantizer.roundToNearest(rtn, configuration: config)
            #expect(reports.count == QuantizableLayer.blocks(of: gptq).joined().count)
            let eGPTQ = logitsError(reference, gptq, heldOut), eRTN = logitsError(reference, rtn, heldOut)
            print("\(name): logits MSE GPTQ \(eGPTQ), RTN \(eRTN)")
            #expect(eGPTQ < eRTN, "\(name)")
            #expect(eGPTQ > 0)
        }
    }

    @Test("perplexity of the fp32 model, sizes of the quantized ones")
    func perplexityAndSize() throws {
        let dir = Self.folder.appendingPathComponent("gpt2-tiny")
        let model = try GPT2Model(directory: dir)
        let tokens = try corpusTokens(try BytePairTokenizer(directory: dir))
        let ppl = ModelQuantizer.perplexity(model, tokens: Array(tokens.prefix(200)), window: 32)
        #expect(ppl > 100 && ppl < 1000)   // random weights: close to the 384-token vocabulary
        let fp32 = ModelQuantizer.storageBytes(model, bits: nil)
        #expect(fp32 == model.parameterCount * 4)
        #expect(ModelQuantizer.storageBytes(model, bits: 4) < ModelQuantizer.storageBytes(model, bits: 8))
        // LLM.int8() barely moves a product without outliers.
        let mixed = try GPT2Model(directory: dir)
        let outliers = ModelQuantizer.llmInt8(mixed)
        let pplInt8 = ModelQuantizer.perplexity(mixed, tokens: Array(tokens.prefix(200)), window: 32)
        #expect(abs(pplInt8 - ppl) / ppl < 0.01)
        #expect(outliers() >= 0)
    }
}
