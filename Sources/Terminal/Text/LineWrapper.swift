import Console
/// One laid-out line: its styled runs and the columns they take.
public struct WrappedLine: Hashable, Sendable {
    public var runs: [StyledRun]
    public var width: Int

    public init(runs: [StyledRun], width: Int) {
        self.runs = runs
        self.width = width
    }

    public static let empty = WrappedLine(runs: [], width: 0)

    public var text: String { runs.map(\.text).joined() }
}

/// Greedy line filling for styled text that mixes Latin and CJK scripts.
///
/// The text is cut into unbreakable *units* (a Latin word; a single ideograph together with
/// any closing punctuation that must follow it), each remembering whether a space preceded it.
/// Units are then packed onto lines of at most `width` columns, measured with
/// ``DisplayWidth``. A unit wider than a whole line is split between characters.
///
/// Usage:
/// ```swift
/// let lines = LineWrapper.wrap([StyledRun("注意力機制讓模型，看見上下文。")], width: 10)
/// // ["注意力機制", "讓模型，看", "見上下文。"]  (the comma never starts a line)
/// ```
public enum LineWrapper {
    /// Marks a soft line break from the Markdown source: it becomes a space between Latin
    /// words and disappears between two ideographs.
    public static let softBreak: Character = "\u{1}"

    private struct Cell {
        var ch: Character
        var width: Int
        var run: Int
    }

    private struct Unit {
        var start: Int
        var end: Int
        var width: Int
        var spaceBefore: Bool
        var hardBreakBefore: Bool
    }

    /// A line that fits is kept exactly as given (indentation and aligned spaces survive);
    /// only a line that is too long is wrapped.
    public static func wrapKeepingSpaces(_ runs: [StyledRun], width: Int) -> [WrappedLine] {
        let total = runs.reduce(0) { $0 + DisplayWidth.of($1.text) }
        if total <= width && !runs.contains(where: { $0.text.contains("\n") }) {
            return [WrappedLine(runs: runs, width: total)]
        }
        return wrap(runs, width: width)
    }

    public static func wrap(_ runs: [StyledRun], width rawWidth: Int) -> [WrappedLine] {
        let width = max(rawWidth, 1)
        var cells: [Cell] = []
        var units: [Unit] = []
        tokenize(runs, cells: &cells, units: &units)
        if units.isEmpty { return [.empty] }

        var lines: [WrappedLine] = []
        var current: [(cell: Int, isSpace: Bool)] = []
        var currentWidth = 0

        func flush() {
            lines.append(makeLine(current, cells: cells, runs: runs, width: currentWidth))
            current.removeAll(keepingCapacity: true)
            currentWidth = 0
        }

        for unit in units {
            if unit.hardBreakBefore { flush() }
            let gap = (currentWidth > 0 && unit.spaceBefore) ? 1 : 0
            if currentWidth + gap + unit.width <= width {
                if gap == 1 { current.append((unit.start, true)); currentWidth += 1 }
                for i in unit.start..<unit.end { current.append((i, false)) }
                currentWidth += unit.width
                continue
            }
            if currentWidth > 0 { flush() }
            // The unit starts a fresh line; split it between characters if it still overflows.
            for i in unit.start..<unit.end {
                let w = cells[i].width
                if currentWidth + w > width && currentWidth > 0 { flush() }
                current.append((i, false))
                currentWidth += w
            }
        }
        flush()
        return lines
    }

    /// The width of the widest piece ``wrap(_:width:)`` never breaks (a Latin word, an
    /// ideograph with the punctuation that must stay with it): the narrowest the text can be
    /// laid out without cutting inside a word.
    static func longestUnbreakableWidth(_ runs: [StyledRun]) -> Int {
        var cells: [Cell] = []
        var units: [Unit] = []
        tokenize(runs, cells: &cells, units: &units)
        return units.map(\.width).max() ?? 0
    }

