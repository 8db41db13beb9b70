import Course

/// TeX turned into readable text for places that cannot typeset it: search previews and the
/// search index. `\text{round}(127 \cdot w / s)` becomes `round(127 · w / s)`, `\frac{a}{b}`
/// becomes `(a)/(b)`, Greek letters and common operators become their Unicode characters.
///
/// Not a TeX parser: commands it does not know lose their backslash (`\operatorname` →
/// nothing, `\softmax` → `softmax`), braces vanish, and `^`/`_` stay as written unless a single
/// digit or sign follows (then a superscript/subscript character). Good enough to read a formula
/// in a one-line excerpt; the lesson page still shows it typeset.
enum TeXText {
    static func readable(_ tex: String) -> String {
        var out = ""
        var chars = Array(tex)[...]
        while let c = chars.first {
            chars = chars.dropFirst()
            switch c {
            case "\\":
                let name = String(chars.prefix { $0.isLetter })
                if name.isEmpty {
                    // `\,` `\;` `\!` `\ ` are spacing; `\{` `\}` `\%` … are the character itself.
                    guard let next = chars.first else { break }
                    chars = chars.dropFirst()
                    out += ",;: !".contains(next) ? (next == "!" ? "" : " ") : String(next)
                    continue
                }
                chars = chars.dropFirst(name.count)
                if name == "frac" || name == "dfrac" || name == "tfrac" {
                    let (num, rest) = group(chars)
                    let (den, rest2) = group(rest)
                    chars = rest2
                    out += wrap(readable(num)) + "/" + wrap(readable(den))
                } else if name == "sqrt" {
                    let (arg, rest) = group(chars)
                    chars = rest
                    out += "√" + wrap(readable(arg))
                } else if let symbol = symbols[name] {
                    out += symbol
                } else if !dropped.contains(name) {
                    out += name
                }
            case "^", "_":
                let (arg, rest) = group(chars)
                chars = rest
                let text = readable(arg)
                let table = c == "^" ? superscripts : subscripts
                if text.count == 1, let small = table[text.first!] { out += String(small) }
                else if c == "^" && text == "⊤" { out += "ᵀ" }
                else { out += String(c) + wrap(text) }
            case "{", "}", "&":
                continue
            case "~":
                out += " "
            default:
                out.append(c)
            }
        }
        // Collapse the spaces TeX ignores but a plain string keeps.
        return out.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).joined(separator: " ")
    }

    /// The next argument: a `{…}` group (without braces) or a single character.
    private static func group(_ s: ArraySlice<Character>) -> (String, ArraySlice<Character>) {
        var s = s.drop { $0 == " " }
        guard let first = s.first else { return ("", s) }
        guard first == "{" else {
            if first == "\\" {
                let name = s.dropFirst().prefix { $0.isLetter }
                let n = max(name.count, 1)
                return (String(s.prefix(1 + n)), s.dropFirst(1 + n))
            }
            return (String(first), s.dropFirst())
        }
        var depth = 0
        var inner = ""
        while let c = s.first {
            s = s.dropFirst()
            if c == "{" { depth += 1; if depth == 1 { continue } }
            if c == "}" { depth -= 1; if depth == 0 { break } }
            inner.append(c)
        }
        return (inner, s)
    }

    private static func wrap(_ s: String) -> String {
        s.count <= 1 || s.allSatisfy({ $0.isLetter || $0.isNumber }) ? s : "(\(s))"
    }

    static let dropped: Set<String> = [
        "text", "mathrm", "mathbf", "mathit", "mathsf", "mathtt", "mathcal", "mathbb", "boldsymbol", "operatorname",
        "left", "right", "big", "Big", "bigg", "Bigg", "displaystyle", "textstyle", "hat", "tilde", "bar", "vec",
        "overline", "underbrace", "begin", "end", "limits",
    ]

    static let symbols: [String: String] = [
        "cdot": "·", "times": "×", "div": "÷", "pm": "±", "le": "≤", "leq": "≤", "ge": "≥", "geq": "≥",
        "ne": "≠", "neq": "≠", "approx": "≈", "sim": "~", "propto": "∝", "equiv": "≡", "infty": "∞",
        "to": "→", "rightarrow": "→", "leftarrow": "←", "Rightarrow": "⇒", "mapsto": "↦", "in": "∈",
        "notin": "∉", "subset": "⊂", "cup": "∪", "cap": "∩", "sum": "Σ", "prod": "Π", "int": "∫",
        "partial": "∂", "nabla": "∇", "top": "⊤", "ldots": "…", "cdots": "⋯", "dots": "…", "quad": " ",
        "qquad": " ", "lfloor": "⌊", "rfloor": "⌋", "lceil": "⌈", "rceil": "⌉", "langle": "⟨", "rangle": "⟩",
        "odot": "⊙", "oplus": "⊕", "circ": "∘", "mid": "|", "lvert": "|", "rvert": "|", "Vert": "‖", "|": "‖",
        "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ε", "varepsilon": "ε", "zeta": "ζ",
        "eta": "η", "theta": "θ", "iota": "ι", "kappa": "κ", "lambda": "λ", "mu": "μ", "nu": "ν", "xi": "ξ",
        "pi": "π", "rho": "ρ", "sigma": "σ", "tau": "τ", "phi": "φ", "varphi": "φ", "chi": "χ", "psi": "ψ",
        "omega": "ω", "Gamma": "Γ", "Delta": "Δ", "Theta": "Θ", "Lambda": "Λ", "Pi": "Π", "Sigma": "Σ",
        "Phi": "Φ", "Psi": "Ψ", "Omega": "Ω",
    ]

    static let superscripts: [Character: Character] = [
        "0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵", "6": "⁶", "7": "⁷", "8": "⁸", "9": "⁹",
        "+": "⁺", "-": "⁻", "n": "ⁿ", "i": "ⁱ", "T": "ᵀ", "⊤": "ᵀ",
    ]

    static let subscripts: [Character: Character] = [
        "0": "₀", "1": "₁", "2": "₂", "3": "₃", "4": "₄", "5": "₅", "6": "₆", "7": "₇", "8": "₈", "9": "₉",
        "i": "ᵢ", "j": "ⱼ", "t": "ₜ", "k": "ₖ", "n": "ₙ",
    ]
}

extension Array where Element == Inline {
    /// Plain text with formulas as ``TeXText/readable(_:)`` text: what search shows and indexes.
    var readableText: String {
        var out = ""
        for inline in self {
            switch inline {
            case .text(let s), .code(let s): out += s
            case .softBreak, .lineBreak: out += " "
            case .html: break
            case .emphasis(let c), .strong(let c), .link(_, _, let c, _): out += c.readableText
            case .image(_, _, let alt, _): out += alt.readableText
            case .math(let tex, _): out += TeXText.readable(tex)
            }
        }
        return out
    }
}
