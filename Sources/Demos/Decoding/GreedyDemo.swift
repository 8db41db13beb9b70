import Decoding
import Foundation
import Transformers

/// `llmcourse run decoding-greedy`: greedy decoding falls into a loop; a repetition penalty and
/// sampling get out of it; tokens stream as they are chosen.
enum GreedyDemo {
    static let demo = Demo(id: "decoding-greedy", summary: "Greedy decoding loops; repetition penalty and sampling break the loop; streaming",
                           inputs: DecodingDemos.inputs) { ctx in
        let (model, tokenizer) = try DecodingDemos.tinyModel()
        let prompt = tokenizer.encode(DecodingDemos.prompt)
        DecodingDemos.say(ctx, ctx.tr("prompt: \"{0}\" → {1} tokens; model: gpt2-tiny (random weights, vocabulary 384). Tokens that are only part of a UTF-8 character are shown as hex bytes, e.g. <e5 ad>.", DecodingDemos.prompt, String(prompt.count)))

        ctx.heading(ctx.tr("Greedy: always the most likely token"))
        let greedy = generate(model, prompt: prompt, config: GenerationConfig(maxNewTokens: 16, endOfSequence: [0]))
        DecodingDemos.say(ctx, greedy.newTokens.map { DecodingDemos.show(tokenizer, $0) }.joined(separator: " "))
        let repeats = longestRun(greedy.newTokens)
        DecodingDemos.say(ctx, ctx.tr("The same token {0} times in a row ({1}): once a token makes itself the most likely next token, greedy decoding can never leave the loop.", String(repeats.count), DecodingDemos.show(tokenizer, repeats.token)))

        ctx.heading(ctx.tr("A repetition penalty of 1.3"))
        let penalized = generate(model, prompt: prompt, config: GenerationConfig(maxNewTokens: 16, endOfSequence: [0], repetitionPenalty: 1.3))
        DecodingDemos.say(ctx, penalized.newTokens.map { DecodingDemos.show(tokenizer, $0) }.joined(separator: " "))
        ctx.say("distinct new tokens: greedy {0}, penalized {1} of 16", String(Set(greedy.newTokens).count), String(Set(penalized.newTokens).count))

        ctx.heading(ctx.tr("Sampling with temperature 0.8 and top-p 0.9, streamed"))
        for seed in ctx.seed..<(ctx.seed + (ctx.quick ? 1 : 3)) {
            var pieces: [String] = []
            let streamer = TokenStreamer(bytes: tokenizer.decodeBytes) { pieces.append($0) }
            let config = GenerationConfig(maxNewTokens: 16, endOfSequence: [0], sampling: true, temperature: 0.8, topP: 0.9, seed: seed)
            let sampled = generate(model, prompt: prompt, config: config, onToken: streamer.receive)
            DecodingDemos.say(ctx, ctx.tr("seed {0} ({1} distinct): ", String(seed), String(Set(sampled.newTokens).count))
                              + pieces.joined(separator: "·").replacingOccurrences(of: "\n", with: "\\n"), indent: "    ")
        }
        DecodingDemos.say(ctx, ctx.tr("Each · is where the streamer wrote: whole characters only, as soon as a token arrives (bytes that never form a character show as �)."))
    }

    static func longestRun(_ tokens: [Int]) -> (token: Int, count: Int) {
        var best = (token: tokens.first ?? 0, count: 0), current = (token: -1, count: 0)
        for t in tokens {
            current = t == current.token ? (t, current.count + 1) : (t, 1)
            if current.count > best.count { best = current }
        }
        return best
    }
}
