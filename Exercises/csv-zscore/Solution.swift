import LLMCourseKit

// The reference answer: the course library's CSV reader (Sources/Fundamentals/Tabular/CSVTable.swift,
// region "records") and z-score (Sources/Fundamentals/Tabular/Standardizer.swift, region "fit").
func parseCSV(_ text: String) -> [[String]] {
    guard let table = try? CSVTable(text: text) else { return [] }
    return [table.header] + table.rows
}

func zScore(_ rows: [[Double]], train: [Int]) -> [[Double]] {
    Standardizer(fitting: TrainTestSplit.take(rows, train)).transform(rows)
}
