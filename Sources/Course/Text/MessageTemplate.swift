/// Fills the message tables' templates (the terminal's and the grader's).
///
/// `{0}`, `{1}` … are replaced by the arguments, in whatever order the template names them, so a
/// translation can put them where its grammar wants. `{0|error|errors}` chooses the first word
/// when argument 0 is `1` and the second otherwise (Chinese has no plural and never needs it).
///
/// ```swift
/// MessageTemplate.fill("{0} {0|error|errors}", ["3"])   // "3 errors"
/// MessageTemplate.fill("第 {1} 題，共 {0} 題", ["9", "2"]) // "第 2 題，共 9 題"
/// ```
///
/// It lives here, in the course model, because both the terminal and the grader use it and the
/// grader (linked into the study group's server) must not depend on the terminal module.
public enum MessageTemplate {
    public static func fill(_ template: String, _ args: [String]) -> String {
        guard template.contains("{") else { return template }
        var out = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else { break }
            let inside = rest[rest.index(after: open)..<close]
            let parts = inside.split(separator: "|", omittingEmptySubsequences: false)
            if let index = Int(parts[0]), index >= 0, index < args.count {
                if parts.count == 3 {
                    out += args[index] == "1" ? parts[1] : parts[2]
                } else {
                    out += args[index]
                }
            } else {
                // Not a placeholder (or a missing argument): keep the text as it was written.
                out += rest[open...close]
            }
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }
}
