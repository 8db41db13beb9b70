import Foundation

extension JinjaValue {
    /// Parses JSON text into a value whose objects keep their key order, as Python's `json`
    /// does (Foundation's `JSONSerialization` does not, and `tojson` must write tool
    /// definitions back in the order they were given).
    public static func parseJSON(_ text: String) throws(JinjaError) -> JinjaValue {
        var parser = OrderedJSONParser(Array(text.unicodeScalars))
        let value = try parser.value()
        parser.skipSpace()
        guard parser.i == parser.s.count else { throw .runtime("JSON: unexpected text at character \(parser.i)") }
        return value
    }
}

struct OrderedJSONParser {
    let s: [Unicode.Scalar]
    var i = 0

    init(_ s: [Unicode.Scalar]) { self.s = s }

    mutating func skipSpace() { while i < s.count, [" ", "\n", "\r", "\t"].contains(s[i]) { i += 1 } }

    mutating func fail(_ what: String) -> JinjaError { .runtime("JSON: expected \(what) at character \(i)") }

    mutating func value() throws(JinjaError) -> JinjaValue {
        skipSpace()
        guard i < s.count else { throw fail("a value") }
        switch s[i] {
        case "{":
            i += 1
            var d = JinjaDictionary()
            skipSpace()
            if i < s.count, s[i] == "}" { i += 1; return .dict(d) }
            while true {
                skipSpace()
                guard case .string(let key) = try value() else { throw fail("a string key") }
                skipSpace()
                guard i < s.count, s[i] == ":" else { throw fail("`:`") }
                i += 1
                d[key] = try value()
                skipSpace()
                guard i < s.count else { throw fail("`,` or `}`") }
                if s[i] == "," { i += 1; continue }
                guard s[i] == "}" else { throw fail("`,` or `}`") }
                i += 1
                return .dict(d)
            }
        case "[":
            i += 1
            var items: [JinjaValue] = []
            skipSpace()
            if i < s.count, s[i] == "]" { i += 1; return .list(items) }
            while true {
                items.append(try value())
                skipSpace()
                guard i < s.count else { throw fail("`,` or `]`") }
                if s[i] == "," { i += 1; continue }
                guard s[i] == "]" else { throw fail("`,` or `]`") }
                i += 1
                return .list(items)
            }
        case "\"":
            i += 1
            var out = String.UnicodeScalarView()
            while i < s.count, s[i] != "\"" {
                if s[i] == "\\", i + 1 < s.count {
                    i += 1
                    switch s[i] {
                    case "n": out.append("\n")
                    case "t": out.append("\t")
                    case "r": out.append("\r")
                    case "b": out.append("\u{08}")
                    case "f": out.append("\u{0C}")
                    case "u":
                        guard i + 4 < s.count, var code = UInt32(String(String.UnicodeScalarView(s[(i + 1)...(i + 4)])), radix: 16) else { throw fail("four hex digits") }
                        i += 4
                        // A UTF-16 surrogate pair spells one scalar.
                        if (0xD800...0xDBFF).contains(code), i + 6 < s.count, s[i + 1] == "\\", s[i + 2] == "u",
                           let low = UInt32(String(String.UnicodeScalarView(s[(i + 3)...(i + 6)])), radix: 16) {
                            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                            i += 6
                        }
                        out.append(Unicode.Scalar(code) ?? "\u{FFFD}")
                    default: out.append(s[i])
                    }
                } else {
                    out.append(s[i])
                }
                i += 1
            }
            guard i < s.count else { throw fail("a closing quote") }
            i += 1
            return .string(String(out))
        default:
            var j = i
            while j < s.count, !",]} \n\r\t".unicodeScalars.contains(s[j]) { j += 1 }
            let word = String(String.UnicodeScalarView(s[i..<j]))
            i = j
            switch word {
            case "true": return .bool(true)
            case "false": return .bool(false)
            case "null": return .none
            default:
                if let n = Int(word) { return .int(n) }
                if let d = Double(word) { return .double(d) }
                throw .runtime("JSON: unexpected `\(word)`")
            }
        }
    }
}
