/// A comma-separated file read into a header and rows of text cells, with every problem
/// reported by the row and column it sits in.
///
/// The format is RFC 4180's: fields separated by commas, records by `\n` or `\r\n`; a field in
/// double quotes may hold commas, line breaks and doubled quotes (`"say ""hi"""` → `say "hi"`).
/// The first record is the header. Blank lines are skipped. Every record must have as many
/// fields as the header, or reading fails with ``CSVError/wrongFieldCount(row:line:expected:found:)``.
///
/// Rows are numbered from 1 after the header, the way a spreadsheet user counts data rows;
/// errors also give the file line the row starts on, which an editor shows.
///
/// ```swift
/// let table = try CSVTable(text: "a,b\n1,\"x, y\"\n")
/// table.header          // ["a", "b"]
/// table.rows            // [["1", "x, y"]]
/// try table.numbers("a") // [1.0]
/// ```
public struct CSVTable: Sendable, Equatable {
    /// Column names, from the first record.
    public let header: [String]
    /// Data cells: `rows[r][c]` is row `r + 1`, column `header[c]`, as written (quotes removed).
    public let rows: [[String]]
    /// The file line each data row starts on (1-based; the header is on line 1 or later).
    public let lines: [Int]

    /// Parses `text`. Throws ``CSVError`` for an empty file, an unterminated quote, text after
    /// a closing quote, a repeated column name or a row with the wrong number of fields.
    public init(text: String) throws(CSVError) {
        let records = try CSVTable.records(Array(text.utf8))
        guard let first = records.first else { throw .empty }
        header = first.fields.map { $0.trimmingSpaces }
        var seen = Set<String>()
        for name in header where !seen.insert(name).inserted { throw .duplicateColumn(name) }
        var rows: [[String]] = [], lines: [Int] = []
        for (index, record) in records.dropFirst().enumerated() {
            guard record.fields.count == header.count else {
                throw .wrongFieldCount(row: index + 1, line: record.line, expected: header.count, found: record.fields.count)
            }
            rows.append(record.fields)
            lines.append(record.line)
        }
        self.rows = rows
        self.lines = lines
    }

    /// Number of data rows.
    public var count: Int { rows.count }

    /// The index of the column named `name`.
    public func columnIndex(_ name: String) throws(CSVError) -> Int {
        guard let index = header.firstIndex(of: name) else { throw .unknownColumn(name, known: header) }
        return index
    }

    // ANCHOR: records
    /// Splits UTF-8 bytes into records of fields. A small state machine: outside quotes a comma
    /// ends a field and a line break ends a record; inside quotes both are plain text, and `""`
    /// is one quote.
    static func records(_ bytes: [UInt8]) throws(CSVError) -> [(fields: [String], line: Int)] {
        let comma = UInt8(ascii: ","), quote = UInt8(ascii: "\""), newline = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")
        var records: [(fields: [String], line: Int)] = []
        var fields: [String] = [], field: [UInt8] = []
        var line = 1, recordLine = 1
        var i = 0
        var quoted = false        // the current field started with a quote
        var afterQuote = false    // that quote has been closed
        func endField() {
            fields.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
            quoted = false
            afterQuote = false
        }
        func endRecord() {
            endField()
            // A blank line is one empty field: skip it rather than report a short row.
            if !(fields.count == 1 && fields[0].isEmpty) { records.append((fields, recordLine)) }
            fields.removeAll()
        }
        while i < bytes.count {
            let b = bytes[i]
            if quoted && !afterQuote {
                if b == quote {
                    if i + 1 < bytes.count && bytes[i + 1] == quote { field.append(quote); i += 1 } else { afterQuote = true }
                } else {
                    if b == newline { line += 1 }
                    field.append(b)
                }
            } else if b == comma {
                endField()
            } else if b == newline || b == cr {
                if b == cr && i + 1 < bytes.count && bytes[i + 1] == newline { i += 1 }
                endRecord()
                line += 1
                recordLine = line
            } else if afterQuote {
                throw .textAfterQuote(line: line)
            } else if b == quote && field.isEmpty {
                quoted = true
            } else {
                field.append(b)
            }
            i += 1
        }
        if quoted && !afterQuote { throw .unterminatedQuote(line: recordLine) }
        if !field.isEmpty || !fields.isEmpty || quoted { endRecord() }
        return records
    }
    // ANCHOR_END: records
}

extension String {
    /// The text without leading and trailing spaces and tabs.
    var trimmingSpaces: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let start = firstIndex(where: { !isSpace($0) }), let end = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[start...end])
    }
}
