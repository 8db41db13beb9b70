/// Escape sequences for styled terminal output: SGR (color, bold …) and OSC 8 hyperlinks.
///
/// Every rendered line is self-contained: it opens the styles it needs and resets them at its
/// end, so lines can be prefixed (quote bars, list indents), reordered or paged without a
/// color bleeding from one line into the next.
public enum ANSI {
    public static let reset = "\u{1B}[0m"

    /// SGR parameters for a style, e.g. `1;3;36` for bold italic cyan.
    public static func sgr(_ style: TextStyle) -> String {
        var codes: [String] = []
        if style.bold { codes.append("1") }
        if style.dim { codes.append("2") }
        if style.italic { codes.append("3") }
        if style.underline { codes.append("4") }
        if style.inverse { codes.append("7") }
        if let c = style.foreground { codes.append(String(c.rawValue)) }
        return codes.isEmpty ? "" : "\u{1B}[" + codes.joined(separator: ";") + "m"
    }

    /// OSC 8 start of a hyperlink (ST-terminated with ESC \).
    public static func linkStart(_ url: String) -> String { "\u{1B}]8;;\(url)\u{1B}\\" }
    public static let linkEnd = "\u{1B}]8;;\u{1B}\\"

    /// Encodes styled runs into one line of output. With `color` false the result is the bare
    /// text; with `hyperlinks` false link targets are ignored here (the renderer prints the URL).
    public static func encode(_ runs: [StyledRun], color: Bool, hyperlinks: Bool) -> String {
        guard color || hyperlinks else { return runs.map(\.text).joined() }
        var out = ""
        var currentStyle = TextStyle.plain
        var currentLink: String? = nil
        for run in runs where !run.text.isEmpty {
            let link = hyperlinks ? run.style.link : nil
            if link != currentLink {
                if currentLink != nil { out += linkEnd }
                if let l = link { out += linkStart(l) }
                currentLink = link
            }
            if color {
                let s = run.style.withoutLink
                if s != currentStyle {
                    if currentStyle != .plain { out += reset }
                    out += sgr(s)
                    currentStyle = s
                }
            }
            out += run.text
        }
        if currentLink != nil { out += linkEnd }
        if currentStyle != .plain { out += reset }
        return out
    }

    /// Removes escape sequences (CSI and OSC) from text: used to keep model or demo output from
    /// driving the terminal, and by tests to compare visible text.
    public static func strip(_ text: String) -> String {
        var out = ""
        var it = text.unicodeScalars.makeIterator()
        while let c = it.next() {
            guard c == "\u{1B}" else { out.unicodeScalars.append(c); continue }
            guard let kind = it.next() else { break }
            if kind == "[" {
                while let n = it.next(), !(0x40...0x7E).contains(n.value) {}
            } else if kind == "]" {
                // OSC runs until BEL or ESC \.
                while let n = it.next() {
                    if n == "\u{07}" { break }
                    if n == "\u{1B}" { _ = it.next(); break }
                }
            }
        }
        return out
    }
}
