import Console
import Course

/// Pipe tables drawn with box-drawing borders, columns sized by display width so that
/// Chinese cells line up with English ones.
///
/// Each column starts at its widest cell. When the table is wider than the room, columns of
/// prose shrink first and cells wrap inside their column with the same CJK rules as
/// paragraphs (at spaces, between ideographs); see ``columnWidths(cells:columns:room:)``.
///
/// Layout of a row, for columns of widths w₀, w₁: `│ cell₀ │ cell₁ │` — total width
/// Σwᵢ + 3·n + 1.
struct TableRenderer {
    let options: RenderOptions

    func lines(header: [[Inline]], alignments: [TableAlignment], rows: [[[Inline]]]) -> [WrappedLine] {
        let inline = InlineRenderer(options: options)
        let columns = alignments.count
        guard columns > 0 else { return [] }
        let headerRuns = header.map { inline.runs($0, base: Theme.tableHeader) }
        let bodyRuns = rows.map { row in row.map { inline.runs($0) } }

        let widths = Self.columnWidths(cells: [headerRuns] + bodyRuns, columns: columns, room: options.width - (3 * columns + 1))

        var out: [WrappedLine] = [border("┌", "┬", "┐", widths)]
        out += row(headerRuns, widths: widths, alignments: alignments)
        out.append(border("├", "┼", "┤", widths))
        for r in bodyRuns { out += row(r, widths: widths, alignments: alignments) }
        out.append(border("└", "┴", "┘", widths))
        return out
    }

    /// Column widths that fit `room` columns of text (borders excluded) when they can.
    ///
    /// Each column starts at its widest cell. While the table is too wide, the widest column
    /// that can still wrap without cutting a word gives up one column; so prose columns shrink
    /// first and short cells such as `1.55–1.63×` stay whole. Only when every column is down to
    /// its longest word does the widest column shrink further (no column below 3), and then
    /// words are cut.
    static func columnWidths(cells: [[[StyledRun]]], columns: Int, room: Int) -> [Int] {
        var widths = Array(repeating: 1, count: columns)
        var words = Array(repeating: 1, count: columns)
        for row in cells {
            for (c, cell) in row.prefix(columns).enumerated() {
                // Cells are one line: a pipe table has no hard breaks.
                widths[c] = max(widths[c], cell.reduce(0) { $0 + DisplayWidth.of($1.text) })
                words[c] = max(words[c], LineWrapper.longestUnbreakableWidth(cell))
            }
        }
        while widths.reduce(0, +) > room {
            if let c = widths.indices.filter({ widths[$0] > words[$0] }).max(by: { widths[$0] < widths[$1] }) {
                widths[c] -= 1
            } else if let c = widths.indices.max(by: { widths[$0] < widths[$1] }), widths[c] > 3 {
                widths[c] -= 1
            } else {
                break
            }
        }
        return widths
    }

    private func border(_ left: String, _ middle: String, _ right: String, _ widths: [Int]) -> WrappedLine {
        let text = left + widths.map { String(repeating: "─", count: $0 + 2) }.joined(separator: middle) + right
        return WrappedLine(runs: [StyledRun(text, Theme.tableBorder)], width: widths.reduce(0, +) + 3 * widths.count + 1)
    }

    private func row(_ cells: [[StyledRun]], widths: [Int], alignments: [TableAlignment]) -> [WrappedLine] {
        let wrapped: [[WrappedLine]] = widths.indices.map { c in
            c < cells.count ? LineWrapper.wrap(cells[c], width: widths[c]) : [.empty]
        }
        let height = wrapped.map(\.count).max() ?? 1
        let bar = StyledRun("│", Theme.tableBorder)
        var out: [WrappedLine] = []
        for k in 0..<height {
            var runs: [StyledRun] = [bar]
            for c in widths.indices {
                let line = k < wrapped[c].count ? wrapped[c][k] : .empty
                let spare = max(widths[c] - line.width, 0)
                let (left, right): (Int, Int)
                switch alignments[c] {
                case .right: (left, right) = (spare, 0)
                case .center: (left, right) = (spare / 2, spare - spare / 2)
                case .left, .none: (left, right) = (0, spare)
                }
                runs.append(StyledRun(String(repeating: " ", count: left + 1)))
                runs += line.runs
                runs.append(StyledRun(String(repeating: " ", count: right + 1)))
                runs.append(bar)
            }
            out.append(WrappedLine(runs: runs, width: widths.reduce(0, +) + 3 * widths.count + 1))
        }
        return out
    }
}
