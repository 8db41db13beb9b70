import Foundation

/// A value inside a Jinja template, with Python's semantics where templates depend on them:
/// truthiness, `str()`, equality, and dictionaries that keep their insertion order (so `tojson`
/// writes keys in the order the caller gave them, as Python does).
public indirect enum JinjaValue: Equatable, Sendable {
    case undefined
    case none
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case list([JinjaValue])
    case dict(JinjaDictionary)
    /// A `namespace(...)` object: a dictionary whose attributes `set` may assign.
    case namespace(JinjaNamespace)

    /// Python truthiness: empty strings, lists and dicts, 0, none and undefined are false.
    public var isTruthy: Bool {
        switch self {
        case .undefined, .none: return false
        case .bool(let b): return b
        case .int(let i): return i != 0
        case .double(let d): return d != 0
        case .string(let s): return !s.isEmpty
        case .list(let l): return !l.isEmpty
        case .dict(let d): return !d.keys.isEmpty
        case .namespace: return true
        }
    }

    /// What `{{ value }}` prints: Python's `str()` (`True`, `None`, `['a', 1]`); undefined prints nothing.
    public var text: String {
        switch self {
        case .undefined: return ""
        case .string(let s): return s
        default: return repr
        }
    }

    /// Python's `repr()`, used for values inside lists and dicts.
    var repr: String {
        switch self {
        case .undefined: return ""
        case .none: return "None"
        case .bool(let b): return b ? "True" : "False"
        case .int(let i): return String(i)
        case .double(let d): return d == d.rounded() && abs(d) < 1e16 ? String(format: "%.1f", d) : String(d)
        case .string(let s): return s.contains("'") && !s.contains("\"") ? "\"\(s)\"" : "'" + s.replacingOccurrences(of: "'", with: "\\'") + "'"
        case .list(let l): return "[" + l.map(\.repr).joined(separator: ", ") + "]"
        case .dict(let d): return "{" + d.keys.map { "'\($0)': \(d.values[$0]!.repr)" }.joined(separator: ", ") + "}"
        case .namespace(let n): return "<Namespace \(JinjaValue.dict(n.storage).repr)>"
        }
    }
}

/// An insertion-ordered string-keyed dictionary (Python's `dict`).
public struct JinjaDictionary: Equatable, Sendable {
    public private(set) var keys: [String] = []
    public private(set) var values: [String: JinjaValue] = [:]

    public init(_ pairs: [(String, JinjaValue)] = []) {
        for (k, v) in pairs { self[k] = v }
    }

    public subscript(key: String) -> JinjaValue? {
        get { values[key] }
        set {
            if values[key] == nil, newValue != nil { keys.append(key) }
            if newValue == nil { keys.removeAll { $0 == key } }
            values[key] = newValue
        }
    }
}

/// `namespace()`: the one mutable object templates have, shared by reference so a `set` inside
/// a loop is seen after it.
public final class JinjaNamespace: @unchecked Sendable, Equatable {
    var storage: JinjaDictionary
    init(_ storage: JinjaDictionary) { self.storage = storage }
    public static func == (a: JinjaNamespace, b: JinjaNamespace) -> Bool { a === b }
}
