import Testing
@testable import LoadTesting

/// Chunked decoding and SSE splitting must not depend on where the socket reads end:
/// every test feeds the same bytes cut at every position (and one byte at a time).
@Suite struct StreamDecodingTests {
    /// Three SSE events, one with a multi-byte UTF-8 character (split by some cuts), framed as
    /// chunks of uneven sizes with an extension, a trailer and CRLFs.
    static let events = [#"{"choices":[{"text":" the"}]}"#, #"{"choices":[{"text":" 貓"}]}"#, "[DONE]"]
    static let sse = Array(events.map { "data: \($0)\r\n\r\n" }.joined().utf8) + Array(": keep-alive\n\n".utf8)
    static var chunked: [UInt8] {
        // Cut the SSE bytes into 7-, 1- and rest-sized chunks, so chunk and event borders differ.
        let pieces = [Array(sse[..<7]), Array(sse[7..<8]), Array(sse[8...])]
        var out: [UInt8] = []
        for (i, piece) in pieces.enumerated() {
            out += Array((String(piece.count, radix: 16) + (i == 1 ? ";name=value" : "") + "\r\n").utf8) + piece + Array("\r\n".utf8)
        }
        return out + Array("0\r\nX-Trailer: yes\r\n\r\n".utf8)
    }

    /// Feeds `bytes` in the pieces given by `cuts`.
    static func pieces(_ bytes: [UInt8], cuts: [Int]) -> [ArraySlice<UInt8>] {
        let borders = [0] + cuts + [bytes.count]
        return zip(borders, borders.dropFirst()).map { bytes[$0..<$1] }
    }

    @Test func chunkedDecodingIsTheSameForEveryCut() throws {
        for cut in 0...Self.chunked.count {
            var decoder = ChunkedDecoder()
            var out: [UInt8] = []
            for piece in Self.pieces(Self.chunked, cuts: [cut]) { out += try decoder.feed(piece) }
            #expect(out == Self.sse, "cut at \(cut)")
            #expect(decoder.isFinished, "cut at \(cut)")
        }
    }

    @Test func chunkedDecodingByteByByteAndAtEveryPairOfCuts() throws {
        var decoder = ChunkedDecoder()
        var out: [UInt8] = []
        for byte in Self.chunked { out += try decoder.feed([byte]) }
        #expect(out == Self.sse && decoder.isFinished)
        let n = Self.chunked.count
        for a in stride(from: 0, through: n, by: 3) {
            for b in a...n {
                var decoder = ChunkedDecoder()
                var out: [UInt8] = []
                for piece in Self.pieces(Self.chunked, cuts: [a, b]) { out += try decoder.feed(piece) }
                #expect(out == Self.sse, "cuts at \(a), \(b)")
            }
        }
    }

    @Test func chunkedDecodingIgnoresBytesAfterTheEndAndRejectsGarbage() throws {
        var decoder = ChunkedDecoder()
        #expect(try decoder.feed(Array("3\r\nabc\r\n0\r\n\r\nHTTP/1.1 200".utf8)) == Array("abc".utf8))
        #expect(decoder.isFinished)
        var bad = ChunkedDecoder()
        #expect(throws: LoadTestError.self) { try bad.feed(Array("zz\r\n".utf8)) }
        var missingCRLF = ChunkedDecoder()
        #expect(throws: LoadTestError.self) { try missingCRLF.feed(Array("3\r\nabcX\r\n".utf8)) }
    }

    @Test func sseSplittingIsTheSameForEveryCut() {
        for cut in 0...Self.sse.count {
            var splitter = SSESplitter()
            var events: [String] = []
            for piece in Self.pieces(Self.sse, cuts: [cut]) { events += splitter.feed(piece) }
            #expect(events == Self.events, "cut at \(cut)")
            #expect(splitter.finish() == nil)
        }
        var splitter = SSESplitter()
        var events: [String] = []
        for byte in Self.sse { events += splitter.feed([byte]) }
        #expect(events == Self.events)
    }

    @Test func chunkedThenSSEAtEveryCut() throws {
        // The whole path a response body takes: socket reads → chunked decoder → SSE splitter.
        for cut in 0...Self.chunked.count {
            var decoder = ChunkedDecoder()
            var splitter = SSESplitter()
            var events: [String] = []
            for piece in Self.pieces(Self.chunked, cuts: [cut]) { events += splitter.feed(try decoder.feed(piece)) }
            #expect(events == Self.events, "cut at \(cut)")
        }
    }

    @Test func sseFieldRules() {
        var splitter = SSESplitter()
        // Multi-line data joins with "\n"; `event:`/`id:` are skipped; no space after the colon is fine;
        // a lone CR before LF is stripped; a final event without its blank line comes out of finish().
        let text = "event: message\nid: 7\ndata:a\ndata: b\r\n\r\n:comment\n\ndata: tail"
        #expect(splitter.feed(Array(text.utf8)) == ["a\nb"])
        #expect(splitter.finish() == "tail")
    }

    @Test func streamChunksGiveTextAndUsage() {
        #expect(StreamChunk.parse(#"{"choices":[{"text":" hi"}]}"#) == StreamChunk(text: " hi", completionTokens: nil, isDone: false))
        #expect(StreamChunk.parse(#"{"choices":[{"delta":{"content":"x"}}]}"#)?.text == "x")
        #expect(StreamChunk.parse(#"{"choices":[{"delta":{"role":"assistant"}}]}"#)?.text == "")
        #expect(StreamChunk.parse(#"{"choices":[],"usage":{"completion_tokens":12}}"#)?.completionTokens == 12)
        #expect(StreamChunk.parse("[DONE]")?.isDone == true)
        #expect(StreamChunk.parse("not json") == nil)
    }
}
