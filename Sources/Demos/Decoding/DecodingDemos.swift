import Decoding
import Figures
import Foundation
import Transformers

/// Demos of the decoding lesson: greedy and its loops, what the samplers do to a distribution,
/// a beam-search tree, and speculative decoding's speed-up.
enum DecodingDemos {
    static let all: [Demo] = [
        GreedyDemo.demo,
        SamplerDemo.demo,
        BeamTreeDemo.demo,
        SpeculativeDemo.demo,
        KVCacheDemo.demo,
        AttentionMemoryDemo.demo,
        DecodeBatchingDemo.demo,
    ]

    /// The tiny GPT-2 checkpoint the parity tests use (random weights, a 384-token BPE trained on
    /// the course corpus): small enough to run instantly, real enough to show each strategy.
    static let checkpointFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Tests/TransformersTests/Fixtures/gpt2-tiny")

    static let inputs = ["Sources/Demos/Decoding", "Sources/Decoding", "Tests/TransformersTests/Fixtures/gpt2-tiny"]

    static func tinyModel() throws -> (model: GPT2Model, tokenizer: BytePairTokenizer) {
        (try GPT2Model(directory: checkpointFolder), try BytePairTokenizer(directory: checkpointFolder))
    }

    static let prompt = "the model reads a token and"

    /// Prints `text` wrapped at spaces to the demo's width (at most 80 columns).
    static func say(_ ctx: DemoContext, _ text: String, indent: String = "") {
        let width = max(20, min(ctx.width, 80))
        // Chinese has no spaces to break at: wrap it by display columns instead.
        if displayWidth(text) != text.count { return wrapWide(text, width: width, indent: indent).forEach(ctx.print) }
        var line = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: false) {
            let candidate = line.isEmpty ? String(word) : line + " " + word
            if displayWidth(candidate) > width && !line.isEmpty {
                ctx.print(line)
                line = indent + word
            } else {
                line = candidate
            }
        }
        if !line.isEmpty { ctx.print(line) }
    }

    /// `text` cut into lines of at most `width` columns, breaking between wide characters or at
    /// spaces, never before closing punctuation.
    static func wrapWide(_ text: String, width: Int, indent: String) -> [String] {
        var lines: [String] = [], line = "", lastBreak: String.Index?
        let noBreakBefore: Set<Character> = ["，", "。", "、", "；", "：", "）", "」", "！", "？", ",", ".", ")", ";", ":"]
        for ch in text {
            if displayWidth(line + String(ch)) > width, !line.isEmpty, !noBreakBefore.contains(ch) {
                if let cut = lastBreak, cut > line.startIndex, displayWidth(String(ch)) == 1 {
                    // Inside a Latin word: move the word to the next line.
                    lines.append(String(line[..<cut]).trimmingCharacters(in: .whitespaces))
                    line = indent + line[cut...].trimmingCharacters(in: .whitespaces)
                } else {
                    lines.append(line.trimmingCharacters(in: .whitespaces))
                    line = indent
                }
                lastBreak = nil
            }
            line.append(ch)
            if ch == " " || displayWidth(String(ch)) == 2 { lastBreak = line.endIndex }
        }
        if !line.trimmingCharacters(in: .whitespaces).isEmpty { lines.append(line) }
        return lines
    }

    /// A token as readers should see it: its text in quotes with spaces shown as ␣, or its bytes
    /// in hex when it is only part of a UTF-8 character (byte-level BPE splits Chinese characters).
    static func show(_ tokenizer: BytePairTokenizer, _ id: Int) -> String {
        let bytes = tokenizer.decodeBytes([id])
        if bytes.isEmpty, let special = tokenizer.token(for: id) { return special }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            // A no-break space keeps "<e5 ad>" on one line when text wraps.
            return "<" + bytes.map { String(format: "%02x", $0) }.joined(separator: "\u{00A0}") + ">"
        }
        let visible = text.unicodeScalars.map { scalar -> String in
            if scalar == " " { return "␣" }
            if scalar.properties.isWhitespace || scalar.properties.generalCategory == .control
                || scalar.properties.generalCategory == .format {
                return "\\u{" + String(scalar.value, radix: 16) + "}"
            }
            return String(scalar)
        }
        return "'" + visible.joined() + "'"
    }
}