    /// Splits runs into cells and unbreakable units, resolving soft breaks and break rules.
    private static func tokenize(_ runs: [StyledRun], cells: inout [Cell], units: inout [Unit]) {
        var pendingSpace = false, pendingHard = false, pendingSoft = false
        var unitStart = 0, unitWidth = 0, unitSpace = false, unitHard = false

        func closeUnit() {
            if cells.count > unitStart {
                units.append(Unit(start: unitStart, end: cells.count, width: unitWidth,
                                  spaceBefore: unitSpace, hardBreakBefore: unitHard))
            }
            unitStart = cells.count
            unitWidth = 0
        }

        var previousTraits = BreakRules.Traits()
        for (r, run) in runs.enumerated() {
            for ch in run.text {
                let ascii = ch.asciiValue
                if let a = ascii {
                    switch a {
                    case 0x0A:  // "\n" (and "\r\n", whose asciiValue is also 0x0A)
                        pendingHard = true; pendingSpace = false; pendingSoft = false
                        continue
                    case 0x01:  // softBreak
                        pendingSoft = true
                        continue
                    case 0x20, 0x09:
                        pendingSpace = true
                        continue
                    default:
                        break
                    }
                }
                var stored = ch
                let traits: BreakRules.Traits
                let w: Int
                if let a = ascii {
                    traits = BreakRules.traits(ascii: a)
                    w = a >= 0x20 && a < 0x7F ? 1 : 0
                } else {
                    // One scalar view per character serves the break rules and the width.
                    let scalars = ch.unicodeScalars
                    let v = scalars.first?.value ?? 0
                    if v == 0x3000 { pendingSpace = true; continue }  // ideographic space
                    if v == 0xA0 { stored = " " }  // no-break space: part of the unit, printed as a space
                    traits = BreakRules.traits(scalar: v)
                    w = DisplayWidth.of(scalars: scalars)
                }
                if pendingSoft {
                    if !BreakRules.softBreakVanishes(between: previousTraits, and: traits) { pendingSpace = true }
                    pendingSoft = false
                }
                let startsNewUnit: Bool
                if pendingHard || pendingSpace {
                    startsNewUnit = true
                } else if cells.count > unitStart {
                    startsNewUnit = BreakRules.mayBreak(between: previousTraits, and: traits)
                } else {
                    startsNewUnit = false
                }
                if startsNewUnit {
                    closeUnit()
                    unitSpace = pendingSpace && !units.isEmpty
                    unitHard = pendingHard && !units.isEmpty
                } else if cells.count == unitStart {
                    unitSpace = pendingSpace && !units.isEmpty
                    unitHard = pendingHard && !units.isEmpty
                }
                pendingSpace = false
                pendingHard = false
                cells.append(Cell(ch: stored, width: w, run: r))
                unitWidth += w
                previousTraits = traits
            }
        }
        closeUnit()
    }

    /// Groups a line's cells back into runs of one style.
    private static func makeLine(_ items: [(cell: Int, isSpace: Bool)], cells: [Cell], runs: [StyledRun], width: Int) -> WrappedLine {
        var out: [StyledRun] = []
        var text = ""
        var runIndex = -1
        for (k, item) in items.enumerated() {
            let cell = cells[item.cell]
            // A space takes the style around it only when both neighbors share it (so an
            // underlined link stays continuous but plain text does not get underlined gaps).
            let r: Int
            if item.isSpace {
                let before = k > 0 ? cells[items[k - 1].cell].run : -1
                r = before == cell.run ? cell.run : -1
            } else {
                r = cell.run
            }
            if r != runIndex {
                if !text.isEmpty { out.append(StyledRun(text, runIndex >= 0 ? runs[runIndex].style : .plain)) }
                text = ""
                runIndex = r
            }
            text.append(item.isSpace ? " " : cell.ch)
        }
        if !text.isEmpty { out.append(StyledRun(text, runIndex >= 0 ? runs[runIndex].style : .plain)) }
        return WrappedLine(runs: out, width: width)
    }
}
