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
