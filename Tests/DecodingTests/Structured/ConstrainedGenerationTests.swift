import Foundation
import Testing
import Tensors
import Transformers
@testable import Decoding

/// Sampling under the mask always yields JSON that parses and satisfies its schema.
@Suite struct ConstrainedGenerationTests {
    /// Small enough that every match fits the tiny GPT-2's 64 positions.
    static let smallSchemas = [
        #"{"type":"object","properties":{"ok":{"type":"boolean"},"n":{"type":"integer"}},"required":["ok"]}"#,
        #"{"type":"array","items":{"enum":["red","green",3,null]},"maxItems":3}"#,
        #"{"type":"object","properties":{"id":{"type":"string","maxLength":3},"v":{"type":"boolean"}},"required":["id","v"]}"#,
        #"{"type":["integer","null"]}"#,
    ]

    /// Default bounds: long matches, run on a model without a context limit.
    static let largeSchemas = [
        #"{"type":"object","properties":{"name":{"type":"string"},"age":{"type":"integer"},"tags":{"type":"array","items":{"type":"string","maxLength":8},"maxItems":4},"admin":{"type":"boolean"}},"required":["name","tags"]}"#,
        #"{"type":"array","items":{"type":"object","properties":{"x":{"type":"number"},"label":{"enum":["a","b"]}}},"minItems":1,"maxItems":3}"#,
    ]

    @Test func tinyGPT2SamplesAreAlwaysValid() throws {
        let model = try Fixtures.model("gpt2-tiny")
        let tokenizer = try Fixtures.tokenizer()
        let vocabulary = tokenizer.tokenBytes()
        let end = tokenizer.specialTokens["<|endoftext|>"]!
        let prompt = tokenizer.encode("{")
        for schema in Self.smallSchemas {
            let output = try StructuredOutput.jsonSchema(schema)
            let bound = try #require(output.maxMatchBytes)
            #expect(bound + 1 + prompt.count <= model.contextLength, "\(schema): \(bound) bytes")
            for seed in 0..<25 as Range<UInt64> {
                let seq = ConstrainedSequence(output, tokenBytes: vocabulary, endToken: end)
                let config = GenerationConfig(maxNewTokens: bound + 1, sampling: true, temperature: 1, seed: seed)
                let result = generate(model, prompt: prompt, config: config, constraint: seq)
                let text = tokenizer.decode(result.newTokens)
                #expect(seq.isComplete, "\(schema), seed \(seed): stopped incomplete at \(text.debugDescription)")
                #expect(result.stopReason == .endOfSequence(end), "\(schema), seed \(seed): \(result.stopReason)")
                try Self.expectValid(text, schema)
            }
        }
    }

    /// A model of seeded random scores over a vocabulary of random byte strings (all 256
    /// single bytes plus multi-byte pieces, some cutting UTF-8 characters in half).
    @Test func randomScoresOverASyntheticVocabularyAreAlwaysValid() throws {
        var rng = SplitMix64(seed: 3)
        var vocabulary: [[UInt8]] = (0..<256).map { [UInt8($0)] }
        let pieces = ["\"", "{\"", "\":", ",\"", "true", "fal", "se", "null", "12", "0.", "e-", "中", "文", "é", "😀", "\\n", "\\u00", "name", "age\"", "tags\":[", "],", "}", "]"]
        vocabulary += pieces.map { Array($0.utf8) }
        vocabulary += (0..<200).map { _ in Array(Array("中文 abc\"\\{}[]:,0123456789.-etrufalsn".utf8).shuffled(using: &rng).prefix(Int(rng.next() % 4) + 2)) }
        vocabulary.append([])  // the end token
        let end = vocabulary.count - 1
        let model = RandomScores(vocabularySize: vocabulary.count)
        for schema in Self.smallSchemas + Self.largeSchemas {
            let output = try StructuredOutput.jsonSchema(schema)
            let bound = try #require(output.maxMatchBytes)
            for seed in 0..<30 as Range<UInt64> {
                let seq = ConstrainedSequence(output, tokenBytes: vocabulary, endToken: end)
                let config = GenerationConfig(maxNewTokens: bound + 1, sampling: true, temperature: 1, seed: seed)
                let result = generate(model, prompt: [0], config: config, constraint: seq)
                let bytes = result.newTokens.flatMap { vocabulary[$0] }
                #expect(seq.isComplete)
                try Self.expectValid(String(decoding: bytes, as: UTF8.self), schema)
                #expect(String(validating: bytes, as: UTF8.self) != nil, "a character cut in half: \(bytes)")
            }
            // One vocabulary pass per DFA state met, shared by all 30 sequences.
            let index = output.tokenIndex(tokenBytes: vocabulary, endToken: end)
            #expect(index.cachedStates <= output.dfa.stateCount)
        }
    }

    @Test func maskAllowsEndOnlyWhenComplete() throws {
        let output = try StructuredOutput.regex("ab?")
        let seq = ConstrainedSequence(output, tokenBytes: [Array("a".utf8), Array("b".utf8), Array("ab".utf8), []], endToken: 3)
        var scores: [Float] = [1, 1, 1, 1]
        seq.mask(&scores)
        #expect(scores == [1, -.infinity, 1, -.infinity])
        seq.advance(token: 0)
        scores = [1, 1, 1, 1]
        seq.mask(&scores)
        #expect(scores == [-.infinity, 1, -.infinity, 1])
        #expect(seq.isComplete && !seq.isFinished)
        seq.advance(token: 1)
        #expect(seq.isFinished)
    }

