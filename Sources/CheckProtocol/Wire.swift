import Foundation

/// The call protocol between the trusted checks program and the learner's program.
///
/// Each message is one line, `<tag>\t<payload>\n`, where every payload is JSON (JSON text
/// never holds a raw newline). The checks program writes on the learner's descriptor 3 and
/// reads its replies on descriptor 4; the learner's standard output and error are a third,
/// separate pipe, so nothing the learner prints can be mistaken for a reply.
///
/// | direction | line | meaning |
/// |---|---|---|
/// | learner → checks | `ready\t["matmul"]` | the program started; these functions are served |
/// | checks → learner | `call\tmatmul\t[a, b]` | call a function with these arguments |
/// | learner → checks | `return\t<result>` | the function's result |
/// | learner → checks | `callback\t1\t[x]` | the function calls closure 1 of those the checks passed |
/// | checks → learner | `return\t<result>` | the closure's result |
/// | learner → checks | `error\t"message"` | the call could not be made (unknown function, unreadable arguments) |
///
/// Floats travel as JSON numbers in their shortest round-trip form, so a value crosses the
/// boundary bit for bit; NaN and the infinities travel as the strings `"nan"`, `"inf"`, `"-inf"`.
public enum Wire {
    public static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return encoder
    }

    public static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return decoder
    }

    /// One protocol line: the tag, a tab, the payload and a newline.
    public static func line(_ tag: String, _ payload: Data) -> [UInt8] {
        Array(tag.utf8) + [UInt8(ascii: "\t")] + Array(payload) + [UInt8(ascii: "\n")]
    }

    /// A string as a JSON payload.
    public static func jsonString(_ text: String) -> Data {
        (try? JSONEncoder().encode(text)) ?? Data("\"\"".utf8)
    }

    /// Splits a line into its tag and payload.
    public static func split(_ line: [UInt8]) -> (tag: String, payload: Data) {
        guard let tab = line.firstIndex(of: UInt8(ascii: "\t")) else { return (String(decoding: line, as: UTF8.self), Data()) }
        return (String(decoding: line[..<tab], as: UTF8.self), Data(line[(tab + 1)...]))
    }
}

/// Values of different types encoded as one JSON array, in order: a call's arguments, or a
/// result with several parts (Swift tuples are not `Codable`).
///
/// ```swift
/// let result = WireTuple(codes, step)             // encodes as [[1, -3], 0.25]
/// let (codes, step) = decoded.values
/// ```
public struct WireTuple<each T> {
    public var values: (repeat each T)

    public init(_ values: repeat each T) {
        self.values = (repeat each values)
    }
}

extension WireTuple: Encodable where repeat each T: Encodable {
    public func encode(to encoder: Encoder) throws {
        var container = encoder.unkeyedContainer()
        repeat try container.encode(each values)
    }
}

extension WireTuple: Decodable where repeat each T: Decodable {
    public init(from decoder: Decoder) throws {
        var container = try decoder.unkeyedContainer()
        values = (repeat try container.decode((each T).self))
    }
}

/// Reads `\n`-terminated lines from a file descriptor, keeping what follows the last one.
final class LineBuffer {
    private var pending: [UInt8] = []
    /// Lines longer than this are a protocol violation (a flood that would only waste memory;
    /// the largest answer an exercise returns is a few hundred kilobytes).
    let limit: Int

    init(limit: Int = 64 << 20) { self.limit = limit }

    func append(_ bytes: [UInt8]) { pending += bytes }

    var isOverLimit: Bool { pending.count > limit }

    /// The next complete line without its newline, if one has arrived.
    func nextLine() -> [UInt8]? {
        guard let newline = pending.firstIndex(of: UInt8(ascii: "\n")) else { return nil }
        let line = Array(pending[..<newline])
        pending.removeSubrange(...newline)
        return line
    }
}
