/// A Jinja expression, parsed.
indirect enum JinjaExpr {
    case literal(JinjaValue)
    case name(String)
    case list([JinjaExpr])
    case dict([(JinjaExpr, JinjaExpr)])
    case attribute(JinjaExpr, String)
    case item(JinjaExpr, JinjaExpr)
    case slice(JinjaExpr, JinjaExpr?, JinjaExpr?)
    case call(JinjaExpr, [JinjaExpr], [(String, JinjaExpr)])
    case filter(JinjaExpr, String, [JinjaExpr], [(String, JinjaExpr)])
    case test(JinjaExpr, String, [JinjaExpr], negated: Bool)
    case unary(String, JinjaExpr)
    case binary(String, JinjaExpr, JinjaExpr)
    case conditional(then: JinjaExpr, condition: JinjaExpr, otherwise: JinjaExpr?)
}

/// Tokens of an expression: names, numbers, strings and operators.
enum JinjaToken: Equatable {
    case name(String), int(Int), double(Double), string(String), op(String)

    static func tokens(_ source: String) throws(JinjaError) -> [JinjaToken] {
        let c = Array(source)
        var out: [JinjaToken] = []
        var i = 0
        while i < c.count {
            let ch = c[i]
            if ch.isWhitespace { i += 1; continue }
            if ch.isLetter || ch == "_" {
                var j = i
                while j < c.count, c[j].isLetter || c[j].isNumber || c[j] == "_" { j += 1 }
                out.append(.name(String(c[i..<j]))); i = j; continue
            }
            if ch.isNumber {
                var j = i
                while j < c.count, c[j].isNumber { j += 1 }
                if j + 1 < c.count, c[j] == ".", c[j + 1].isNumber {
                    j += 1
                    while j < c.count, c[j].isNumber { j += 1 }
                    out.append(.double(Double(String(c[i..<j]))!))
                } else {
                    out.append(.int(Int(String(c[i..<j]))!))
                }
                i = j; continue
            }
            if ch == "'" || ch == "\"" {
                var j = i + 1, s = ""
                while j < c.count, c[j] != ch {
                    if c[j] == "\\", j + 1 < c.count {
                        j += 1
                        switch c[j] {
                        case "n": s.append("\n")
                        case "t": s.append("\t")
                        case "r": s.append("\r")
                        default: s.append(c[j])
                        }
                    } else {
                        s.append(c[j])
                    }
                    j += 1
                }
                guard j < c.count else { throw .syntax("unclosed string in `\(source)`") }
                out.append(.string(s)); i = j + 1; continue
            }
            let two = i + 1 < c.count ? String(c[i...(i + 1)]) : ""
            if ["==", "!=", "<=", ">=", "//", "**"].contains(two) { out.append(.op(two)); i += 2; continue }
            guard "+-*/%~|.,:()[]{}<>=".contains(ch) else { throw .syntax("unexpected character `\(ch)` in `\(source)`") }
            out.append(.op(String(ch))); i += 1
        }
        return out
    }
}

/// A recursive-descent parser over expression tokens, lowest precedence first:
/// conditional → or → and → not → comparison (`==`, `in`, `is`) → `~` → `+ -` → `* / // %`
/// → unary minus → postfix (`.a`, `[i]`, `[a:b]`, `(…)`, `| filter`).
struct JinjaExpressionParser {
    var tokens: [JinjaToken]
    var position = 0

    init(_ tokens: [JinjaToken]) { self.tokens = tokens }

    var peek: JinjaToken? { position < tokens.count ? tokens[position] : nil }
    var atEnd: Bool { position >= tokens.count }

    mutating func next() -> JinjaToken? { defer { position += 1 }; return peek }

    mutating func accept(_ token: JinjaToken) -> Bool {
        if peek == token { position += 1; return true }
        return false
    }

    mutating func expect(_ token: JinjaToken) throws(JinjaError) {
        guard accept(token) else { throw .syntax("expected \(Self.show(token)), found \(peek.map(Self.show) ?? "the end")") }
    }

    static func show(_ t: JinjaToken) -> String {
        switch t {
        case .name(let n): return "`\(n)`"
        case .op(let o): return "`\(o)`"
        case .string(let s): return "'\(s)'"
        case .int(let i): return "\(i)"
        case .double(let d): return "\(d)"
        }
    }

    mutating func expression() throws(JinjaError) -> JinjaExpr {
        let value = try or()
        guard accept(.name("if")) else { return value }
        let condition = try or()
        let otherwise: JinjaExpr? = accept(.name("else")) ? try expression() : nil
        return .conditional(then: value, condition: condition, otherwise: otherwise)
    }

    mutating func or() throws(JinjaError) -> JinjaExpr {
        var left = try and()
        while accept(.name("or")) { left = .binary("or", left, try and()) }
        return left
    }

    mutating func and() throws(JinjaError) -> JinjaExpr {
        var left = try not()
        while accept(.name("and")) { left = .binary("and", left, try not()) }
        return left
    }

    mutating func not() throws(JinjaError) -> JinjaExpr {
        accept(.name("not")) ? .unary("not", try not()) : try comparison()
    }

