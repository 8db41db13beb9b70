import Foundation

/// A recipe that cannot be run: where (file and line), which key, what is wrong and the fix.
///
///     finetune.yaml:7: lora_r: must be a whole number of 1 or more, not "eight".
///       Fix: give the adapter's rank, e.g. lora_r: 8
public struct RecipeError: Error, CustomStringConvertible, Equatable, Sendable {
    public let file: String
    /// 1-based; nil when the problem is not on one line (a missing key, an empty file).
    public let line: Int?
    /// The key at fault, dotted for nested ones (`datasets[1].path`); nil for the whole file.
    public let key: String?
    public let problem: String
    public let fix: String

    public init(file: String, line: Int? = nil, key: String? = nil, problem: String, fix: String) {
        self.file = file
        self.line = line
        self.key = key
        self.problem = problem
        self.fix = fix
    }

    public var description: String {
        let place = file + (line.map { ":\($0)" } ?? "")
        return "\(place): \(key.map { "\($0): " } ?? "")\(problem)\n  Fix: \(fix)"
    }
}

/// The closest of `candidates` to `word` when it is a likely typo (edit distance ≤ 2, or ≤ 3
/// for long keys), for "did you mean" hints.
func closestKey(to word: String, among candidates: [String]) -> String? {
    let scored = candidates.map { ($0, editDistance(Array(word), Array($0))) }.min { $0.1 < $1.1 }
    guard let (best, distance) = scored, distance <= (word.count > 12 ? 3 : 2) else { return nil }
    return best
}

/// Levenshtein distance: insertions, deletions and substitutions each cost 1.
func editDistance(_ a: [Character], _ b: [Character]) -> Int {
    var previous = Array(0...b.count)
    for (i, x) in a.enumerated() {
        var current = [i + 1] + Array(repeating: 0, count: b.count)
        for (j, y) in b.enumerated() {
            current[j + 1] = min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1))
        }
        previous = current
    }
    return previous[b.count]
}
