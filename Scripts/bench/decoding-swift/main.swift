// Speculative decoding speed-up, measured by wall clock in a release build:
//   swift build -c release --product DecodingBench && .build/release/DecodingBench
// The target is a randomly initialized GPT-2 (12 layers, width 256, vocabulary 384); the
// drafts are its own first layers ("early exit"). Each time is the best of `repeats` runs.
import Decoding
import Foundation
import Transformers

func seconds<T>(repeats: Int, _ body: () -> T) -> (value: T, seconds: Double) {
    var best = Double.infinity
    var value: T?
    for _ in 0..<repeats {
        let start = DispatchTime.now().uptimeNanoseconds
        value = body()
        best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    return (value!, best)
}

let arguments = CommandLine.arguments
let newTokens = arguments.count > 1 ? Int(arguments[1]) ?? 64 : 64
let repeats = 3
let config = GPT2Config(vocabularySize: 384, contextLength: 256, embeddingSize: 256, layerCount: 12, headCount: 4)
let target = GPT2Model(config: config, seed: 42)
let prompt = [84, 298, 221, 77, 79, 68, 69, 76, 221, 82, 285, 68, 83, 268, 381, 307, 78, 359, 68]
print("target: GPT-2, 12 layers, width 256, random init; \(newTokens) new tokens; best of \(repeats) runs")
for sampling in [true, false] {
    let plain = seconds(repeats: repeats) {
        generate(target, prompt: prompt, config: GenerationConfig(maxNewTokens: newTokens, sampling: sampling, seed: 42))
    }
    print("\n\(sampling ? "sampling, temperature 1" : "greedy"): target alone \(String(format: "%.0f", plain.seconds * 1000)) ms")
    print("draft layers  lookahead  accepted  tokens/target pass  ms     speed-up  same as target")
    for layers in [1, 3] {
        let draft = try earlyExitDraft(of: target, layers: layers)
        for lookahead in [2, 4] {
            let run = seconds(repeats: repeats) {
                speculativeGenerate(target: target, draft: draft, prompt: prompt,
                                    config: SpeculativeConfig(lookahead: lookahead, maxNewTokens: newTokens, sampling: sampling, seed: 42))
            }
            let s = run.value.statistics
            let same = sampling ? "n/a" : (run.value.generation.tokens == plain.value.tokens ? "yes" : "NO")
            print(String(format: "%-12d  %-9d  %-8.2f  %-18.2f  %-5.0f  %-8@  %@", layers, lookahead, s.acceptanceRate,
                         Double(newTokens) / Double(s.targetCalls), run.seconds * 1000,
                         String(format: "%.2f×", plain.seconds / run.seconds) as NSString, same as NSString))
        }
    }
}
