/// Heading anchors, computed the way Markdown renderers (GitHub, mdBook) compute them, so a
/// link `other/lesson.md#some-heading` works on any viewer as well as on our site.
///
/// Rule: lower-case; keep letters (any script, so CJK stays), digits, `-` and `_`; a space
/// becomes `-`; every other character (punctuation, symbols, emoji) is dropped. Repeated
/// headings in one file get `-1`, `-2`, … in order.
///
/// ```swift
/// Slug.anchor("Backpropagation, step by step") // "backpropagation-step-by-step"
/// Slug.anchor("反向傳播：一步一步")               // "反向傳播一步一步"
/// Slug.anchor("What is `softmax`?")             // "what-is-softmax"
/// ```
public enum Slug {
    public static func anchor(_ heading: String) -> String {
        var out = ""
        out.reserveCapacity(heading.utf8.count)
        for scalar in heading.lowercased().unicodeScalars {
            switch scalar.properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                 .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .connectorPunctuation:
                out.unicodeScalars.append(scalar)
            default:
                if scalar == " " { out.append("-") } else if scalar == "-" { out.append("-") }
            }
        }
        return out
    }

    /// Anchors for a file's headings in order, with renderers' de-duplication suffixes.
    public static func uniqueAnchors(_ headings: [String]) -> [String] {
        var used = Set<String>()
        var counters: [String: Int] = [:]
        return headings.map { heading in
            let base = anchor(heading)
            var candidate = base
            if used.contains(base) {
                var n = counters[base, default: 0]
                repeat {
                    n += 1
                    candidate = "\(base)-\(n)"
                } while used.contains(candidate)
                counters[base] = n
            }
            used.insert(candidate)
            return candidate
        }
    }

    /// An identifier made of ASCII lower-case letters, digits and single hyphens, as lesson
    /// ids and folder names are: `"Pre-training (at scale)"` → `"pre-training-at-scale"`.
    /// Returns `""` when the text has no ASCII letters or digits.
    public static func identifier(_ text: String) -> String {
        var out = ""
        var pendingHyphen = false
        for scalar in text.lowercased().unicodeScalars {
            let isWordChar = (scalar >= "a" && scalar <= "z") || (scalar >= "0" && scalar <= "9")
            if isWordChar {
                if pendingHyphen && !out.isEmpty { out.append("-") }
                pendingHyphen = false
                out.unicodeScalars.append(scalar)
            } else if scalar == "'" || scalar == "’" {
                continue
            } else {
                pendingHyphen = true
            }
        }
        return out
    }

    /// Whether `id` is a valid lesson or exercise id: `[a-z0-9]+(-[a-z0-9]+)*`.
    public static func isValidIdentifier(_ id: String) -> Bool {
        !id.isEmpty && identifier(id) == id
    }
}
