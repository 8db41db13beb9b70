/// The parsed form of a regular expression, over Unicode scalars (compiled to UTF-8 bytes later).
///
/// Supported syntax (always full-match: the whole text must match, so there are no anchors):
/// literals, escapes (`\.` `\\` `\n` `\t` `\r` `\f` `\xHH` `\uHHHH`), `.` (any scalar but `\n`),
/// classes `[a-z0-9]` and negated `[^"\\]`, `\d \w \s` (ASCII meanings) and their negations
/// `\D \W \S`, groups `( )` and `(?: )`, alternation `|`, and the quantifiers `* + ?` `{m}`
/// `{m,}` `{m,n}`.
///
/// ```swift
/// let node = try RegexParser.parse("[a-z]+(,[a-z]+)*")
/// ```
public indirect enum RegexNode: Equatable, Sendable {
    /// Any one scalar in the set (a literal is a set of one).
    case scalars(ScalarSet)
    case concat([RegexNode])
    case alternation([RegexNode])
    /// `max == nil`: unbounded.
    case repetition(RegexNode, min: Int, max: Int?)
    case empty
}

/// A set of Unicode scalars as sorted, disjoint, non-adjacent closed ranges of code points.
public struct ScalarSet: Equatable, Sendable {
    public private(set) var ranges: [ClosedRange<UInt32>]

    public init(_ ranges: [ClosedRange<UInt32>]) {
        var out: [ClosedRange<UInt32>] = []
        for r in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let last = out.last, r.lowerBound <= last.upperBound &+ 1 {
                out[out.count - 1] = last.lowerBound...max(last.upperBound, r.upperBound)
            } else {
                out.append(r)
            }
        }
        self.ranges = out
    }

    public static func single(_ v: UInt32) -> ScalarSet { ScalarSet([v...v]) }

    /// Every scalar value not in the set (surrogates are never scalars; UTF-8 skips them).
    public var complement: ScalarSet {
        var out: [ClosedRange<UInt32>] = [], next: UInt32 = 0
        for r in ranges {
            if r.lowerBound > next { out.append(next...(r.lowerBound - 1)) }
            next = r.upperBound + 1
        }
        if next <= 0x10FFFF { out.append(next...0x10FFFF) }
        return ScalarSet(out)
    }

    public var isEmpty: Bool { ranges.isEmpty }

    static let digit = ScalarSet([0x30...0x39])
    static let word = ScalarSet([0x30...0x39, 0x41...0x5A, 0x5F...0x5F, 0x61...0x7A])
    static let space = ScalarSet([0x09...0x0D, 0x20...0x20])
    static let anyButNewline = ScalarSet.single(0x0A).complement
}

/// The error a pattern or schema compiles to; `description` says what and where.
public struct StructuredOutputError: Error, CustomStringConvertible, Equatable {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// A recursive-descent parser for ``RegexNode``.
///
/// alternation := concat ('|' concat)* ; concat := quantified* ; quantified := atom quantifier*
public struct RegexParser {
    private let scalars: [Unicode.Scalar]
    private var i = 0

    public static func parse(_ pattern: String) throws(StructuredOutputError) -> RegexNode {
        var p = RegexParser(scalars: Array(pattern.unicodeScalars))
        let node = try p.alternation()
        if p.i < p.scalars.count { throw p.error("unexpected ')'") }
        return node
    }

    private init(scalars: [Unicode.Scalar]) { self.scalars = scalars }

    private func error(_ what: String) -> StructuredOutputError {
        StructuredOutputError("regex at offset \(i): \(what)")
    }

    private var peek: Unicode.Scalar? { i < scalars.count ? scalars[i] : nil }

    private mutating func next() throws(StructuredOutputError) -> Unicode.Scalar {
        guard let c = peek else { throw error("unexpected end of pattern") }
        i += 1
        return c
    }

    private mutating func alternation() throws(StructuredOutputError) -> RegexNode {
        var branches = [try concat()]
        while peek == "|" {
            i += 1
            branches.append(try concat())
        }
        return branches.count == 1 ? branches[0] : .alternation(branches)
    }

    private mutating func concat() throws(StructuredOutputError) -> RegexNode {
        var items: [RegexNode] = []
        while let c = peek, c != "|", c != ")" {
            items.append(try quantified())
        }
        return items.isEmpty ? .empty : items.count == 1 ? items[0] : .concat(items)
    }

    private mutating func quantified() throws(StructuredOutputError) -> RegexNode {
        var node = try atom()
        while let c = peek {
            let (lo, hi): (Int, Int?)
            switch c {
            case "*": i += 1; (lo, hi) = (0, nil)
            case "+": i += 1; (lo, hi) = (1, nil)
            case "?": i += 1; (lo, hi) = (0, 1)
            case "{": (lo, hi) = try counts()
            default: return node
            }
            if peek == "?" || peek == "+" { throw error("lazy and possessive quantifiers are not supported") }
            node = .repetition(node, min: lo, max: hi)
        }
        return node
    }

