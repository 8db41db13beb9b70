import Foundation

/// The kind of values a column holds, as pandas' `dtypes` would report it.
public enum ColumnKind: String, Sendable, Equatable {
    /// Every present cell reads as a number.
    case numeric
    /// Text labels, such as a class name.
    case categorical
}

/// Typed access to a ``CSVTable``'s columns: numbers, category codes, a feature matrix.
///
/// Nothing is guessed silently: asking for a column as numbers fails on the first cell that
/// is missing or is not a number, naming its row and column.
///
/// ```swift
/// let table = try CSVTable(text: csv)
/// let x = try table.matrix(["sepal_length", "sepal_width"])   // [[Double]], one row per sample
/// let (labels, classes) = try table.categories("species")     // [Int], ["setosa", …]
/// ```
extension CSVTable {
    /// Cell texts that mean "no value here" (after trimming spaces): what pandas' `read_csv`
    /// treats as missing by default, among them `NA`, `NaN` and `null`, plus UCI's `?`.
    public static let missingMarkers: Set<String> = ["", "NA", "N/A", "n/a", "NaN", "nan", "None", "null", "NULL", "?"]

    // ANCHOR: numbers
    /// The column named `name` as numbers. Throws ``CSVError/missingValue(row:line:column:)``
    /// or ``CSVError/notANumber(row:line:column:text:)`` for the first bad cell.
    public func numbers(_ name: String) throws(CSVError) -> [Double] {
        let c = try columnIndex(name)
        var values: [Double] = []
        values.reserveCapacity(count)
        for r in rows.indices {
            let text = rows[r][c].trimmingSpaces
            if CSVTable.missingMarkers.contains(text) { throw .missingValue(row: r + 1, line: lines[r], column: name) }
            guard let value = Double(text), value.isFinite else {
                throw .notANumber(row: r + 1, line: lines[r], column: name, text: rows[r][c])
            }
            values.append(value)
        }
        return values
    }
    // ANCHOR_END: numbers

    /// The columns `names` as a `[rows][names.count]` matrix: one row per sample.
    public func matrix(_ names: [String]) throws(CSVError) -> [[Double]] {
        var columns: [[Double]] = []
        for name in names { columns.append(try numbers(name)) }
        return rows.indices.map { r in columns.map { $0[r] } }
    }

    /// The column named `name` as category codes `0..<levels.count`, `levels` in order of first
    /// appearance. A missing cell throws ``CSVError/missingValue(row:line:column:)``.
    public func categories(_ name: String) throws(CSVError) -> (codes: [Int], levels: [String]) {
        let c = try columnIndex(name)
        var levels: [String] = [], code: [String: Int] = [:], codes: [Int] = []
        for r in rows.indices {
            let text = rows[r][c].trimmingSpaces
            if CSVTable.missingMarkers.contains(text) { throw .missingValue(row: r + 1, line: lines[r], column: name) }
            if code[text] == nil { code[text] = levels.count; levels.append(text) }
            codes.append(code[text]!)
        }
        return (codes, levels)
    }

    /// Each column's kind: numeric when every cell that is present reads as a number.
    public var kinds: [ColumnKind] {
        header.indices.map { c in
            rows.allSatisfy { row in
                let text = row[c].trimmingSpaces
                return CSVTable.missingMarkers.contains(text) || Double(text) != nil
            } ? .numeric : .categorical
        }
    }

    /// Per column, the number of cells that are missing.
    public var missingCounts: [Int] {
        header.indices.map { c in rows.filter { CSVTable.missingMarkers.contains($0[c].trimmingSpaces) }.count }
    }

    /// Reads the file at `url` (UTF-8) and parses it. A file that cannot be read throws the
    /// system's error; a malformed one throws ``CSVError``.
    public static func load(_ url: URL) throws -> CSVTable {
        try CSVTable(text: String(contentsOf: url, encoding: .utf8))
    }
}
