/// Splits text into the chunks BPE merges may not cross, the way GPT-2 does.
///
/// GPT-2 applies the regular expression
/// `'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+`
/// and BPE runs inside each match. This type implements the same rules by hand on Unicode
/// scalars (the regex engines GPT-2 and Hugging Face use also work on code points), trying the
/// alternatives in order at each position, exactly as the leftmost-first regex would:
///
/// 1. an English contraction suffix: `'s 't 're 've 'm 'll 'd` (case-sensitive);
/// 2. an optional single space, then a run of letters;
/// 3. an optional single space, then a run of numeric characters;
/// 4. an optional single space, then a run of anything that is not space, letter or number;
/// 5. a run of whitespace that is not followed by a non-space — so in `"a   b"` the run
///    gives up its last space, which then joins `b` as `" b"`;
/// 6. otherwise the whitespace run itself: a single space or newline right before a
///    non-space that rules 2–4 did not take (`"\na"` → `"\n"`, `"a"`).
///
/// ```swift
/// PreTokenizer.gpt2.split("I'll say  hi!")  // ["I", "'ll", " say", " ", " hi", "!"]
/// ```
public struct PreTokenizer: Sendable, Equatable {
    /// Split digits into single characters before the GPT-2 rules (SmolLM's `Digits` step).
    public var individualDigits: Bool
    /// When false the whole text is one chunk (`"use_regex": false` in `tokenizer.json`).
    public var usesPattern: Bool

    public init(individualDigits: Bool = false, usesPattern: Bool = true) {
        self.individualDigits = individualDigits
        self.usesPattern = usesPattern
    }

    /// The GPT-2 rules, nothing else.
    public static let gpt2 = PreTokenizer()

    /// The chunks of `text`; concatenated they give back `text` exactly.
    public func split(_ text: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        var pieces: [Range<Int>] = []
        if individualDigits {
            // Digits become chunks of their own; the runs between them go through the pattern.
            var start = 0
            for i in scalars.indices where Self.isNumber(scalars[i]) {
                if start < i { pieces += matches(scalars, start..<i) }
                pieces.append(i..<(i + 1))
                start = i + 1
            }
            if start < scalars.count { pieces += matches(scalars, start..<scalars.count) }
        } else {
            pieces = matches(scalars, 0..<scalars.count)
        }
        return pieces.map { range in
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[range])
            return String(view)
        }
    }

    /// The pattern's matches inside `bounds`, which together tile `bounds`.
    func matches(_ s: [Unicode.Scalar], _ bounds: Range<Int>) -> [Range<Int>] {
        guard usesPattern else { return bounds.isEmpty ? [] : [bounds] }
        var result: [Range<Int>] = []
        var i = bounds.lowerBound
        let end = bounds.upperBound
        while i < end {
            let length = matchLength(s, at: i, end: end)
            result.append(i..<(i + length))
            i += length
        }
        return result
    }

    /// Length of the match starting at `i`; always at least 1.
    func matchLength(_ s: [Unicode.Scalar], at i: Int, end: Int) -> Int {
        // 1. Contractions.
        if s[i] == "'" {
            for suffix in PreTokenizer.contractions {
                let stop = i + 1 + suffix.count
                if stop <= end && Array(s[(i + 1)..<stop]) == suffix { return stop - i }
            }
        }
        // 2–4. Optional space, then a run of one class.
        let hasSpace = s[i] == " " && i + 1 < end
        let first = hasSpace ? i + 1 : i
        for isClass in [Self.isLetter, Self.isNumber, Self.isOther] where isClass(s[first]) {
            var j = first + 1
            while j < end && isClass(s[j]) { j += 1 }
            return j - i
        }
        // 5–6. Whitespace.
        var j = i
        while j < end && Self.isSpace(s[j]) { j += 1 }
        let run = j - i
        if run == 0 { return 1 }  // Unreachable: every scalar is space, letter, number or other.
        if j == end || run == 1 { return run }  // Rule 5 takes all at the end; rule 6 the lone space.
        return run - 1  // Rule 5: leave the last space for the word that follows.
    }

    static let contractions: [[Unicode.Scalar]] = ["s", "t", "re", "ve", "m", "ll", "d"].map {
        Array($0.unicodeScalars)
    }

    /// `\s`: the Unicode White_Space property.
    static func isSpace(_ c: Unicode.Scalar) -> Bool { c.properties.isWhitespace }

    /// `\p{L}`: general category L (Lu, Ll, Lt, Lm, Lo).
    static func isLetter(_ c: Unicode.Scalar) -> Bool {
        switch c.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: true
        default: false
        }
    }

    /// `\p{N}`: general category N (Nd, Nl, No).
    static func isNumber(_ c: Unicode.Scalar) -> Bool {
        switch c.properties.generalCategory {
        case .decimalNumber, .letterNumber, .otherNumber: true
        default: false
        }
    }

    /// `[^\s\p{L}\p{N}]`.
    static func isOther(_ c: Unicode.Scalar) -> Bool { !isSpace(c) && !isLetter(c) && !isNumber(c) }
}
