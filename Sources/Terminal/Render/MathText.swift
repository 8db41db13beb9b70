import Foundation

/// `$…$` math in a terminal: found inside text and lightly prettified into Unicode.
///
/// The terminal cannot typeset TeX, so it shows the source with the most common commands
/// replaced by the symbols they stand for: `\alpha` → α, `\sum` → Σ, `\cdot` → ·,
/// `x^2` → x², `\frac{a}{b}` → a/b. Anything unknown stays as written, which keeps it legible.
///
/// Usage:
/// ```swift
/// MathText.prettify(#"\sigma(x) = \frac{1}{1 + e^{-x}}"#)  // "σ(x) = 1/(1 + e^{-x})"
/// ```
enum MathText {
    /// Splits text into alternating plain and math pieces. `$$` and `$` both delimit math; a
    /// `$` with no partner (a price, a shell variable) is left as plain text.
    static func split(_ text: String) -> [(String, Bool)] {
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
    static func togglesMath(_ text: String, startingIn open: Bool) -> Bool {
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
        "log": "log", "exp": "exp", "ln": "ln", "cos": "cos", "sin": "sin", "tanh": "tanh", "det": "det", "max": "max", "min": "min", "arg": "arg", "quad": "  ", ",": " ",
        "left": "", "right": "", "Big": "", "big": "", "Bigl": "", "Bigr": "", "bigl": "", "bigr": "",
        "dots": "…", "sim": "∼", "propto": "∝", "forall": "∀", "exists": "∃", "cup": "∪", "cap": "∩",
        "subset": "⊂", "mathbb": "", "hat": "", "tilde": "", "bar": "", "xi": "ξ", "zeta": "ζ", "kappa": "κ",
        "nu": "ν", "chi": "χ", "psi": "ψ", "Pi": "Π", "Theta": "Θ", "Lambda": "Λ", "Phi": "Φ", "Psi": "Ψ", "mathbf": "", "mathrm": "", "text": "", "operatorname": "",
    ]

    private static let superscripts: [Character: Character] = [
        "0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵", "6": "⁶", "7": "⁷", "8": "⁸",
        "9": "⁹", "T": "ᵀ", "n": "ⁿ", "i": "ⁱ", "-": "⁻", "+": "⁺",
    ]

    static func prettify(_ tex: String) -> String {
        raw(tex).replacingOccurrences(of: "^ᵀ", with: "ᵀ")
    }

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
                if name == "frac", let (num, afterNum) = group(chars, j), let (den, afterDen) = group(chars, afterNum) {
                    out += wrapIfLong(raw(num)) + "/" + wrapIfLong(raw(den))
                    i = afterDen
                    continue
                }
                if name == "sqrt", let (body, after) = group(chars, j) {
                    out += "√" + wrapIfLong(raw(body))
                    i = after
                    continue
                }
                if let accent = ["hat": "\u{302}", "tilde": "\u{303}", "bar": "\u{304}"][name], let (body, after) = group(chars, j) {
                    let inner = raw(body)
                    out += inner.count == 1 ? inner + accent : inner  // \hat{y} → ŷ
                    i = after
                    continue
                }
                if symbols[name] == "", let (body, after) = group(chars, j) {
                    out += raw(body)  // `\text{loss}` → `loss`
                    i = after
                    continue
                }
                out += symbols[name] ?? (name == "{" || name == "}" ? name : "\\" + name)
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
                    out += String(c) + wrapIfLong(inner)
                }
                i = after
            } else {
                out.append(c)
                i += 1
            }
        }
        return out
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

    private static func wrapIfLong(_ s: String) -> String {
        s.count <= 1 || s.allSatisfy({ $0.isLetter || $0.isNumber }) ? s : "(" + s + ")"
    }
}
