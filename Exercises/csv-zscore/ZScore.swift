import Foundation
import LLMCourseKit

/// The records of CSV text, the header first, each record a list of fields.
///
/// - Fields are separated by commas, records by "\n" or "\r\n".
/// - A field that starts with a double quote runs to the matching closing quote and may hold
///   commas and line breaks; inside it, two quotes ("") stand for one. The quotes themselves
///   are not part of the field.
/// - An empty line is skipped. The text may or may not end with a line break.
func parseCSV(_ text: String) -> [[String]] {
    // TODO: walk the characters, tracking whether you are inside quotes.
    return []
}

/// Z-scores every row of `rows` ([n][d]) with statistics of the rows at `train` only:
/// z = (x − μ) / σ per column, μ the mean and σ the population standard deviation
/// (divide by the count, not count − 1) of that column over the training rows.
/// A column that is constant on the training rows (σ = 0) is divided by 1 instead.
func zScore(_ rows: [[Double]], train: [Int]) -> [[Double]] {
    // TODO: means and deviations from rows[train], then apply them to every row.
    return rows
}
