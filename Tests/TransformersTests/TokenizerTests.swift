import Foundation
import Testing
import Tensors
@testable import Transformers

@Suite("Byte-level BPE tokenizer")
struct TokenizerTests {
    struct Probe {
        let text: String
        let ids: [Int]
        let tokens: [String]
    }

    static func probes() throws -> [Probe] {
        let expected = try Fixtures.json("tokenizer-bpe/expected.json")
        return (expected["encodings"] as! [[String: Any]]).map {
            Probe(text: $0["text"] as! String, ids: $0["ids"] as! [Int], tokens: $0["tokens"] as! [String])
        }
    }

    @Test func byteMapMatchesGPT2() {
        #expect(ByteUnicodeMap.character(for: 0x20) == "Ġ")
        #expect(ByteUnicodeMap.character(for: 0x0A) == "Ċ")
        #expect(ByteUnicodeMap.character(for: 0x21) == "!")
        #expect(ByteUnicodeMap.character(for: 0xAD) == "Ń")  // the 68th non-printable byte → U+0143
        #expect(Set(ByteUnicodeMap.scalars).count == 256)
        for b in 0..<256 { #expect(ByteUnicodeMap.byte(for: ByteUnicodeMap.scalars[b]) == UInt8(b)) }
    }

    @Test func preTokenizerFollowsGPT2Pattern() {
        let split = PreTokenizer.gpt2.split
        #expect(split("I'll say it's 7 — don't   stop!\tOK?") ==
                ["I", "'ll", " say", " it", "'s", " 7", " —", " don", "'t", "  ", " stop", "!", "\t", "OK", "?"])
        #expect(split("  leading spaces and trailing  ") ==
                [" ", " leading", " spaces", " and", " trailing", "  "])
        #expect(split("\n\nnew lines\n") == ["\n", "\n", "new", " lines", "\n"])
        #expect(split("a \nb") == ["a", " ", "\n", "b"])
        #expect(split("x123 4.5 ¾ⅷ") == ["x", "123", " 4", ".", "5", " ¾ⅷ"])
        #expect(split("'S 'Ve'd") == ["'", "S", " '", "Ve", "'d"])
        #expect(split("") == [])
        #expect(PreTokenizer(individualDigits: true).split("x 123") == ["x", " ", "1", "2", "3"])
    }

    @Test func vocabAndMergesReproduceReferenceEncodings() throws {
        let tokenizer = try BytePairTokenizer(
            vocabularyFile: Fixtures.url("tokenizer-bpe/vocab.json"), mergesFile: Fixtures.url("tokenizer-bpe/merges.txt"))
        #expect(try tokenizer.vocabularySize == Fixtures.json("tokenizer-bpe/vocab.json").count)
        for probe in try Self.probes() {
            let ids = tokenizer.encode(probe.text)
            #expect(ids == probe.ids, "\(probe.text.debugDescription)")
            #expect(ids.map { tokenizer.token(for: $0)! } == probe.tokens)
            #expect(tokenizer.decode(ids) == probe.text)
        }
    }

    @Test func tokenizerJSONReproducesReferenceEncodings() throws {
        let tokenizer = try BytePairTokenizer(tokenizerJSON: Fixtures.url("tokenizer-bpe/tokenizer.json"))
        for probe in try Self.probes() { #expect(tokenizer.encode(probe.text) == probe.ids) }
        #expect(tokenizer.specialTokens == ["<|endoftext|>": 0])
    }

    @Test func specialTokensAreMatchedBeforeSplitting() throws {
        let tokenizer = try BytePairTokenizer(directory: Fixtures.url("tokenizer-bpe"))
        let ids = tokenizer.encode("a<|endoftext|>b")
        #expect(ids == tokenizer.encode("a") + [0] + tokenizer.encode("b"))
        #expect(tokenizer.decode(ids) == "a<|endoftext|>b")
        let literal = tokenizer.encode("<|endoftext|>", allowSpecialTokens: false)
        #expect(!literal.contains(0))
        #expect(tokenizer.decode(literal) == "<|endoftext|>")
    }

    @Test func anyTextRoundTrips() throws {
        let tokenizer = try BytePairTokenizer(directory: Fixtures.url("tokenizer-bpe"))
        let alphabet: [String] = [
            "a", "Z", "é", "ß", "7", "٣", "½", " ", "  ", "\t", "\n", "\r\n", "\u{00A0}", "\u{3000}", "\u{2028}",
            "'", "'s", "'ll", "!", "—", "…", "注", "意", "力", "機", "🙂", "👩‍👩‍👧", "🇹🇼", "e\u{0301}", "\u{FEFF}",
            "\u{0}", "\u{7F}", "<|endoftext|>", "<|", "ｶ", "한",
        ]
        var rng = SplitMix64(seed: 5)
        for _ in 0..<300 {
            let length = rng.nextInt(below: 24)
            let text = (0..<length).map { _ in alphabet[rng.nextInt(below: alphabet.count)] }.joined()
            let ids = tokenizer.encode(text)
            #expect(tokenizer.decode(ids) == text, "seed 5: \(text.debugDescription)")
            #expect(PreTokenizer.gpt2.split(text).joined() == text)
        }
    }

    @Test func trainingLearnsFrequentPairsAndRoundTrips() throws {
        let corpus = try String(contentsOf: Fixtures.url("corpus.txt"), encoding: .utf8)
        let tokenizer = try BytePairTrainer.train(text: corpus, vocabularySize: 384)
        #expect(tokenizer.vocabularySize == 384)
        #expect(tokenizer.mergeList.count == 384 - 257)
        // Same text, same counts, same tie-break: the merges and ids of Hugging Face's trainer.
        let reference = try BytePairTokenizer(directory: Fixtures.url("tokenizer-bpe"))
        #expect(tokenizer.mergeList == reference.mergeList)
        for probe in try Self.probes() { #expect(tokenizer.encode(probe.text) == probe.ids) }
        // Even 127 merges compress the text: about half as many tokens as bytes.
        let sample = String(corpus.prefix(2000))
        let ids = tokenizer.encode(sample)
        #expect(ids.count * 10 < sample.utf8.count * 6)
        #expect(tokenizer.decode(ids) == sample)
        // Saved and loaded in GPT-2's format, it encodes identically.
        let dir = try Fixtures.temporaryDirectory("bpe")
        defer { try? FileManager.default.removeItem(at: dir) }
        try tokenizer.save(directory: dir)
        let reloaded = try BytePairTokenizer(directory: dir)
        #expect(reloaded.encode(sample) == ids)
    }
}
