import Console
/// Small text helpers the renderer and the views share, all measured in display columns
/// where width matters.
extension StringProtocol {
    /// The text without leading and trailing spaces, tabs and newlines.
    var trimmedWhitespace: String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s = s.dropFirst() }
        while let l = s.last, l.isWhitespace { s = s.dropLast() }
        return String(s)
    }
}

extension String {
    /// The string followed by spaces up to `width` display columns (for aligned columns that
    /// mix English and Chinese).
    func padding(_ width: Int) -> String {
        self + String(repeating: " ", count: max(width - DisplayWidth.of(self), 0))
    }

    /// Tabs expanded to four spaces (terminals disagree on tab stops; code must line up).
    func replacingTabs() -> String {
        contains("\t") ? split(separator: "\t", omittingEmptySubsequences: false).joined(separator: "    ") : self
    }
}