    /// JSONSerialization parses it, and a small validator accepts it against the schema.
    static func expectValid(_ text: String, _ schema: String) throws {
        let parsed = try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
        #expect(parsed != nil, "JSONSerialization rejects \(text.debugDescription) for \(schema)")
        let value = try OrderedJSON.parse(text)
        let problem = SchemaValidator.problem(value, try OrderedJSON.parse(schema))
        #expect(problem == nil, "\(text.debugDescription) breaks \(schema): \(problem ?? "")")
    }
}

/// Seeded random logits, independent of the tokens fed in; no context limit.
final class RandomScores: NextTokenModel {
    let vocabularySize: Int
    let contextLength = 1_000_000
    private var rng = SplitMix64(seed: 11)
    init(vocabularySize: Int) { self.vocabularySize = vocabularySize }
    func makeCache() -> KVCache { KVCache(layers: 0) }
    func nextTokenLogits(_ newTokens: [Int], cache: KVCache) -> [[Float]] {
        newTokens.map { _ in (0..<vocabularySize).map { _ in Float(rng.nextUniformDouble() * 4 - 2) } }
    }
}

/// The checks a JSON schema of the supported subset makes, written independently of the regex.
enum SchemaValidator {
    static func problem(_ v: OrderedJSON, _ s: OrderedJSON, _ path: String = "$") -> String? {
        if let c = s["const"] { return v == c ? nil : "\(path): not the const" }
        if case .array(let options)? = s["enum"] { return options.contains(v) ? nil : "\(path): not in the enum" }
        var types: [String] = []
        if case .string(let t)? = s["type"] { types = [t] }
        if case .array(let ts)? = s["type"] { types = ts.compactMap { if case .string(let t) = $0 { t } else { nil } } }
        var problems: [String] = []
        for type in types {
            if let p = check(v, s, type: type, path) { problems.append(p) } else { return nil }
        }
        return problems.isEmpty ? nil : problems.joined(separator: "; ")
    }

    static func int(_ s: OrderedJSON, _ key: String) -> Int? { if case .number(let n)? = s[key] { Int(n) } else { nil } }

    static func check(_ v: OrderedJSON, _ s: OrderedJSON, type: String, _ path: String) -> String? {
        switch (type, v) {
        case ("null", .null), ("boolean", .bool): return nil
        case ("integer", .number(let n)): return Int(n) != nil ? nil : "\(path): \(n) is not an integer"
        case ("number", .number(let n)): return Double(n)?.isFinite == true ? nil : "\(path): \(n) is not finite"
        case ("string", .string(let str)):
            let n = str.unicodeScalars.count
            if n < (int(s, "minLength") ?? 0) || n > (int(s, "maxLength") ?? Int.max) { return "\(path): length \(n)" }
            return nil
        case ("array", .array(let items)):
            if items.count < (int(s, "minItems") ?? 0) || items.count > (int(s, "maxItems") ?? Int.max) { return "\(path): \(items.count) items" }
            for (i, item) in items.enumerated() { if let p = problem(item, s["items"]!, "\(path)[\(i)]") { return p } }
            return nil
        case ("object", .object(let members)):
            guard case .object(let properties)? = s["properties"] else { return members.isEmpty ? nil : "\(path): unexpected members" }
            for m in members {
                guard let ps = properties.first(where: { $0.key == m.key })?.value else { return "\(path): unknown property \(m.key)" }
                if let p = problem(m.value, ps, "\(path).\(m.key)") { return p }
            }
            if case .array(let required)? = s["required"] {
                for case .string(let name) in required where !members.contains(where: { $0.key == name }) { return "\(path): missing \(name)" }
            }
            return Set(members.map(\.key)).count == members.count ? nil : "\(path): repeated key"
        default: return "\(path): not a \(type)"
        }
    }
}

/// The readable per-token rule and the cached index agree, and the tokenizer hands over bytes.
@Suite struct TokenIndexTests {
    @Test func tokenMaskRuleMatchesTheCachedIndex() throws {
        let tokenizer = try Fixtures.tokenizer()
        let vocabulary = tokenizer.tokenBytes()
        #expect(vocabulary.count == tokenizer.vocabularySize)
        let end = tokenizer.specialTokens["<|endoftext|>"]!
        #expect(vocabulary[end].isEmpty)
        #expect(tokenizer.decodeBytes([5, 9, 200]) == vocabulary[5] + vocabulary[9] + vocabulary[200])
        let output = try StructuredOutput.jsonSchema(#"{"type":"array","items":{"type":"string","maxLength":4},"maxItems":2}"#)
        let index = output.tokenIndex(tokenBytes: vocabulary, endToken: end)
        for prefix in ["", "[", "[\"", "[\"ab", "[\"ab\"", "[\"ab\",", "[]"] {
            let state = output.dfa.walk(output.dfa.start, Array(prefix.utf8))
            let rule = TokenMask.allowed(from: Int(state), tokenBytes: vocabulary, endToken: end,
                                         accepting: { output.dfa.isAccepting(Int32($0)) },
                                         step: { Int(output.dfa.walk(Int32($0), [$1])) })
            let cached = Set(index.allowedTokens(in: state).map(Int.init))
            for t in vocabulary.indices where t != end { #expect(rule[t] == cached.contains(t), "\(prefix.debugDescription), token \(t)") }
            #expect(rule[end] == output.dfa.isAccepting(state), "\(prefix.debugDescription): end")
        }
    }
}
