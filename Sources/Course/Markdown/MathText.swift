import Foundation

/// `$…$` math as plain text: found inside text and lightly prettified into Unicode, for the
/// places that cannot typeset TeX — the terminal, and the site's search excerpts and index.
///
/// They show the source with the most common commands
/// replaced by the symbols they stand for: `\alpha` → α, `\sum` → Σ, `\cdot` → ·,
/// `x^2` → x², `\frac{a}{b}` → a/b (parts that are not one symbol, number or call get
/// parentheses), `p\,\theta` → p θ. Anything unknown stays as written, which keeps it legible.
///
/// Usage:
/// ```swift
/// MathText.prettify(#"\sigma(x) = \frac{1}{1 + e^{-x}}"#)  // "σ(x) = 1/(1 + e^(-x))"
/// MathText.prettify(#"\frac{f(x+h) - f(x-h)}{2h}"#)        // "(f(x+h) - f(x-h))/(2h)"
/// ```
public enum MathText {
    /// Splits text into alternating plain and math pieces. `$$` and `$` both delimit math; a
    /// `$` with no partner (a price, a shell variable) is left as plain text.
    public static func split(_ text: String) -> [(String, Bool)] {
        let bytes = Array(text.utf8)
        let dollar = UInt8(ascii: "$")
        var pieces: [(String, Bool)] = []
        var plainStart = 0
        var i = 0
        while i < bytes.count {
            guard bytes[i] == dollar else { i += 1; continue }
            let delimiter = i + 1 < bytes.count && bytes[i + 1] == dollar ? 2 : 1
            let bodyStart = i + delimiter
            // Find the matching closing delimiter of the same length.
            var j = bodyStart
            var close: Int? = nil
            while j + delimiter <= bytes.count {
                if bytes[j] == dollar && (delimiter == 1 || bytes[j + 1] == dollar) { close = j; break }
                j += 1
            }
            guard let end = close, end > bodyStart else { break }
            if i > plainStart { pieces.append((String(decoding: bytes[plainStart..<i], as: UTF8.self), false)) }
            pieces.append((String(decoding: bytes[bodyStart..<end], as: UTF8.self), true))
            i = end + delimiter
            plainStart = i
        }
        if plainStart < bytes.count { pieces.append((String(decoding: bytes[plainStart...], as: UTF8.self), false)) }
        return pieces
    }

    /// Whether math is open after `text`, given whether it was open before (`$$` counts once).
    public static func togglesMath(_ text: String, startingIn open: Bool) -> Bool {
        var open = open
        var bytes = text.utf8.makeIterator()
        var pendingDollar = false
        while let b = bytes.next() {
            if b == 36 {
                if pendingDollar { pendingDollar = false } else { pendingDollar = true; open.toggle() }
            } else {
                pendingDollar = false
            }
        }
        return open
    }

    private static let symbols: [String: String] = [
        "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ε", "varepsilon": "ε",
        "eta": "η", "theta": "θ", "lambda": "λ", "mu": "μ", "pi": "π", "rho": "ρ", "sigma": "σ",
        "tau": "τ", "phi": "φ", "varphi": "φ", "omega": "ω", "Delta": "Δ", "Sigma": "Σ", "Omega": "Ω",
        "sum": "Σ", "prod": "Π", "cdot": "·", "times": "×", "le": "≤", "leq": "≤", "ge": "≥",
        "geq": "≥", "neq": "≠", "ne": "≠", "approx": "≈", "infty": "∞", "to": "→", "rightarrow": "→",
        "leftarrow": "←", "gets": "←", "partial": "∂", "nabla": "∇", "in": "∈", "sqrt": "√",
        "odot": "⊙", "otimes": "⊗", "pm": "±", "ldots": "…", "cdots": "⋯", "mid": "|", "top": "ᵀ",
        "log": "log", "exp": "exp", "ln": "ln", "cos": "cos", "sin": "sin", "tanh": "tanh", "det": "det", "max": "max", "min": "min", "arg": "arg", "quad": "  ", "qquad": "    ",
        "dots": "…", "sim": "∼", "propto": "∝", "forall": "∀", "exists": "∃", "cup": "∪", "cap": "∩",
        "subset": "⊂", "mathbb": "", "hat": "", "tilde": "", "bar": "", "xi": "ξ", "zeta": "ζ", "kappa": "κ",
        "nu": "ν", "chi": "χ", "psi": "ψ", "Pi": "Π", "Theta": "Θ", "Lambda": "Λ", "Phi": "Φ", "Psi": "Ψ", "mathbf": "", "mathrm": "", "text": "", "operatorname": "",
    ]