    mutating func comparison() throws(JinjaError) -> JinjaExpr {
        var left = try concatenation()
        while true {
            if case .op(let o)? = peek, ["==", "!=", "<", ">", "<=", ">="].contains(o) {
                position += 1; left = .binary(o, left, try concatenation())
            } else if accept(.name("in")) {
                left = .binary("in", left, try concatenation())
            } else if peek == .name("not"), position + 1 < tokens.count, tokens[position + 1] == .name("in") {
                position += 2; left = .unary("not", .binary("in", left, try concatenation()))
            } else if accept(.name("is")) {
                let negated = accept(.name("not"))
                guard case .name(let test)? = next() else { throw .syntax("expected a test name after `is`") }
                var args: [JinjaExpr] = []
                if accept(.op("(")) { args = try arguments().positional }
                else if let p = peek, case .name(let n) = p, !["and", "or", "else", "if", "is", "in", "not"].contains(n) { args = [try concatenation()] }
                else if case .string? = peek { args = [try concatenation()] }
                else if case .int? = peek { args = [try concatenation()] }
                left = .test(left, test, args, negated: negated)
            } else {
                return left
            }
        }
    }

    mutating func concatenation() throws(JinjaError) -> JinjaExpr {
        var left = try additive()
        while accept(.op("~")) { left = .binary("~", left, try additive()) }
        return left
    }

    mutating func additive() throws(JinjaError) -> JinjaExpr {
        var left = try multiplicative()
        while case .op(let o)? = peek, o == "+" || o == "-" { position += 1; left = .binary(o, left, try multiplicative()) }
        return left
    }

    mutating func multiplicative() throws(JinjaError) -> JinjaExpr {
        var left = try unary()
        while case .op(let o)? = peek, ["*", "/", "//", "%"].contains(o) { position += 1; left = .binary(o, left, try unary()) }
        return left
    }

    mutating func unary() throws(JinjaError) -> JinjaExpr {
        if accept(.op("-")) { return .unary("-", try unary()) }
        if accept(.op("+")) { return try unary() }
        return try postfix(try primary())
    }

    mutating func postfix(_ base: JinjaExpr) throws(JinjaError) -> JinjaExpr {
        var e = base
        while true {
            if accept(.op(".")) {
                guard case .name(let n)? = next() else { throw .syntax("expected an attribute name after `.`") }
                e = .attribute(e, n)
            } else if accept(.op("[")) {
                var start: JinjaExpr?
                if peek != .op(":") { start = try expression() }
                if accept(.op(":")) {
                    let end: JinjaExpr? = peek == .op("]") ? nil : try expression()
                    try expect(.op("]"))
                    e = .slice(e, start, end)
                } else {
                    try expect(.op("]"))
                    e = .item(e, start!)
                }
            } else if accept(.op("(")) {
                let (positional, keywords) = try arguments()
                e = .call(e, positional, keywords)
            } else if accept(.op("|")) {
                guard case .name(let f)? = next() else { throw .syntax("expected a filter name after `|`") }
                var args: ([JinjaExpr], [(String, JinjaExpr)]) = ([], [])
                if accept(.op("(")) { args = try arguments() }
                e = .filter(e, f, args.0, args.1)
            } else {
                return e
            }
        }
    }

    /// Arguments after `(`, through the closing `)`.
    mutating func arguments() throws(JinjaError) -> (positional: [JinjaExpr], keywords: [(String, JinjaExpr)]) {
        var positional: [JinjaExpr] = [], keywords: [(String, JinjaExpr)] = []
        while !accept(.op(")")) {
            if case .name(let n)? = peek, position + 1 < tokens.count, tokens[position + 1] == .op("=") {
                position += 2; keywords.append((n, try expression()))
            } else {
                positional.append(try expression())
            }
            if !accept(.op(",")) { try expect(.op(")")); break }
        }
        return (positional, keywords)
    }

    mutating func primary() throws(JinjaError) -> JinjaExpr {
        guard let t = next() else { throw .syntax("an expression ends too early") }
        switch t {
        case .int(let i): return .literal(.int(i))
        case .double(let d): return .literal(.double(d))
        case .string(var s):
            while case .string(let more)? = peek { s += more; position += 1 }  // adjacent literals join
            return .literal(.string(s))
        case .name(let n):
            switch n {
            case "true", "True": return .literal(.bool(true))
            case "false", "False": return .literal(.bool(false))
            case "none", "None": return .literal(.none)
            default: return .name(n)
            }
        case .op("("):
            let e = try expression()
            if accept(.op(",")) {  // a tuple: treat as a list
                var items = [e]
                while !accept(.op(")")) { items.append(try expression()); _ = accept(.op(",")) }
                return .list(items)
            }
            try expect(.op(")"))
            return e
        case .op("["):
            var items: [JinjaExpr] = []
            while !accept(.op("]")) { items.append(try expression()); if !accept(.op(",")) { try expect(.op("]")); break } }
            return .list(items)
        case .op("{"):
            var pairs: [(JinjaExpr, JinjaExpr)] = []
            while !accept(.op("}")) {
                let key = try expression()
                try expect(.op(":"))
                pairs.append((key, try expression()))
                if !accept(.op(",")) { try expect(.op("}")); break }
            }
            return .dict(pairs)
        default:
            throw .syntax("unexpected \(Self.show(t))")
        }
    }
}
