import Foundation
import Testing
import Tensors
@testable import Decoding

/// The regex engine against itself (NFA simulation vs lazy DFA) and against Foundation's
/// NSRegularExpression (ICU), full-match semantics, on random patterns and random strings.
@Suite struct RegexParityTests {
    /// A random pattern from a small grammar: literals, `.`, classes, shorthands, groups,
    /// alternation and every quantifier form.
    static func randomPattern(_ rng: inout SplitMix64, depth: Int = 0) -> String {
        func pick<T>(_ xs: [T]) -> T { xs[Int(rng.next() % UInt64(xs.count))] }
        var branches: [String] = []
        for _ in 0..<(1 + Int(rng.next() % (depth < 2 ? 3 : 1))) {
            var concat = ""
            for _ in 0..<(1 + Int(rng.next() % 3)) {
                var atom = depth < 2 && rng.next() % 5 == 0 ? "(" + randomPattern(&rng, depth: depth + 1) + ")"
                    : pick(["a", "b", "c", "é", "中", ".", "[a-c]", "[^a\"]", "[^\\\\\"]", "\\d", "\\w", "\\s", "[0-9_]", "\\.", "\\\\", "\"", "\\u4e2d"])
                if rng.next() % 2 == 0 { atom += pick(["*", "+", "?", "{2}", "{1,3}", "{0,2}", "{2,}"]) }
                concat += atom
            }
            branches.append(concat)
        }
        return branches.joined(separator: "|")
    }

    static let alphabet: [String] = ["a", "b", "c", "1", "9", "_", " ", "\"", "\\", ".", "é", "中", "\n", "x"]

    static func randomString(_ rng: inout SplitMix64) -> String {
        (0..<Int(rng.next() % 7)).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] }.joined()
    }

    static func icuFullMatch(_ regex: NSRegularExpression, _ s: String) -> Bool {
        let ns = s as NSString
        guard let m = regex.firstMatch(in: s, options: [], range: NSRange(location: 0, length: ns.length)) else { return false }
        return m.range.location == 0 && m.range.length == ns.length
    }

    @Test func nfaDFAAndICUAgreeOnRandomPatterns() throws {
        var rng = SplitMix64(seed: 7)
        var checked = 0, matched = 0
        for _ in 0..<300 {
            let pattern = Self.randomPattern(&rng)
            let usesShorthand = pattern.contains("\\d") || pattern.contains("\\w") || pattern.contains("\\s")
            let icu = try NSRegularExpression(pattern: "\\A(?:" + pattern + ")\\z")
            let output = try StructuredOutput.regex(pattern)
            let nfa = output.dfa.nfa
            for _ in 0..<40 {
                var s = Self.randomString(&rng)
                // \d \w \s mean ASCII classes here, Unicode ones in ICU: compare on ASCII only.
                if usesShorthand { s = String(s.unicodeScalars.filter(\.isASCII).map(Character.init)) }
                let expected = Self.icuFullMatch(icu, s)
                #expect(nfa.matches(s.utf8) == expected, "NFA, /\(pattern)/ on \(s.debugDescription)")
                #expect(output.dfa.matches(s.utf8) == expected, "DFA, /\(pattern)/ on \(s.debugDescription)")
                checked += 1
                if expected { matched += 1 }
            }
        }
        #expect(matched > 300, "too few matching strings to mean much: \(matched) of \(checked)")
    }

    @Test func utf8RangesCoverExactlyTheScalars() {
        // Every scalar in a class is accepted as its UTF-8 bytes; its neighbors outside are not.
        let set = ScalarSet([0x41...0x5A, 0x7F...0x80, 0x7FF...0x801, 0xD7FF...0xE000, 0xFFFF...0x10000, 0x10FFFF...0x10FFFF])
        let nfa = ByteNFA(.scalars(set))
        for v: UInt32 in [0x41, 0x5A, 0x7F, 0x80, 0x7FF, 0x800, 0x801, 0xD7FF, 0xE000, 0xFFFF, 0x10000, 0x10FFFF] {
            #expect(nfa.matches(UTF8Ranges.encode(v)), "U+\(String(v, radix: 16)) inside")
        }
        for v: UInt32 in [0x40, 0x5B, 0x7E, 0x81, 0x7FE, 0x802, 0xD7FE, 0xE001, 0xFFFE, 0x10001, 0x10FFFE] {
            #expect(!nfa.matches(UTF8Ranges.encode(v)), "U+\(String(v, radix: 16)) outside")
        }
        // Bytes that are not UTF-8 at all never match a negated class.
        let notQuote = ByteNFA(try! RegexParser.parse("[^\"]"))
        #expect(!notQuote.matches([0xC0, 0x80]))   // overlong
        #expect(!notQuote.matches([0xED, 0xA0, 0x80]))  // a surrogate
        #expect(!notQuote.matches([0x80]))
        #expect(notQuote.matches(Array("中".utf8)))
    }

    @Test func parseErrorsSayWhatIsWrong() {
        for (pattern, words) in [("a{3,1}", "maximum is below"), ("(ab", "unexpected end"), ("*a", "nothing to repeat"),
                                 ("^a", "anchors"), ("[^\\s\\S]", "matches nothing"), ("a*?", "lazy")] {
            do {
                _ = try StructuredOutput.regex(pattern)
                Issue.record("\(pattern) should not compile")
            } catch {
                #expect(error.description.contains(words), "\(pattern): \(error.description)")
            }
        }
    }
}
