import Foundation
import LLMCourseKit

func registerChecks(_ suite: CheckSuite) {
    suite.check("plain and quoted fields", zh: "一般欄位與加引號的欄位") { c in
        try c.expectEqual(parseCSV("a,b\n1,2\n"), [["a", "b"], ["1", "2"]], "parseCSV(\"a,b\\n1,2\\n\")")
        try c.expectEqual(parseCSV("name,note\n\"Smith, J.\",\"said \"\"hi\"\"\"\n"), [["name", "note"], ["Smith, J.", "said \"hi\""]],
                          "a comma and doubled quotes inside quotes")
        try c.expectEqual(parseCSV("a,b\r\n\"two\nlines\",\r\n\r\nx,y"), [["a", "b"], ["two\nlines", ""], ["x", "y"]],
                          "CRLF, a line break inside quotes, an empty field, a blank line and no final line break")
    }
    suite.check("random tables survive writing and reading", zh: "隨機表格寫出再讀回不變", points: 2) { c in
        let pieces = ["a", "b", "7", "-1.5", ",", "\"", "\n", "é", "表"]
        for _ in 0..<30 {
            let columns = c.int(in: 1...4)
            let header = (0..<columns).map { "c\($0)" }
            let table = [header] + (0..<c.int(in: 1...5)).map { _ in
                (0..<columns).map { _ in (0..<c.int(in: 1...4)).map { _ in c.pick(pieces) }.joined() }
            }
            // Quote every field that needs it, doubling its quotes, as a spreadsheet would.
            let text = table.map { row in
                row.map { f in f.contains(where: { ",\"\n".contains($0) }) ? "\"" + f.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : f }
                    .joined(separator: ",")
            }.joined(separator: c.bool() ? "\r\n" : "\n") + (c.bool() ? "\n" : "")
            try c.expectEqual(parseCSV(text), table, "parseCSV of \(text.debugDescription)")
        }
    }
    suite.check("a worked z-score with a constant column", zh: "含常數欄的 z 分數手算範例") { c in
        let rows: [[Double]] = [[1, 10], [3, 10], [5, 40]]
        // Training rows 0 and 1: μ = [2, 10], σ = [1, 0 → 1].
        try c.expectClose(zScore(rows, train: [0, 1]).flatMap { $0 }, [-1, 0, 1, 0, 3, 30], atol: 1e-12, rtol: 1e-12,
                          "zScore([[1, 10], [3, 10], [5, 40]], train: [0, 1])")
    }
    suite.check("training columns end with mean 0 and deviation 1", zh: "訓練列的每欄平均為 0、標準差為 1") { c in
        for _ in 0..<10 {
            let (n, d) = (c.int(in: 2...12), c.int(in: 1...4))
            let rows = (0..<n).map { _ in c.doubles(d, in: -5...5) }
            let train = Array(Set((0..<c.int(in: 2...n)).map { _ in c.int(in: 0...(n - 1)) } + [0, n - 1])).sorted()
            let z = zScore(rows, train: train)
            try c.expectEqual(z.count, n, "number of rows")
            for j in 0..<d {
                let column = train.map { z[$0][j] }
                let mean = column.reduce(0, +) / Double(column.count)
                let variance = column.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(column.count)
                try c.expectClose(mean, 0, atol: 1e-9, rtol: 0, "mean of column \(j) over the training rows")
                try c.expectClose(variance, 1, atol: 1e-9, rtol: 0, "variance of column \(j) over the training rows (population)")
            }
        }
    }
    suite.check("matches the library on random data", zh: "在隨機資料上與函式庫一致", points: 2) { c in
        for _ in 0..<15 {
            let (n, d) = (c.int(in: 1...15), c.int(in: 1...5))
            let rows = (0..<n).map { _ in c.doubles(d, in: -100...100) }
            let train = (0..<n).filter { _ in c.bool() }
            let used = train.isEmpty ? [0] : train
            let expected = Standardizer(fitting: used.map { rows[$0] }).transform(rows)
            try c.expectClose(zScore(rows, train: used).flatMap { $0 }, expected.flatMap { $0 }, atol: 1e-9, rtol: 1e-9,
                              "zScore of \(n)×\(d) rows, training rows \(used)")
        }
    }
}
