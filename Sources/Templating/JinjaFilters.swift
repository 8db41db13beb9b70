import Foundation

/// Filters (`value | name(args)`) and methods (`value.name(args)`).
extension JinjaBuiltins {
    static func filter(_ name: String, _ v: JinjaValue, _ args: [JinjaValue], _ kwargs: [(String, JinjaValue)]) throws(JinjaError) -> JinjaValue {
        func keyword(_ k: String) -> JinjaValue? { kwargs.first { $0.0 == k }?.1 }
        switch name {
        case "trim": return .string(v.text.trimmingCharacters(in: .whitespacesAndNewlines))
        case "upper": return .string(v.text.uppercased())
        case "lower": return .string(v.text.lowercased())
        case "capitalize": let t = v.text.lowercased(); return .string(t.prefix(1).uppercased() + t.dropFirst())
        case "string": return .string(v.text)
        case "safe", "e", "escape": return v
        case "int": return .int(Int(v.text.trimmingCharacters(in: .whitespaces)) ?? number(v).map { Int($0) } ?? 0)
        case "length", "count":
            switch v {
            case .string(let s): return .int(s.count)
            case .list(let l): return .int(l.count)
            case .dict(let d): return .int(d.keys.count)
            default: return .int(0)
            }
        case "first": return try iterate(v).first ?? .undefined
        case "last": return try iterate(v).last ?? .undefined
        case "list": return .list(try iterate(v))
        case "default", "d":
            if case .undefined = v { return args.first ?? .string("") }
            if args.count > 1, args[1].isTruthy, !v.isTruthy { return args[0] }
            return v
        case "join":
            let separator = args.first?.text ?? keyword("d")?.text ?? ""
            return .string(try iterate(v).map(\.text).joined(separator: separator))
        case "replace":
            guard args.count >= 2 else { throw .runtime("replace needs two arguments") }
            return .string(v.text.replacingOccurrences(of: args[0].text, with: args[1].text))
        case "items":
            guard case .dict(let d) = v else { return .list([]) }
            return .list(d.keys.map { .list([.string($0), d.values[$0]!]) })
        case "tojson":
            let indent: Int? = { if case .int(let i)? = keyword("indent") ?? args.first { return i } else { return nil } }()
            return .string(JSONText.encode(v, indent: indent))
        case "selectattr", "rejectattr":
            guard let attr = args.first?.text else { throw .runtime("\(name) needs an attribute name") }
            let keep = name == "selectattr"
            var kept: [JinjaValue] = []
            for item in try iterate(v) {
                let value = attribute(item, attr)
                let passes = args.count > 1 ? try test(args[1].text, value, Array(args.dropFirst(2))) : value.isTruthy
                if passes == keep { kept.append(item) }
            }
            return .list(kept)
        case "select", "reject":
            let keep = name == "select"
            var kept: [JinjaValue] = []
            for item in try iterate(v) where (args.isEmpty ? item.isTruthy : try test(args[0].text, item, Array(args.dropFirst()))) == keep {
                kept.append(item)
            }
            return .list(kept)
        case "map":
            if let attr = keyword("attribute")?.text { return .list(try iterate(v).map { attribute($0, attr) }) }
            guard let f = args.first?.text else { throw .runtime("map needs a filter name or attribute=") }
            var mapped: [JinjaValue] = []
            for item in try iterate(v) { mapped.append(try filter(f, item, Array(args.dropFirst()), [])) }
            return .list(mapped)
        default:
            throw .unsupported("the filter `| \(name)`")
        }
    }

    static func method(_ name: String, on v: JinjaValue, _ args: [JinjaValue]) throws(JinjaError) -> JinjaValue {
        switch (v, name) {
        case (.string(let s), "strip"): return .string(strip(s, args.first?.text, leading: true, trailing: true))
        case (.string(let s), "lstrip"): return .string(strip(s, args.first?.text, leading: true, trailing: false))
        case (.string(let s), "rstrip"): return .string(strip(s, args.first?.text, leading: false, trailing: true))
        case (.string(let s), "upper"): return .string(s.uppercased())
        case (.string(let s), "lower"): return .string(s.lowercased())
        case (.string(let s), "startswith"): return .bool(s.hasPrefix(args.first?.text ?? ""))
        case (.string(let s), "endswith"): return .bool(s.hasSuffix(args.first?.text ?? ""))
        case (.string(let s), "replace"):
            guard args.count >= 2 else { throw .runtime("replace needs two arguments") }
            return .string(s.replacingOccurrences(of: args[0].text, with: args[1].text))
        case (.string(let s), "split"):
            if let sep = args.first?.text { return .list(s.components(separatedBy: sep).map { .string($0) }) }
            return .list(s.split(whereSeparator: \.isWhitespace).map { .string(String($0)) })
        case (.dict, "items"), (.dict, "keys"), (.dict, "values"):
            guard case .dict(let d) = v else { return .undefined }
            return .list(d.keys.map { k in name == "keys" ? .string(k) : name == "values" ? d.values[k]! : .list([.string(k), d.values[k]!]) })
        case (.dict(let d), "get"): return d[args.first?.text ?? ""] ?? (args.count > 1 ? args[1] : .none)
        default: throw .unsupported("the method `.\(name)()` on \(v.repr.prefix(40))")
        }
    }

    /// Python's `str.strip(chars)`: with no argument, whitespace.
    static func strip(_ s: String, _ chars: String?, leading: Bool, trailing: Bool) -> String {
        let set = chars.map { Set($0) }
        let drop = { (c: Character) in set.map { $0.contains(c) } ?? c.isWhitespace }
        var out = Substring(s)
        if leading { out = out.drop(while: drop) }
        if trailing { while let last = out.last, drop(last) { out.removeLast() } }
        return String(out)
    }
}

/// `tojson` as Hugging Face defines it for chat templates: Python's `json.dumps` with
/// `ensure_ascii=False`, keys in insertion order, `", "` and `": "` separators, and with
/// `indent` a newline and that many spaces per level.
enum JSONText {
    static func encode(_ v: JinjaValue, indent: Int?, level: Int = 0) -> String {
        let pad = { (n: Int) in indent.map { "\n" + String(repeating: " ", count: $0 * n) } ?? "" }
        let comma = indent == nil ? ", " : ","
        switch v {
        case .undefined, .none: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .double(let d): return d == d.rounded() && abs(d) < 1e16 ? String(format: "%.1f", d) : "\(d)"
        case .string(let s): return quote(s)
        case .list(let l):
            guard !l.isEmpty else { return "[]" }
            return "[" + l.map { pad(level + 1) + encode($0, indent: indent, level: level + 1) }.joined(separator: comma) + pad(level) + "]"
        case .dict(let d):
            guard !d.keys.isEmpty else { return "{}" }
            return "{" + d.keys.map { pad(level + 1) + quote($0) + ": " + encode(d.values[$0]!, indent: indent, level: level + 1) }
                .joined(separator: comma) + pad(level) + "}"
        case .namespace(let n): return encode(.dict(n.storage), indent: indent, level: level)
        }
    }

    /// A JSON string literal; Foundation's encoder escapes exactly as Python's `json.dumps`
    /// with `ensure_ascii=False` does (quotes, backslashes, control characters; `/` is kept).
    static func quote(_ s: String) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .withoutEscapingSlashes
        return (try? encoder.encode(s)).map { String(decoding: $0, as: UTF8.self) } ?? "\"\""
    }
}
