import Course

/// Turns heading text into the anchor a link can point at (`#how-attention-works`).
///
/// The rule is the course model's ``Slug/anchor(_:)`` (shared with `llmcourse lint`, so links
/// checked there resolve here): lower-case; letters of any script (Chinese stays), digits,
/// `-` and `_` kept; a space becomes `-`; other punctuation and symbols dropped. A repeated
/// slug on one page gets `-1`, `-2`, … appended, as GitHub does.
///
/// Usage:
/// ```swift
/// HeadingSlug.slug("Attention: Q, K & V")   // "attention-q-k--v"
/// HeadingSlug.slug("注意力機制（Attention）") // "注意力機制attention"
/// ```
public enum HeadingSlug {
    public static func slug(_ text: String) -> String {
        Slug.anchor(text)
    }
}
/// Hands out unique anchors within one page.
struct SlugAllocator {
    private var used: [String: Int] = [:]

    mutating func allocate(_ text: String) -> String {
        var base = HeadingSlug.slug(text)
        if base.isEmpty { base = "section" }
        guard let n = used[base] else {
            used[base] = 0
            return base
        }
        var k = n + 1
        while used["\(base)-\(k)"] != nil { k += 1 }
        used[base] = k
        used["\(base)-\(k)"] = 0
        return "\(base)-\(k)"
    }
}

extension SlugAllocator {
    /// The anchors a page rendered from `blocks` gives its headings, in document order — the
    /// renderer's own allocation, replayed without rendering. The language switch uses the other
    /// edition's list to land on the same section (see `languageTarget` in ``SiteScript``).
    static func anchors(of blocks: [Block]) -> [String] {
        var slugs = SlugAllocator()
        var out: [String] = []
        func walk(_ blocks: [Block]) {
            for b in blocks {
                switch b {
                case .heading(_, let content, _): out.append(slugs.allocate(PageRenderer.plain(content)))
                case .blockQuote(let children, _): walk(children)
                case .list(_, _, let items, _): items.forEach(walk)
                default: break
                }
            }
        }
        walk(blocks)
        return out
    }
}
