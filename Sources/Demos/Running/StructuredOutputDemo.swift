import Decoding
import Foundation
import Tensors
import Transformers

/// `llmcourse run structured-output`: the tiny random-weight GPT-2 writes JSON for a schema,
/// without and with the token mask; then what the mask costs and how big the automaton gets.
enum StructuredOutputDemo {
    static let demo = Demo(id: "structured-output", summary: "A JSON schema becomes a regex and a token mask: 0 % valid output becomes 100 %",
                           inputs: DecodingDemos.inputs + ["Sources/Demos/Running"]) { ctx in
        try run(ctx)
    }

    /// Small enough that every match fits the tiny model's 64 positions.
    static let schema = #"{"type":"object","properties":{"name":{"enum":["ada","alan","grace"]},"age":{"type":"integer"},"admin":{"type":"boolean"}},"required":["name","age"]}"#

    static func run(_ ctx: DemoContext) throws {
        let (model, tokenizer) = try DecodingDemos.tinyModel()
        let vocabulary = tokenizer.tokenBytes()
        let end = tokenizer.specialTokens["<|endoftext|>"] ?? 0
        let output = try StructuredOutput.jsonSchema(schema)
        let bound = output.maxMatchBytes ?? 0

        ctx.heading(ctx.tr("The schema becomes a regular expression"))
        ctx.say("Schema:")
        ctx.print("  " + schema)
        ctx.say("Regex ({0} characters; any match is at most {1} bytes):", String(output.pattern.count), String(bound))
        ctx.print("  " + output.pattern)

        let samples = ctx.quick ? 4 : 40
        let prompt = tokenizer.encode("the model reads")
        let maxNew = bound + 1
        ctx.heading(ctx.tr("Sampling at temperature 1, {0} times each", String(samples)))
        var rows: [[String]] = []
        var examples: [String] = []
        for constrained in [false, true] {
            var parses = 0, valid = 0, tokens = 0
            let started = DispatchTime.now().uptimeNanoseconds
            for seed in 0..<samples {
                let config = GenerationConfig(maxNewTokens: maxNew, endOfSequence: [end], sampling: true, temperature: 1, seed: UInt64(seed))
                let result = constrained
                    ? generate(model, prompt: prompt, config: config, constraint: ConstrainedSequence(output, tokenBytes: vocabulary, endToken: end))
                    : generate(model, prompt: prompt, config: config)
                let text = tokenizer.decode(result.newTokens.filter { $0 != end })
                tokens += result.newTokens.count
                if (try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])) != nil { parses += 1 }
                if output.matches(text) { valid += 1 }
                if seed < 3 { examples.append((constrained ? "+ " : "- ") + String(text.debugDescription.prefix(60))) }
            }
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
            rows.append([constrained ? ctx.tr("with the mask") : ctx.tr("free"), percent(parses, samples), percent(valid, samples),
                         fixed(Double(tokens) / Double(samples), 1), fixed(seconds * 1000 / Double(max(tokens, 1)), 2)])
        }
        ctx.table([ctx.tr("sampling"), ctx.tr("parses"), ctx.tr("fits schema"), ctx.tr("tokens"), ctx.tr("ms/token")], rows)
        ctx.say("First samples (- free, + with the mask):")
        for e in examples { ctx.print("  " + e) }

        ctx.heading(ctx.tr("The automaton"))
        let index = output.tokenIndex(tokenBytes: vocabulary, endToken: end)
        ctx.say("NFA states: {0}. DFA states built by these samples: {1} (of a vocabulary of {2} tokens, masks cached for {3} states).",
                String(output.dfa.nfa.states.count), String(output.dfa.stateCount), String(vocabulary.count), String(index.cachedStates))
        let start = index.allowedTokens(in: output.dfa.start)
        ctx.say("Tokens allowed at the start: {0} ({1})", String(start.count),
                start.prefix(8).map { tokenizer.decode([Int($0)]).debugDescription }.joined(separator: " "))

        try cost(ctx, output: output, tokenizer: tokenizer, end: end)
    }

    /// The mask's cost on a vocabulary the size of GPT-2's (50,257 tokens): the course's 384
    /// tokens plus random byte strings. A new state costs one pass; a visited one a lookup.
    static func cost(_ ctx: DemoContext, output: StructuredOutput, tokenizer: BytePairTokenizer, end: Int) throws {
        ctx.heading(ctx.tr("What the mask costs"))
        var rng = SplitMix64(seed: ctx.seed)
        let alphabet = Array(" etaoinsrhldcumfpgwybvkxjqz\"{}[]:,0123456789".utf8)
        var vocabulary = tokenizer.tokenBytes()
        let size = ctx.quick ? 5_000 : 50_257
        while vocabulary.count < size {
            vocabulary.append((0..<(2 + Int(rng.next() % 6))).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] })
        }
        // A fresh grammar, so its automaton and masks start empty.
        let fresh = try StructuredOutput.jsonSchema(schema)
        let index = fresh.tokenIndex(tokenBytes: vocabulary, endToken: end)
        var states: [Int32] = [fresh.dfa.start]
        for piece in [#"{"#, #"{""#, #"{"name":"#, #"{"name":"a"#, #"{"name":"ada","age":1"#] { states.append(fresh.dfa.walk(fresh.dfa.start, Array(piece.utf8))) }
        let firstPass = MedianTiming.seconds(1) { for s in states { _ = index.allowedTokens(in: s) } } / Double(states.count)
        let sequence = ConstrainedSequence(index: index)
        var scores = [Float](repeating: 0, count: vocabulary.count)
        let cached = MedianTiming.seconds(ctx.quick ? 3 : 21) { for _ in 0..<10 { sequence.mask(&scores) } } / 10
        ctx.say("Vocabulary of {0} tokens: a state's first mask takes {1} ms (one walk per token); afterwards the mask costs {2} ms per step.",
                String(vocabulary.count), fixed(firstPass * 1000, 2), fixed(cached * 1000, 3))
    }

    static func percent(_ n: Int, _ total: Int) -> String { fixed(100 * Double(n) / Double(max(total, 1)), 0) + " %" }
}
