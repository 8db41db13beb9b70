import Foundation

/// A parsed template: text, outputs and the statements chat templates use
/// (`if`/`elif`/`else`, `for … in … [if …]` with `else`, `set`, `break`, `continue`).
///
///     let template = try JinjaTemplate("{% for m in messages %}{{ m.role }}: {{ m.content }}\n{% endfor %}")
///     try template.render(["messages": .list([.dict(JinjaDictionary([("role", "user"), ("content", "hi")]))])])
public struct JinjaTemplate {
    indirect enum Node {
        case text(String)
        case output(JinjaExpr)
        case conditional([(JinjaExpr, [Node])], otherwise: [Node])
        case loop(targets: [String], iterable: JinjaExpr, filter: JinjaExpr?, body: [Node], otherwise: [Node])
        case set(target: String, attribute: String?, value: JinjaExpr)
        case breakLoop, continueLoop
    }

    let nodes: [Node]

    public init(_ source: String) throws(JinjaError) {
        var parser = TemplateParser(pieces: try JinjaLexer.pieces(source))
        nodes = try parser.block(until: [])
    }

    /// Renders with `variables` as the top-level names (`messages`, `add_generation_prompt` …).
    public func render(_ variables: [String: JinjaValue], now: @escaping @Sendable () -> JinjaDate = JinjaDate.current) throws(JinjaError) -> String {
        var renderer = JinjaRenderer(scopes: [variables], now: now)
        var out = ""
        _ = try renderer.run(nodes, into: &out)
        return out
    }
}

/// Turns lexer pieces into nodes, block by block.
struct TemplateParser {
    let pieces: [JinjaLexer.Piece]
    var position = 0

    init(pieces: [JinjaLexer.Piece]) { self.pieces = pieces }

    /// Nodes up to one of the statements in `terminators` (returned unconsumed), or the end.
    mutating func block(until terminators: Set<String>) throws(JinjaError) -> [JinjaTemplate.Node] {
        var nodes: [JinjaTemplate.Node] = []
        while position < pieces.count {
            switch pieces[position] {
            case .text(let t): nodes.append(.text(t)); position += 1
            case .output(let source): nodes.append(.output(try parse(source))); position += 1
            case .statement(let source):
                let keyword = source.prefix { $0.isLetter || $0 == "_" }
                if terminators.contains(String(keyword)) { return nodes }
                position += 1
                nodes.append(try statement(String(keyword), source.dropFirst(keyword.count)))
            }
        }
        guard terminators.isEmpty else { throw .syntax("missing `{% \(terminators.sorted().joined(separator: "` or `{% ")) %}`") }
        return nodes
    }

    func parse(_ source: some StringProtocol) throws(JinjaError) -> JinjaExpr {
        var p = JinjaExpressionParser(try JinjaToken.tokens(String(source)))
        let e = try p.expression()
        guard p.atEnd else { throw .syntax("unexpected \(JinjaExpressionParser.show(p.peek!)) in `\(source)`") }
        return e
    }

    var currentKeyword: String {
        guard position < pieces.count, case .statement(let s) = pieces[position] else { return "" }
        return String(s.prefix { $0.isLetter || $0 == "_" })
    }

    mutating func statement(_ keyword: String, _ rest: Substring) throws(JinjaError) -> JinjaTemplate.Node {
        switch keyword {
        case "if":
            var branches = [(try parse(rest), try block(until: ["elif", "else", "endif"]))]
            var otherwise: [JinjaTemplate.Node] = []
            while true {
                guard case .statement(let s) = pieces[position] else { break }
                let k = currentKeyword
                position += 1
                if k == "elif" { branches.append((try parse(s.dropFirst(4)), try block(until: ["elif", "else", "endif"]))) }
                else if k == "else" { otherwise = try block(until: ["endif"]) }
                else { break }  // endif
            }
            return .conditional(branches, otherwise: otherwise)
        case "for":
            var tokens = JinjaExpressionParser(try JinjaToken.tokens(String(rest)))
            var targets: [String] = []
            repeat {
                guard case .name(let n)? = tokens.next() else { throw .syntax("expected a loop variable in `for\(rest)`") }
                targets.append(n)
            } while tokens.accept(.op(","))
            try tokens.expect(.name("in"))
            let iterable = try tokens.or()
            let filter: JinjaExpr? = tokens.accept(.name("if")) ? try tokens.or() : nil
            if tokens.accept(.name("recursive")) { throw .unsupported("recursive loops") }
            guard tokens.atEnd else { throw .syntax("unexpected text in `for\(rest)`") }
            let body = try block(until: ["else", "endfor"])
            var otherwise: [JinjaTemplate.Node] = []
            if currentKeyword == "else" { position += 1; otherwise = try block(until: ["endfor"]) }
            position += 1  // endfor
            return .loop(targets: targets, iterable: iterable, filter: filter, body: body, otherwise: otherwise)
        case "set":
            guard let equals = rest.firstIndex(of: "=") else { throw .unsupported("`{% set %}` blocks (use `{% set name = value %}`)") }
            let target = rest[..<equals].trimmingCharacters(in: .whitespaces)
            let parts = target.split(separator: ".").map(String.init)
            return .set(target: parts[0], attribute: parts.count > 1 ? parts[1] : nil, value: try parse(rest[rest.index(after: equals)...]))
        case "break": return .breakLoop
        case "continue": return .continueLoop
        case "generation", "endgeneration": return .text("")  // a training-only marker in some templates
        default:
            throw .unsupported("`{% \(keyword) %}` (the subset has if, for, set, break and continue)")
        }
    }
}
