/// The look of a run of terminal text: weight, slant, color and an optional hyperlink.
///
/// Styles are plain values; ``ANSI`` turns a change from one style to the next into escape
/// codes, and nothing at all when color is off.
public struct TextStyle: Hashable, Sendable {
    public var bold = false
    public var italic = false
    public var underline = false
    public var dim = false
    public var inverse = false
    public var foreground: ANSIColor?
    /// Target of an OSC 8 hyperlink, when the text is a link and the terminal supports them.
    public var link: String?

    public init(bold: Bool = false, italic: Bool = false, underline: Bool = false, dim: Bool = false,
                inverse: Bool = false, foreground: ANSIColor? = nil, link: String? = nil) {
        self.bold = bold
        self.italic = italic
        self.underline = underline
        self.dim = dim
        self.inverse = inverse
        self.foreground = foreground
        self.link = link
    }

    public static let plain = TextStyle()

    /// This style with another laid over it (set attributes win; a color replaces a color).
    public func merged(with other: TextStyle) -> TextStyle {
        var s = self
        s.bold = s.bold || other.bold
        s.italic = s.italic || other.italic
        s.underline = s.underline || other.underline
        s.dim = s.dim || other.dim
        s.inverse = s.inverse || other.inverse
        if let c = other.foreground { s.foreground = c }
        if let l = other.link { s.link = l }
        return s
    }

    /// The same style without its hyperlink (the SGR part only).
    public var withoutLink: TextStyle {
        var s = self
        s.link = nil
        return s
    }
}

/// The 16 standard terminal colours: every terminal has them and the user's theme picks the
/// exact shade, so text stays readable on light and dark backgrounds alike.
public enum ANSIColor: Int, Hashable, Sendable {
    case black = 30, red, green, yellow, blue, magenta, cyan, white
    case brightBlack = 90, brightRed, brightGreen, brightYellow, brightBlue, brightMagenta, brightCyan, brightWhite
}

/// A piece of text with one style.
public struct StyledRun: Hashable, Sendable {
    public var text: String
    public var style: TextStyle

    public init(_ text: String, _ style: TextStyle = .plain) {
        self.text = text
        self.style = style
    }
}
