import Foundation

/// A fixed moment for `strftime_now`, so renderings can be reproduced in tests.
public struct JinjaDate: Sendable {
    public var date: Date
    public init(_ date: Date) { self.date = date }
    public static func current() -> JinjaDate { JinjaDate(Date()) }

    /// Python's `strftime` for the directives chat templates use (%d %b %B %Y %y %m %H %M %S %A %a).
    public func format(_ pattern: String) -> String {
        let map: [Character: String] = ["d": "dd", "b": "MMM", "B": "MMMM", "Y": "yyyy", "y": "yy", "m": "MM",
                                         "H": "HH", "M": "mm", "S": "ss", "A": "EEEE", "a": "EEE"]
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        var out = "", chars = Array(pattern), i = 0
        while i < chars.count {
            if chars[i] == "%", i + 1 < chars.count, let f = map[chars[i + 1]] {
                formatter.dateFormat = f
                out += formatter.string(from: date); i += 2
            } else {
                out.append(chars[i]); i += 1
            }
        }
        return out
    }
}

/// Evaluates nodes and expressions with Python's semantics for the operations templates use.
struct JinjaRenderer {
    var scopes: [[String: JinjaValue]]
    let now: @Sendable () -> JinjaDate

    enum Flow { case normal, breakLoop, continueLoop }

    func lookup(_ name: String) -> JinjaValue {
        for scope in scopes.reversed() { if let v = scope[name] { return v } }
        return .undefined
    }

    // ANCHOR: run
    mutating func run(_ nodes: [JinjaTemplate.Node], into out: inout String) throws(JinjaError) -> Flow {
        for node in nodes {
            switch node {
            case .text(let t): out += t
            case .output(let e): out += try evaluate(e).text
            case .conditional(let branches, let otherwise):
                var taken = false
                for (condition, body) in branches where try evaluate(condition).isTruthy {
                    taken = true
                    let flow = try run(body, into: &out)
                    if flow != .normal { return flow }
                    break
                }
                if !taken {
                    let flow = try run(otherwise, into: &out)
                    if flow != .normal { return flow }
                }
            case .loop(let targets, let iterable, let filter, let body, let otherwise):
                try loop(targets, try evaluate(iterable), filter, body, otherwise, into: &out)
            case .set(let target, let attribute, let value):
                let v = try evaluate(value)
                if let attribute {
                    guard case .namespace(let ns) = lookup(target) else { throw .runtime("`\(target).\(attribute)` can only be set on a namespace()") }
                    ns.storage[attribute] = v
                } else {
                    scopes[scopes.count - 1][target] = v
                }
            case .breakLoop: return .breakLoop
            case .continueLoop: return .continueLoop
            }
        }
        return .normal
    }
    // ANCHOR_END: run

    mutating func loop(_ targets: [String], _ sequence: JinjaValue, _ filter: JinjaExpr?, _ body: [JinjaTemplate.Node],
                       _ otherwise: [JinjaTemplate.Node], into out: inout String) throws(JinjaError) {
        var items = try JinjaBuiltins.iterate(sequence)
        func bind(_ item: JinjaValue, into scope: inout [String: JinjaValue]) throws(JinjaError) {
            if targets.count == 1 { scope[targets[0]] = item; return }
            guard case .list(let parts) = item, parts.count == targets.count else { throw .runtime("cannot unpack \(item.repr) into \(targets.count) names") }
            for (n, v) in zip(targets, parts) { scope[n] = v }
        }
        if let filter {
            var kept: [JinjaValue] = []
            for item in items {
                var scope: [String: JinjaValue] = [:]
                try bind(item, into: &scope)
                scopes.append(scope)
                defer { scopes.removeLast() }
                if try evaluate(filter).isTruthy { kept.append(item) }
            }
            items = kept
        }
        if items.isEmpty { _ = try run(otherwise, into: &out); return }
        for (index, item) in items.enumerated() {
            var scope: [String: JinjaValue] = [:]
            try bind(item, into: &scope)
            scope["loop"] = .dict(JinjaDictionary([
                ("index0", .int(index)), ("index", .int(index + 1)), ("first", .bool(index == 0)),
                ("last", .bool(index == items.count - 1)), ("length", .int(items.count)),
                ("revindex", .int(items.count - index)), ("revindex0", .int(items.count - index - 1)),
                ("previtem", index > 0 ? items[index - 1] : .undefined),
                ("nextitem", index + 1 < items.count ? items[index + 1] : .undefined),
            ]))
            scopes.append(scope)
            let flow = try run(body, into: &out)
            scopes.removeLast()
            if flow == .breakLoop { break }
        }
    }

