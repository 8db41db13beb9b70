import Decoding
import Foundation
import Tensors
import Transformers

/// `llmcourse run few-shot`: a tiny GPT-2 trained on documents that answer letters in one of
/// three styles (the same letter, its capital, its position), never named; then asked with
/// 0–3 examples in the prompt. Without examples the style is a guess; examples show it.
enum FewShotDemo {
    static let demo = Demo(id: "few-shot", summary: "Zero-shot vs few-shot: examples in the prompt show a tiny model the answer format",
                           inputs: ["Sources/Demos/Running", "Sources/Transformers"]) { ctx in
        try run(ctx)
    }

    static let letters = Array("abcdefgh")
    static let styles: [(name: String, answer: @Sendable (Int) -> Character)] = [
        ("a→a", { letters[$0] }),
        ("a→A", { Character(letters[$0].uppercased()) }),
        ("a→1", { Character(String($0 + 1)) }),
    ]

    static func line(_ style: Int, _ letter: Int) -> String { "\(letters[letter])\(styles[style].answer(letter))\n" }

    /// `|` then eight lines in one style.
    static func corpus(documents: Int, seed: UInt64) -> String {
        var rng = SplitMix64(seed: seed)
        var text = ""
        for _ in 0..<documents {
            let style = Int(rng.next() % UInt64(styles.count))
            text += "|" + (0..<8).map { _ in line(style, Int(rng.next() % UInt64(letters.count))) }.joined()
        }
        return text
    }

    static func run(_ ctx: DemoContext) throws {
        let steps = ctx.quick ? 10 : 300
        let text = corpus(documents: ctx.quick ? 200 : 5_000, seed: ctx.seed)
        let tokens = text.utf8.map(Int.init)
        let model = GPT2Model(config: GPT2Config(vocabularySize: 128, contextLength: 32, embeddingSize: 48, layerCount: 2, headCount: 4),
                              seed: ctx.seed &+ 1)
        let trainer = PreTrainer(model: model, tokens: tokens, settings: PreTrainer.Settings(
            steps: steps, batchSize: 16, windowLength: 30, peakLearningRate: 1e-2, warmupSteps: ctx.quick ? 2 : 30,
            weightDecay: 0.01, gradientClip: 1, seed: ctx.seed &+ 2))
        ctx.heading(ctx.tr("Training on documents that each use one answer format"))
        ctx.say("Each document is \"|\" and eight lines, a letter and its answer in one style, never named: the same letter (a→a), its capital (a→A) or its position in the alphabet (a→1).")
        ctx.print("  " + String(text.prefix(25)).debugDescription)
        let started = Date()
        var loss: Float = 0
        let training = ctx.progress(ctx.tr("training"), total: steps)
        for _ in 0..<steps {
            loss = trainer.step()
            training.advance()
        }
        training.finish()
        ctx.say("{0} steps, final loss {1} ({2} s).", String(steps), fixed(Double(loss), 3), fixed(Date().timeIntervalSince(started), 1))

        ctx.heading(ctx.tr("Accuracy by number of examples in the prompt"))
        var rng = SplitMix64(seed: ctx.seed &+ 3)
        let trials = ctx.quick ? 3 : 60
        var rows: [[String]] = []
        for shots in 0...3 {
            var row = ["\(shots)"]
            var total = 0
            for s in styles.indices {
                var correct = 0
                for _ in 0..<trials {
                    let query = Int(rng.next() % UInt64(letters.count))
                    let prompt = "|" + (0..<shots).map { _ in line(s, Int(rng.next() % UInt64(letters.count))) }.joined() + String(letters[query])
                    let out = generate(model, prompt: prompt.utf8.map(Int.init), config: GenerationConfig(maxNewTokens: 1))
                    if Character(Unicode.Scalar(UInt8(clamping: out.newTokens[0]))) == styles[s].answer(query) { correct += 1 }
                }
                total += correct
                row.append(percent(correct, trials))
            }
            row.append(percent(total, trials * styles.count))
            rows.append(row)
        }
        ctx.table([ctx.tr("examples")] + styles.map(\.name) + [ctx.tr("all")], rows)
        ctx.say("Zero-shot the model can only guess the style ({0} right); with one example in the prompt it gets {1}. Its weights did not change: the examples only select which of its trained behaviors it uses.",
                rows[0].last!, rows[1].last!)
    }

    static func percent(_ n: Int, _ total: Int) -> String { fixed(100 * Double(n) / Double(max(total, 1)), 0) + " %" }
}