    private static let superscripts: [Character: Character] = [
        "0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵", "6": "⁶", "7": "⁷", "8": "⁸",
        "9": "⁹", "T": "ᵀ", "n": "ⁿ", "i": "ⁱ", "-": "⁻", "+": "⁺",
    ]

    public static func prettify(_ tex: String) -> String {
        raw(tex).replacingOccurrences(of: "^ᵀ", with: "ᵀ")
    }

    /// Commands that set a fraction: `\frac`, and its text-size and display-size forms.
    private static let fractions: Set<String> = ["frac", "tfrac", "dfrac", "cfrac"]
    /// Operators written as words; a fraction right after one is its argument: `\ln \frac{N}{d}` → ln(N/d).
    private static let wordOperators: Set<String> = ["log", "exp", "ln", "cos", "sin", "tanh", "det", "max", "min", "arg"]
    /// TeX spacing commands: `\,` `\:` `\;` `\>` add a little space, `\!` takes a little away.
    private static let spacing: [String: String] = [",": " ", ":": " ", ";": " ", ">": " ", "!": "", " ": " "]

    private static func raw(_ tex: String) -> String {
        var out = ""
        let chars = Array(tex)
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == "\\", i + 1 < chars.count {
                var j = i + 1
                while j < chars.count, chars[j].isLetter { j += 1 }
                if j == i + 1 { j += 1 }  // one-symbol command such as `\,` or `\{`
                let name = String(chars[(i + 1)..<j])
                if fractions.contains(name), let (num, afterNum) = argument(chars, j), let (den, afterDen) = argument(chars, afterNum) {
                    var fraction = operand(raw(num)) + "/" + operand(raw(den))
                    // Before a parenthesis the fraction is a factor: `\tfrac12(1 + x)` → (1/2)(1 + x),
                    // which "1/2(1 + x)" would not say.
                    var next = afterDen
                    while next < chars.count, chars[next] == " " { next += 1 }
                    let rest = String(chars[next..<min(next + 5, chars.count)])
                    if rest.hasPrefix("(") || rest.hasPrefix("[") || rest.hasPrefix("\\left") || rest.hasPrefix("\\big") || rest.hasPrefix("\\Big") {
                        fraction = "(" + fraction + ")"
                    }
                    // After a word operator the fraction is its argument, so it gets the parentheses
                    // a reader expects: `\ln \frac{N}{df(t)}` → ln(N/df(t)), not "ln N/df(t)".
                    let trimmed = String(out.reversed().drop(while: { $0 == " " }).reversed())
                    if let op = wordOperators.first(where: { trimmed.hasSuffix($0) }),
                       !(trimmed.dropLast(op.count).last?.isLetter ?? false) {
                        out = trimmed + "(" + fraction + ")"
                    } else {
                        out += fraction
                    }
                    i = afterDen
                    continue
                }
                if name == "sqrt", let (body, after) = argument(chars, j) {
                    out += "√" + operand(raw(body))
                    i = after
                    continue
                }
                if let gap = spacing[name] {
                    out += gap
                    i = j
                    continue
                }
                if let accent = ["hat": "\u{302}", "tilde": "\u{303}", "bar": "\u{304}"][name], let (body, after) = group(chars, j) {
                    let inner = raw(body)
                    out += inner.count == 1 ? inner + accent : inner  // \hat{y} → ŷ
                    i = after
                    continue
                }
                if sizedDelimiters.contains(name) {
                    // `\left(` … `\right)` are plain parentheses in a terminal; `\left.` is an invisible one.
                    // TeX ignores the spaces inside the pair, so `\left( x \right)` shows as (x).
                    let closing = name == "right" || name.hasSuffix("r")
                    let opening = name == "left" || name.hasSuffix("l")
                    if closing { while out.last == " " { out.removeLast() } }
                    i = j
                    while i < chars.count, chars[i] == " " { i += 1 }
                    if i < chars.count, chars[i] == "." {
                        i += 1
                    } else if i < chars.count, chars[i] == "\\", i + 1 < chars.count, !chars[i + 1].isLetter {
                        out.append(chars[i + 1])  // `\left\{` is a brace
                        i += 2
                    } else if i < chars.count {
                        out.append(chars[i])
                        i += 1
                    }
                    if opening { while i < chars.count, chars[i] == " " { i += 1 } }
                    continue
                }
                if symbols[name] == "", let (body, after) = group(chars, j) {
                    out += raw(body)  // `\text{loss}` → `loss`
                    i = after
                    continue
                }
                // TeX sets a thin space before an operator name: `q(y)\min(…)` → q(y) min(…).
                if wordOperators.contains(name), let last = out.last, last.isLetter || last.isNumber || last == ")" { out += " " }
                out += symbols[name] ?? (["{", "}", "|", "%", "#", "_", "&", "$"].contains(name) ? name : "\\" + name)
                i = j
                // `\partial L` reads better as ∂L, as TeX sets it.
                if name == "partial" || name == "nabla" { while i < chars.count, chars[i] == " " { i += 1 } }
            } else if c == "^", i + 1 < chars.count, let sup = superscripts[chars[i + 1]] {
                out.append(sup)
                i += 2
            } else if c == "^" || c == "_", let (body, after) = group(chars, i + 1) {
                // `x^{-1}` → x⁻¹ when every character has a superscript form; `A_{ij}` → A_ij.
                let inner = raw(body)
                if c == "^", inner.allSatisfy({ superscripts[$0] != nil || $0 == "ᵀ" }) {
                    out += String(inner.map { superscripts[$0] ?? $0 })
                } else {
                    // A script is bracketed unless it is a plain name or number: `e^(x_i)`, not `e^x_i`.
                    out += String(c) + (inner.count <= 1 || inner.allSatisfy({ $0.isLetter || $0.isNumber }) ? inner : "(" + inner + ")")
                }
                i = after
            } else {
                out.append(c)
                i += 1
            }
        }
        return out
    }

    private static let sizedDelimiters: Set<String> = [
        "left", "right", "big", "Big", "bigg", "Bigg", "bigl", "bigr", "Bigl", "Bigr", "biggl", "biggr", "Biggl", "Biggr", "middle",
    ]

    /// A command's argument at `start`: a `{…}` group, or TeX's one-token form (`\tfrac12` takes
    /// "1" then "2"; `\frac\alpha2` takes `\alpha`). Spaces before it are skipped.
    private static func argument(_ chars: [Character], _ start: Int) -> (String, Int)? {
        var k = start
        while k < chars.count, chars[k] == " " { k += 1 }
        guard k < chars.count else { return nil }
        if chars[k] == "{" { return group(chars, k) }
        if chars[k] == "\\" {
            var e = k + 1
            while e < chars.count, chars[e].isLetter { e += 1 }
            guard e > k + 1 else { return nil }
            return (String(chars[k..<e]), e)
        }
        guard chars[k] != "}" else { return nil }
        return (String(chars[k]), k + 1)
    }

    /// A fraction's part, a root's radicand or a sub/superscript, in parentheses unless it already
    /// reads as one thing: `2h` → (2h) so that `/2h` is not misread as `/2·h`, while `x`, `12`,
    /// `d_k`, `θ²` and `df(t)` stay bare.
    static func operand(_ s: String) -> String {
        isAtom(s) ? s : "(" + s + ")"
    }

    private static func isAtom(_ s: String) -> Bool {
        if s.count <= 1 { return true }
        if s.allSatisfy({ $0.isNumber || $0 == "." }) { return true }
        var body = Substring(s)
        if body.first == "(", balanced(body) { return true }  // already in parentheses
        if body.first == "√" { return isAtom(String(body.dropFirst())) }
        // A function applied to parenthesised arguments (`df(t)`, `f(x + h)`) is one thing.
        if body.last == ")", let open = body.firstIndex(of: "("), open > body.startIndex,
           balanced(body[open...]) {
            body = body[..<open]
        }
        // |d| (a size or norm) is one thing when what it holds is.
        if body.count > 2, body.first == "|", body.last == "|" { return isAtom(String(body.dropFirst().dropLast())) }
        // ∂L and ∇f are one symbol each, as d and x are.
        if body.first == "∂" || body.first == "∇" { body = body.dropFirst() }
        guard let first = body.first, first.isLetter else { return false }
        let identifier = body.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "^" || $0 == "'" || $0 == "′" || superscripts.values.contains($0) || $0 == "ᵀ" }
        return identifier
    }

    /// True when `s` is one parenthesised group: it opens at the start and closes only at the end.
    private static func balanced(_ s: Substring) -> Bool {
        var depth = 0
        for (k, ch) in zip(s.indices, s) {
            if ch == "(" { depth += 1 }
            if ch == ")" { depth -= 1; if depth == 0 && k != s.index(before: s.endIndex) { return false } }
        }
        return depth == 0
    }

    /// A `{…}` group starting at `start` (nested braces allowed): its body and the index after it.
    private static func group(_ chars: [Character], _ start: Int) -> (String, Int)? {
        guard start < chars.count, chars[start] == "{" else { return nil }
        var depth = 0
        for k in start..<chars.count {
            if chars[k] == "{" { depth += 1 }
            if chars[k] == "}" { depth -= 1; if depth == 0 { return (String(chars[(start + 1)..<k]), k + 1) } }
        }
        return nil
    }

}
