import Course

/// Pipe tables drawn with box-drawing borders, columns sized by display width so that
/// Chinese cells line up with English ones.
///
/// Each column starts at its widest cell. When the table is wider than the room, the widest
/// column gives up one column at a time until it fits (no column below 3), and cells wrap
/// inside their column with the same CJK rules as paragraphs.
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

        var widths = Array(repeating: 1, count: columns)
        for row in [headerRuns] + bodyRuns {
            for (c, cell) in row.prefix(columns).enumerated() { widths[c] = max(widths[c], naturalWidth(cell)) }
        }
        let frame = 3 * columns + 1
        while widths.reduce(0, +) + frame > options.width {
            guard let widest = widths.indices.max(by: { widths[$0] < widths[$1] }), widths[widest] > 3 else { break }
            widths[widest] -= 1
        }

        var out: [WrappedLine] = [border("┌", "┬", "┐", widths)]
        out += row(headerRuns, widths: widths, alignments: alignments)
        out.append(border("├", "┼", "┤", widths))
        for r in bodyRuns { out += row(r, widths: widths, alignments: alignments) }
        out.append(border("└", "┴", "┘", widths))
        return out
    }

    private func naturalWidth(_ runs: [StyledRun]) -> Int {
        runs.reduce(0) { $0 + DisplayWidth.of($1.text) }  // cells are one line: no hard breaks in a pipe table
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