    func evaluate(_ e: JinjaExpr) throws(JinjaError) -> JinjaValue {
        switch e {
        case .literal(let v): return v
        case .name(let n): return lookup(n)
        case .list(let items): return .list(try items.map { (x) throws(JinjaError) in try evaluate(x) })
        case .dict(let pairs):
            var d = JinjaDictionary()
            for (k, v) in pairs { d[try evaluate(k).text] = try evaluate(v) }
            return .dict(d)
        case .attribute(let base, let name): return JinjaBuiltins.attribute(try evaluate(base), name)
        case .item(let base, let index): return try JinjaBuiltins.item(try evaluate(base), try evaluate(index))
        case .slice(let base, let start, let end):
            return try JinjaBuiltins.slice(try evaluate(base), try start.map { (x) throws(JinjaError) in try evaluate(x) },
                                           try end.map { (x) throws(JinjaError) in try evaluate(x) })
        case .call(let callee, let args, let kwargs):
            let positional = try args.map { (x) throws(JinjaError) in try evaluate(x) }
            var keywords: [(String, JinjaValue)] = []
            for (k, v) in kwargs { keywords.append((k, try evaluate(v))) }
            return try call(callee, positional, keywords)
        case .filter(let base, let name, let args, let kwargs):
            var keywords: [(String, JinjaValue)] = []
            for (k, v) in kwargs { keywords.append((k, try evaluate(v))) }
            return try JinjaBuiltins.filter(name, try evaluate(base), try args.map { (x) throws(JinjaError) in try evaluate(x) }, keywords)
        case .test(let base, let name, let args, let negated):
            let value: JinjaValue
            if case .name(let n) = base, name == "defined" || name == "undefined" {
                // The global functions are defined too (`{% if strftime_now is defined %}`).
                value = Self.globalFunctions.contains(n) && lookup(n) == .undefined ? .bool(true) : lookup(n)
            } else {
                value = try evaluate(base)
            }
            let result = try JinjaBuiltins.test(name, value, try args.map { (x) throws(JinjaError) in try evaluate(x) })
            return .bool(result != negated)
        case .unary(let op, let operand):
            let v = try evaluate(operand)
            if op == "not" { return .bool(!v.isTruthy) }
            switch v {
            case .int(let i): return .int(-i)
            case .double(let d): return .double(-d)
            default: throw .runtime("cannot negate \(v.repr)")
            }
        case .binary("and", let l, let r):
            let left = try evaluate(l)
            return left.isTruthy ? try evaluate(r) : left
        case .binary("or", let l, let r):
            let left = try evaluate(l)
            return left.isTruthy ? left : try evaluate(r)
        case .binary(let op, let l, let r): return try JinjaBuiltins.binary(op, try evaluate(l), try evaluate(r))
        case .conditional(let then, let condition, let otherwise):
            return try evaluate(condition).isTruthy ? try evaluate(then) : try otherwise.map { (x) throws(JinjaError) in try evaluate(x) } ?? .undefined
        }
    }

    static let globalFunctions: Set<String> = ["raise_exception", "strftime_now", "namespace", "dict", "range"]

    /// Globals (`raise_exception`, `strftime_now`, `namespace`, `range`) and methods on values.
    func call(_ callee: JinjaExpr, _ args: [JinjaValue], _ kwargs: [(String, JinjaValue)]) throws(JinjaError) -> JinjaValue {
        if case .attribute(let base, let method) = callee {
            return try JinjaBuiltins.method(method, on: try evaluate(base), args)
        }
        guard case .name(let name) = callee else { throw .unsupported("calling an expression") }
        switch name {
        case "raise_exception": throw .raised(args.first?.text ?? "")
        case "strftime_now": return .string(now().format(args.first?.text ?? ""))
        case "namespace": return .namespace(JinjaNamespace(JinjaDictionary(kwargs)))
        case "dict": return .dict(JinjaDictionary(kwargs))
        case "range":
            let ints = args.compactMap { if case .int(let i) = $0 { return i } else { return nil } }
            guard ints.count == args.count, (1...2).contains(ints.count) else { throw .runtime("range() takes one or two integers") }
            let (start, end) = ints.count == 1 ? (0, ints[0]) : (ints[0], ints[1])
            return .list(start < end ? (start..<end).map { .int($0) } : [])
        default: throw .unsupported("the function `\(name)()`")
        }
    }
}
