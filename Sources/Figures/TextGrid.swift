/// A grid of terminal cells a plot is drawn into before axes and labels are added.
///
/// Two drawing modes share one grid:
/// - braille: each cell holds a 2×4 dot pattern (U+2800…U+28FF), so a `w×h` grid has
///   `2w×4h` addressable dots — smooth curves in few columns;
/// - markers: each cell holds one character (•, +, x…) — coarser, but series stay
///   distinguishable without color.
/// Every cell remembers which series drew it last, for coloring.
struct TextGrid {
    let columns: Int
    let rows: Int
    private var dots: [UInt8]
    private var marks: [Character?]
    private(set) var owner: [Int?]

    init(columns: Int, rows: Int) {
        self.columns = max(columns, 1)
        self.rows = max(rows, 1)
        dots = Array(repeating: 0, count: self.columns * self.rows)
        marks = Array(repeating: nil, count: self.columns * self.rows)
        owner = Array(repeating: nil, count: self.columns * self.rows)
    }

    var dotColumns: Int { columns * 2 }
    var dotRows: Int { rows * 4 }

    /// Braille bit for the dot at (dx, dy) inside a cell, dx ∈ 0..<2, dy ∈ 0..<4 (Unicode order).
    private static let bits: [[UInt8]] = [[0x01, 0x08], [0x02, 0x10], [0x04, 0x20], [0x40, 0x80]]

    /// Sets one braille dot; (0, 0) is the top-left dot. Out-of-range dots are ignored.
    mutating func setDot(x: Int, y: Int, series: Int) {
        guard x >= 0, y >= 0, x < dotColumns, y < dotRows else { return }
        let i = (y / 4) * columns + x / 2
        dots[i] |= TextGrid.bits[y % 4][x % 2]
        owner[i] = series
    }

    /// Puts a marker character in a cell; (0, 0) is the top-left cell.
    mutating func setMark(column: Int, row: Int, _ mark: Character, series: Int) {
        guard column >= 0, row >= 0, column < columns, row < rows else { return }
        marks[row * columns + column] = mark
        owner[row * columns + column] = series
    }

    /// Straight line of dots (Bresenham) between two dot positions.
    mutating func dotLine(from a: (Int, Int), to b: (Int, Int), series: Int) {
        forEachPoint(from: a, to: b) { setDot(x: $0, y: $1, series: series) }
    }

    /// Straight line of marker characters between two cells.
    mutating func markLine(from a: (Int, Int), to b: (Int, Int), _ mark: Character, series: Int) {
        forEachPoint(from: a, to: b) { setMark(column: $0, row: $1, mark, series: series) }
    }

    private func forEachPoint(from a: (Int, Int), to b: (Int, Int), _ body: (Int, Int) -> Void) {
        var (x0, y0) = a
        let (x1, y1) = b
        let dx = abs(x1 - x0), dy = -abs(y1 - y0)
        let sx = x0 < x1 ? 1 : -1, sy = y0 < y1 ? 1 : -1
        var err = dx + dy
        var guardSteps = dx - dy + 2
        while guardSteps > 0 {
            body(x0, y0)
            if x0 == x1 && y0 == y1 { break }
            let e2 = 2 * err
            if e2 >= dy { err += dy; x0 += sx }
            if e2 <= dx { err += dx; y0 += sy }
            guardSteps -= 1
        }
    }

    /// One row of cells as text, colored by owner when `color` is true.
    func line(_ row: Int, color: Bool) -> String {
        var out = ""
        for c in 0..<columns {
            let i = row * columns + c
            let ch: Character
            if let m = marks[i] { ch = m }
            else if dots[i] != 0 { ch = Character(Unicode.Scalar(0x2800 + UInt32(dots[i]))!) }
            else { ch = " " }
            if ch != " ", let s = owner[i] {
                out += Palette.paint(String(ch), ansi256: Palette.color(s).ansi256, enabled: color)
            } else {
                out.append(ch)
            }
        }
        return out
    }

    /// Number of cells holding anything (dots or marks) — used by tests.
    var filledCells: Int {
        (0..<(columns * rows)).filter { dots[$0] != 0 || marks[$0] != nil }.count
    }
}

/// Columns a string takes in a terminal: East Asian wide characters count as two.
public func displayWidth(_ s: String) -> Int {
    var w = 0
    var inEscape = false
    for u in s.unicodeScalars {
        if inEscape { if u == "m" { inEscape = false }; continue }
        if u == "\u{1B}" { inEscape = true; continue }
        let v = u.value
        let wide = (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
            || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
            || (0xFFE0...0xFFE6).contains(v) || (0x1F300...0x1FAFF).contains(v)
        w += wide ? 2 : 1
    }
    return w
}

func padLeft(_ s: String, _ width: Int) -> String {
    String(repeating: " ", count: max(0, width - displayWidth(s))) + s
}

func padRight(_ s: String, _ width: Int) -> String {
    s + String(repeating: " ", count: max(0, width - displayWidth(s)))
}
