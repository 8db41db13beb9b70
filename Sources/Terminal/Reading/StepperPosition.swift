import Console
/// Where the lesson stepper is — which page, scrolled how far — and how each key moves it.
///
/// Kept apart from the terminal so the key map can be tested without one:
///
/// | key                     | effect                                                         |
/// |-------------------------|----------------------------------------------------------------|
/// | `n` `→` `l`             | next section                                                   |
/// | `p` `←` `h`             | previous section                                               |
/// | space, PgDn, `f`        | down one screen; at the bottom, on to the next section         |
/// | `b`, PgUp               | up one screen                                                  |
/// | `j` `↓` Enter / `k` `↑` | one line down / up                                             |
/// | `g` Home / `G` End      | top / bottom of the section                                    |
/// | `r`                     | run the section's demos                                        |
/// | `q` `Q` `ｑ` Esc         | quit                                                           |
public struct StepperPosition: Equatable, Sendable {
    public enum Action: Equatable, Sendable {
        case redraw, quit, runDemos
    }

    public private(set) var page: Int
    public private(set) var top = 0
    public let pageCount: Int

    public init(page: Int, pageCount: Int) {
        self.pageCount = max(pageCount, 1)
        self.page = min(max(page, 0), self.pageCount - 1)
    }

    public var isLastPage: Bool { page == pageCount - 1 }

    /// Keeps the scroll offset inside a page of `lines` lines shown `rows` at a time.
    public mutating func clamp(lines: Int, rows: Int) {
        top = min(max(top, 0), max(lines - rows, 0))
    }

    /// Applies a key to a page of `lines` lines shown `rows` at a time.
    public mutating func handle(_ key: RawTerminal.Key, lines: Int, rows: Int) -> Action {
        let maxTop = max(lines - rows, 0)
        switch key {
        case .character("q"), .character("Q"), .character("ｑ"), .escape:
            return .quit
        case .character("n"), .right, .character("l"):
            if page + 1 < pageCount { page += 1; top = 0 }
        case .character("p"), .left, .character("h"):
            if page > 0 { page -= 1; top = 0 }
        case .character(" "), .pageDown, .character("f"):
            if top < maxTop { top += max(rows - 1, 1) } else if page + 1 < pageCount { page += 1; top = 0 }
        case .character("b"), .pageUp:
            top -= max(rows - 1, 1)
        case .character("j"), .down, .enter:
            top += 1
        case .character("k"), .up:
            top -= 1
        case .character("g"), .home:
            top = 0
        case .character("G"), .end:
            top = maxTop
        case .character("r"), .character("R"):
            return .runDemos
        default:
            break
        }
        top = min(max(top, 0), maxTop)
        return .redraw
    }
}
