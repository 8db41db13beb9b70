/// What can go wrong reading a CSV file, each case naming where: the data row (counted from 1
/// after the header), the file line it starts on, and the column.
///
/// The descriptions are written for the person who has to fix the file:
///
/// ```text
/// row 7 (line 8): expected 5 fields as in the header, found 4
/// row 12 (line 13), column "petal_width": missing value
/// row 3 (line 4), column "sepal_length": "5,1" is not a number
/// ```
public enum CSVError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file holds no record at all, not even a header.
    case empty
    /// A quoted field opened on `line` never closes.
    case unterminatedQuote(line: Int)
    /// Something other than a comma or line break follows a closing quote on `line`.
    case textAfterQuote(line: Int)
    /// Two header columns share a name.
    case duplicateColumn(String)
    /// A data row whose field count differs from the header's.
    case wrongFieldCount(row: Int, line: Int, expected: Int, found: Int)
    /// A cell that is empty or a missing-value marker (`NA`, `NaN`, `?`…).
    case missingValue(row: Int, line: Int, column: String)
    /// A cell of a numeric column that does not read as a finite number.
    case notANumber(row: Int, line: Int, column: String, text: String)
    /// A column asked for by name that the header does not have.
    case unknownColumn(String, known: [String])

    public var description: String {
        switch self {
        case .empty:
            return "the file is empty: expected a header line"
        case .unterminatedQuote(let line):
            return "line \(line): a quoted field is never closed"
        case .textAfterQuote(let line):
            return "line \(line): text after a closing quote (write \"\" for a quote inside a quoted field)"
        case .duplicateColumn(let name):
            return "the header names column \"\(name)\" twice"
        case .wrongFieldCount(let row, let line, let expected, let found):
            return "row \(row) (line \(line)): expected \(expected) fields as in the header, found \(found)"
        case .missingValue(let row, let line, let column):
            return "row \(row) (line \(line)), column \"\(column)\": missing value"
        case .notANumber(let row, let line, let column, let text):
            return "row \(row) (line \(line)), column \"\(column)\": \"\(text)\" is not a number"
        case .unknownColumn(let name, let known):
            return "no column \"\(name)\"; the header has \(known.map { "\"\($0)\"" }.joined(separator: ", "))"
        }
    }
}
