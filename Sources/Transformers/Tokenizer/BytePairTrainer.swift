import Foundation

/// Learns byte-level BPE merges from text.
///
/// Start from the 256 byte tokens; count every adjacent pair of tokens inside the
/// pre-tokenized chunks (weighted by how often the chunk occurs); make the most frequent pair a
/// new token; repeat until the vocabulary is full or no pair occurs `minimumFrequency` times.
///
/// Ids: the special tokens first (`<|endoftext|>` = 0), then the 256 byte tokens, then the merges
/// in the order they were learned. Ties between equally frequent pairs go to the pair with the
/// smaller ids, so training is deterministic — and on the same text it learns the same merges
/// as Hugging Face's `ByteLevelBPETokenizer` trainer.
///
/// ```swift
/// let tokenizer = try BytePairTrainer.train(text: corpus, vocabularySize: 384)
/// tokenizer.encode("12+34=46")
/// ```
public enum BytePairTrainer {
    public static func train(
        text: String, vocabularySize: Int, specialTokens: [String] = ["<|endoftext|>"],
        minimumFrequency: Int = 2, preTokenizer: PreTokenizer = .gpt2
    ) throws(ModelFileError) -> BytePairTokenizer {
        let firstByteId = specialTokens.count
        precondition(vocabularySize >= firstByteId + 256,
                     "vocabularySize \(vocabularySize) must hold \(specialTokens.count) special tokens and 256 bytes")
        // Each distinct chunk once, with its count: merging works on these words.
        var chunkCounts: [String: Int] = [:]
        // Special tokens in the corpus are boundaries, never material for merges.
        var pieces = [text]
        for special in specialTokens { pieces = pieces.flatMap { $0.components(separatedBy: special) } }
        // Like Hugging Face's trainer, read line by line (each line keeps its "\n"), so a
        // whitespace run never spans lines.
        for piece in pieces {
            var lineStart = piece.startIndex
            while lineStart < piece.endIndex {
                let lineEnd = piece[lineStart...].firstIndex(of: "\n").map { piece.index(after: $0) } ?? piece.endIndex
                for chunk in preTokenizer.split(String(piece[lineStart..<lineEnd])) { chunkCounts[chunk, default: 0] += 1 }
                lineStart = lineEnd
            }
        }
        // Byte tokens are numbered in the order of their stand-in characters ("!" first, "Ā" for
        // byte 0 after "ÿ"), as Hugging Face does; with the same tie-break this reproduces its merges.
        let byteOrder = (0..<256).sorted { ByteUnicodeMap.scalars[$0].value < ByteUnicodeMap.scalars[$1].value }
        var byteIds = [Int](repeating: 0, count: 256)
        var spelling: [Int: String] = [:]  // id → vocabulary-file spelling
        var idsBySpelling: [String: Int] = [:]
        for (position, byte) in byteOrder.enumerated() {
            let id = firstByteId + position
            byteIds[byte] = id
            spelling[id] = String(ByteUnicodeMap.character(for: UInt8(byte)))
            idsBySpelling[spelling[id]!] = id
        }
        var words: [(ids: [Int], count: Int)] = chunkCounts.sorted { $0.key < $1.key }.map { chunk, count in
            (chunk.utf8.map { byteIds[Int($0)] }, count)
        }
        var merges: [(String, String)] = []
        var nextId = firstByteId + 256

        // ANCHOR: train-loop
        while nextId < vocabularySize {
            guard let (pair, count) = mostFrequentPair(in: words), count >= minimumFrequency else { break }
            let left = spelling[pair.left]!, right = spelling[pair.right]!
            // Two merges can spell the same bytes ("a"+"bc", "ab"+"c"): they share one id.
            let merged = idsBySpelling[left + right] ?? nextId
            if merged == nextId {
                spelling[nextId] = left + right
                idsBySpelling[left + right] = nextId
                nextId += 1
            }
            words = merge(pair, into: merged, in: words)
            merges.append((left, right))
        }
        // ANCHOR_END: train-loop

        let vocabulary = idsBySpelling
        var specials: [String: Int] = [:]
        for (id, token) in specialTokens.enumerated() { specials[token] = id }
        return try BytePairTokenizer(vocabulary: vocabulary, merges: merges, specialTokens: specials,
                                     preTokenizer: preTokenizer, source: "(trained)")
    }

    // ANCHOR: merge-step
    /// The most frequent adjacent pair over all words, each pair counted once per occurrence
    /// times its word's count; ties go to the pair with the smaller ids. Nil when no word has two
    /// tokens.
    public static func mostFrequentPair(in words: [(ids: [Int], count: Int)]) -> (pair: BytePairTokenizer.Pair, count: Int)? {
        var pairCounts: [BytePairTokenizer.Pair: Int] = [:]
        for word in words where word.ids.count >= 2 {
            for i in 0..<(word.ids.count - 1) {
                pairCounts[BytePairTokenizer.Pair(word.ids[i], word.ids[i + 1]), default: 0] += word.count
            }
        }
        return pairCounts.max { a, b in
            a.value != b.value ? a.value < b.value : (a.key.left, a.key.right) > (b.key.left, b.key.right)
        }.map { ($0.key, $0.value) }
    }

    /// Every word with each occurrence of `pair`, left to right, replaced by `id`.
    public static func merge(_ pair: BytePairTokenizer.Pair, into id: Int, in words: [(ids: [Int], count: Int)]) -> [(ids: [Int], count: Int)] {
        words.map { (BytePairTokenizer.replace(pair, with: id, in: $0.ids), $0.count) }
    }
    // ANCHOR_END: merge-step
}
