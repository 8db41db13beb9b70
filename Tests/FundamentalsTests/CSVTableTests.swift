import Foundation
import Testing
import Fundamentals

/// The CSV reader: RFC 4180 quoting, and bad input reported by row and column.
@Suite struct CSVTableTests {
    @Test func readsQuotedFieldsLineBreaksAndBlankLines() throws {
        let text = "name,note,value\r\n\"Smith, J.\",\"said \"\"hi\"\"\",1.5\r\n\nplain,\"two\nlines\",-2\n"
        let table = try CSVTable(text: text)
        #expect(table.header == ["name", "note", "value"])
        #expect(table.rows == [["Smith, J.", "said \"hi\"", "1.5"], ["plain", "two\nlines", "-2"]])
        #expect(table.lines == [2, 4])   // line 3 is blank; the second row starts on line 4
        #expect(try table.numbers("value") == [1.5, -2])
        #expect(table.kinds == [.categorical, .categorical, .numeric])
    }

    @Test func aLastLineWithoutBreakAndAnEmptyQuotedFieldAreRows() throws {
        let table = try CSVTable(text: "a,b\n1,\"\"\n2,3")
        #expect(table.rows == [["1", ""], ["2", "3"]])
        #expect(table.missingCounts == [0, 1])
    }

    @Test func categoriesAreCodedInOrderOfFirstAppearance() throws {
        let table = try CSVTable(text: "species\nb\na\nb\n")
        let (codes, levels) = try table.categories("species")
        #expect(codes == [0, 1, 0])
        #expect(levels == ["b", "a"])
    }

    @Test func aMissingValueNamesItsRowAndColumn() throws {
        let table = try CSVTable(text: "x,y\n1,2\n3,\n4,NA\n")
        #expect(throws: CSVError.missingValue(row: 2, line: 3, column: "y")) { try table.numbers("y") }
        #expect(CSVError.missingValue(row: 2, line: 3, column: "y").description == "row 2 (line 3), column \"y\": missing value")
        #expect(throws: CSVError.missingValue(row: 2, line: 3, column: "y")) { try table.matrix(["x", "y"]) }
    }

    @Test func aWrongFieldCountNamesItsRow() {
        #expect(throws: CSVError.wrongFieldCount(row: 2, line: 3, expected: 3, found: 2)) {
            try CSVTable(text: "a,b,c\n1,2,3\n4,5\n")
        }
        #expect(throws: CSVError.wrongFieldCount(row: 1, line: 2, expected: 2, found: 3)) { try CSVTable(text: "a,b\n1,2,3\n") }
        #expect(CSVError.wrongFieldCount(row: 2, line: 3, expected: 3, found: 2).description
                == "row 2 (line 3): expected 3 fields as in the header, found 2")
    }

    @Test func aNonNumericCellNamesItsRowColumnAndText() throws {
        let table = try CSVTable(text: "x,y\n1,2\n3,\"4,5\"\n")
        #expect(throws: CSVError.notANumber(row: 2, line: 3, column: "y", text: "4,5")) { try table.numbers("y") }
        #expect(CSVError.notANumber(row: 2, line: 3, column: "y", text: "4,5").description
                == "row 2 (line 3), column \"y\": \"4,5\" is not a number")
        let infinite = try CSVTable(text: "x\ninf\n")
        #expect(throws: CSVError.notANumber(row: 1, line: 2, column: "x", text: "inf")) { try infinite.numbers("x") }
    }

    @Test func malformedFilesAreRejected() throws {
        #expect(throws: CSVError.empty) { try CSVTable(text: "") }
        #expect(throws: CSVError.unterminatedQuote(line: 2)) { try CSVTable(text: "a,b\n1,\"open\n") }
        #expect(throws: CSVError.textAfterQuote(line: 2)) { try CSVTable(text: "a,b\n1,\"x\"y\n") }
        #expect(throws: CSVError.duplicateColumn("a")) { try CSVTable(text: "a,a\n1,2\n") }
        let table = try CSVTable(text: "a,b\n1,2\n")
        #expect(throws: CSVError.unknownColumn("c", known: ["a", "b"])) { try table.numbers("c") }
    }

    @Test func theShippedIrisFileReads() throws {
        let table = try CSVTable.load(IrisFixture.csv)
        #expect(table.count == 150)
        #expect(table.kinds == [.numeric, .numeric, .numeric, .numeric, .categorical])
        #expect(table.missingCounts == [0, 0, 0, 0, 0])
        let (codes, levels) = try table.categories("species")
        #expect(levels == ["setosa", "versicolor", "virginica"])
        #expect((0..<3).map { k in codes.filter { $0 == k }.count } == [50, 50, 50])
        // Means from the data set's description: 5.84, 3.05, 3.76, 1.20 cm (sepal length, width, petal length, width).
        let means = try ["sepal_length", "sepal_width", "petal_length", "petal_width"].map { try table.numbers($0).reduce(0, +) / 150 }
        #expect(zip(means, [5.84, 3.05, 3.76, 1.20]).allSatisfy { abs($0 - $1) < 0.01 })
    }
}

/// The Iris file and the NumPy / scikit-learn numbers made from it.
enum IrisFixture {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let csv = root.appendingPathComponent("Data/iris/iris.csv")
    static let json = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/iris_models.json")
}
