// Times the Transformers module's forward pass and greedy decoding (with and without the KV
// cache) on randomly initialized models, and prints JSON lines for Scripts/bench/transformers.
// With `--workload pretrain` it pre-trains the tiny addition GPT instead (see Pretrain.swift);
// `--workload train --steps 100` times training steps alone, as transformers_peer.py does.
//
//   swift run -c release TransformersBench --threads 2 --model smollm-135m
//   swift run -c release TransformersBench --threads 2 --workload pretrain --steps 3000
import Foundation
import Autograd
import Tensors
import Transformers

struct Options {
    var threads = 1
    var model = "smollm-135m"
    var prompt = 32
    var newTokens = 32
    var repeats = 3
    var workload = "inference"
    var steps = 3000

    init(_ arguments: [String]) {
        var i = 1
        while i + 1 < arguments.count {
            let value = arguments[i + 1]
            switch arguments[i] {
            case "--threads": threads = Int(value) ?? threads
            case "--model": model = value
            case "--prompt": prompt = Int(value) ?? prompt
            case "--new": newTokens = Int(value) ?? newTokens
            case "--repeats": repeats = Int(value) ?? repeats
            case "--workload": workload = value
            case "--steps": steps = Int(value) ?? steps
            default: FileHandle.standardError.write(Data("unknown option \(arguments[i])\n".utf8))
            }
            i += 2
        }
    }
}

func makeModel(_ name: String) -> any LanguageModel {
    switch name {
    case "smollm-135m": return LlamaModel(config: .smolLM135M, seed: 1)
    case "llama-tiny":
        return LlamaModel(config: LlamaConfig(vocabularySize: 384, hiddenSize: 64, intermediateSize: 160, layerCount: 2,
                                              headCount: 4, keyValueHeadCount: 2, maxPositions: 128), seed: 1)
    case "gpt2-tiny":
        return GPT2Model(config: GPT2Config(vocabularySize: 384, contextLength: 128, embeddingSize: 48, layerCount: 2, headCount: 4), seed: 1)
    default: fatalError("unknown model \(name): smollm-135m, llama-tiny, gpt2-tiny")
    }
}

func seconds(_ body: () -> Void) -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }

/// Prompt ids drawn from the seeded generator.
func promptIds(_ count: Int, vocabulary: Int) -> [Int] {
    var rng = SplitMix64(seed: 7)
    return (0..<count).map { _ in rng.nextInt(below: vocabulary) }
}

let options = Options(CommandLine.arguments)
BLAS.setThreadCount(options.threads)
if options.workload == "pretrain" {
    try pretrainAddition(steps: options.steps)
    exit(0)
}
if options.workload == "train" {
    trainThroughput(steps: options.steps, repeats: options.repeats)
    exit(0)
}
let model = makeModel(options.model)
let prompt = promptIds(options.prompt, vocabulary: model.vocabularySize)

func emit(_ workload: String, tokens: Int, time: Double) {
    print(#"{"impl": "swift", "model": "\#(options.model)", "workload": "\#(workload)", "tokens": \#(tokens), "seconds": \#(time), "tokens_per_second": \#(Double(tokens) / time)}"#)
}

// Forward: the whole prompt in one pass (prefill).
_ = withNoGrad { model(prompt) }  // warm-up
emit("forward", tokens: prompt.count, time: median((0..<options.repeats).map { _ in seconds { _ = withNoGrad { model(prompt) } } }))

// Decode with the cache: prefill untimed, then `newTokens` single-token steps.
var cachedTimes: [Double] = []
for _ in 0..<options.repeats {
    let cache = model.makeCache()
    var next = withNoGrad { argmaxOfLastRow(model(prompt, cache: cache).value) }
    cachedTimes.append(seconds {
        withNoGrad {
            for _ in 0..<options.newTokens { next = argmaxOfLastRow(model([next], cache: cache).value) }
        }
    })
}
emit("decode-cache", tokens: options.newTokens, time: median(cachedTimes))

// Decode without the cache: every step re-runs the whole sequence.
let uncachedSteps = max(1, options.newTokens / 4)
var uncachedTimes: [Double] = []
for _ in 0..<max(1, options.repeats - 1) {
    var sequence = prompt
    sequence.append(withNoGrad { argmaxOfLastRow(model(sequence).value) })
    uncachedTimes.append(seconds {
        withNoGrad {
            for _ in 0..<uncachedSteps { sequence.append(argmaxOfLastRow(model(sequence).value)) }
        }
    })
}
emit("decode-no-cache", tokens: uncachedSteps, time: median(uncachedTimes))
