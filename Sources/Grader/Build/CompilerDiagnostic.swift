import Console

/// One compiler message (`path:line:column: error: message`) with the source lines the
/// compiler printed under it (the offending line and the caret).
public struct CompilerDiagnostic: Sendable, Equatable, Codable {
    public var file: String
    public var line: Int
    public var column: Int
    public var severity: String
    public var message: String
    /// The compiler's own excerpt (source line and caret), possibly empty.
    public var excerpt: String

    public var location: String { "\(file):\(line):\(column)" }

    /// Parses `swiftc -diagnostic-style llvm` output. Notes stay attached to the error before
    /// them; the generated `main.swift` is named as such.
    static func parse(_ output: String, generatedMain: String) -> [CompilerDiagnostic] {
        var diagnostics: [CompilerDiagnostic] = []
        for rawLine in output.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = String(rawLine)
            if let diagnostic = header(line, generatedMain: generatedMain) {
                diagnostics.append(diagnostic)
            } else if !diagnostics.isEmpty, !line.isEmpty {
                diagnostics[diagnostics.count - 1].excerpt += (diagnostics[diagnostics.count - 1].excerpt.isEmpty ? "" : "\n") + line
            } else if !line.isEmpty, line.contains("error:") {
                diagnostics.append(CompilerDiagnostic(file: "", line: 0, column: 0, severity: "error",
                                                      message: line.replacingOccurrences(of: "<unknown>:0: ", with: "")
                                                        .replacingOccurrences(of: "error: ", with: ""), excerpt: ""))
            }
        }
        return diagnostics.map { $0.withCaretFromColumn() }
    }

    /// The excerpt as the source line and a caret under the column, drawn here: the compiler
    /// leaves the caret out for lines with wide (CJK) characters, and counts columns in bytes.
    /// Tabs before the column stay tabs, so the caret lines up at any tab width, and a wide
    /// character takes two columns, as a terminal shows it.
    func withCaretFromColumn() -> CompilerDiagnostic {
        var lines = excerpt.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard column > 0, let source = lines.first, !source.isEmpty else { return self }
        var prefix: [UInt8] = Array(source.utf8.prefix(column - 1))
        // A column inside a multi-byte character points at that character.
        while !prefix.isEmpty, String(validatingUTF8: prefix.map { CChar(bitPattern: $0) } + [0]) == nil { prefix.removeLast() }
        let before = String(decoding: prefix, as: UTF8.self)
        let padding = before.map { $0 == "\t" ? "\t" : String(repeating: " ", count: Palette.columns(of: String($0))) }.joined()
        let rest = lines.count > 1 && lines[1].contains("^") ? Array(lines.dropFirst(2)) : Array(lines.dropFirst())
        lines = [source, padding + "^"] + rest
        var copy = self
        copy.excerpt = lines.joined(separator: "\n")
        return copy
    }

    /// `path:12:5: error: message` → a diagnostic; nil for other lines.
    private static func header(_ line: String, generatedMain: String) -> CompilerDiagnostic? {
        for severity in ["error", "warning", "note"] {
            guard let marker = line.range(of: ": \(severity): ") else { continue }
            let location = line[..<marker.lowerBound].split(separator: ":", omittingEmptySubsequences: false)
            guard location.count >= 3, let lineNumber = Int(location[location.count - 2]),
                  let column = Int(location[location.count - 1]) else { continue }
            var file = location.dropLast(2).joined(separator: ":")
            if file == generatedMain { file = "(generated main.swift)" }
            return CompilerDiagnostic(file: file, line: lineNumber, column: column, severity: severity,
                                      message: String(line[marker.upperBound...]), excerpt: "")
        }
        return nil
    }
}