    /// `{m}`, `{m,}` or `{m,n}`.
    private mutating func counts() throws(StructuredOutputError) -> (Int, Int?) {
        i += 1
        let lo = try number()
        var hi: Int? = lo
        if peek == "," {
            i += 1
            hi = peek == "}" ? nil : try number()
        }
        guard try next() == "}" else { throw error("expected '}'") }
        if let hi, hi < lo { throw error("{\(lo),\(hi)}: the maximum is below the minimum") }
        if lo > 1000 || (hi ?? 0) > 1000 { throw error("repetition counts above 1000 are not supported") }
        return (lo, hi)
    }

    private mutating func number() throws(StructuredOutputError) -> Int {
        var value = 0, digits = 0
        while let c = peek, ("0"..."9").contains(c) {
            value = value * 10 + Int(c.value - 0x30)
            digits += 1
            i += 1
            if value > 100_000 { throw error("count too large") }
        }
        if digits == 0 { throw error("expected a number in {m,n}") }
        return value
    }

    private mutating func atom() throws(StructuredOutputError) -> RegexNode {
        let c = try next()
        switch c {
        case "(":
            if peek == "?" {
                i += 1
                guard try next() == ":" else { throw error("only (?: ) groups are supported") }
            }
            let inner = try alternation()
            guard try next() == ")" else { throw error("expected ')'") }
            return inner
        case "[": return .scalars(try characterClass())
        case ".": return .scalars(.anyButNewline)
        case "\\": return .scalars(try escape(inClass: false))
        case "*", "+", "?", "{": throw error("'\(c)' has nothing to repeat")
        case "^", "$": throw error("anchors are not supported (patterns always match the whole text)")
        case "]", "}": return .scalars(.single(c.value))
        default: return .scalars(.single(c.value))
        }
    }

    /// After `[`: members up to `]`, a leading `^` negates.
    private mutating func characterClass() throws(StructuredOutputError) -> ScalarSet {
        var negated = false
        if peek == "^" { negated = true; i += 1 }
        var ranges: [ClosedRange<UInt32>] = []
        var first = true
        while true {
            guard let c = peek else { throw error("unterminated character class") }
            if c == "]" && !first { i += 1; break }
            first = false
            let lo: ScalarSet = c == "\\" ? try { () throws(StructuredOutputError) -> ScalarSet in i += 1; return try escape(inClass: true) }()
                                          : { i += 1; return .single(c.value) }()
            if peek == "-", i + 1 < scalars.count, scalars[i + 1] != "]", lo.ranges.count == 1, lo.ranges[0].count == 1 {
                i += 1
                let hc = try next()
                let hi = hc == "\\" ? try escape(inClass: true) : .single(hc.value)
                guard hi.ranges.count == 1, hi.ranges[0].count == 1, hi.ranges[0].lowerBound >= lo.ranges[0].lowerBound else {
                    throw error("bad range in character class")
                }
                ranges.append(lo.ranges[0].lowerBound...hi.ranges[0].lowerBound)
            } else {
                ranges.append(contentsOf: lo.ranges)
            }
        }
        let set = ScalarSet(ranges)
        let result = negated ? set.complement : set
        if result.isEmpty { throw error("the character class matches nothing") }
        return result
    }

    /// After `\`.
    private mutating func escape(inClass: Bool) throws(StructuredOutputError) -> ScalarSet {
        let c = try next()
        switch c {
        case "d": return .digit
        case "D": return ScalarSet.digit.complement
        case "w": return .word
        case "W": return ScalarSet.word.complement
        case "s": return .space
        case "S": return ScalarSet.space.complement
        case "n": return .single(0x0A)
        case "t": return .single(0x09)
        case "r": return .single(0x0D)
        case "f": return .single(0x0C)
        case "x": return .single(try hex(2))
        case "u": return .single(try hex(4))
        default:
            if c.properties.isAlphabetic || ("0"..."9").contains(c) { throw error("unknown escape \\\(c)") }
            return .single(c.value)
        }
    }

    private mutating func hex(_ count: Int) throws(StructuredOutputError) -> UInt32 {
        var v: UInt32 = 0
        for _ in 0..<count {
            let c = try next()
            guard let d = UInt32(String(c), radix: 16) else {
                throw error("bad hex digit '\(c)'")
            }
            v = v * 16 + d
        }
        if (0xD800...0xDFFF).contains(v) { throw error("a surrogate is not a character") }
        return v
    }
}
