/// The cleaning steps an instruction data set goes through before fine-tuning, each reporting
/// what it removed.
///
/// ```swift
/// let (unique, duplicates) = DataCleaning.deduplicate(raw)
/// let (clean, rejected) = DataCleaning.filter(unique) { InstructionWorld.answer(task: $0.task, key: $0.key) == $0.response }
/// ```
public enum DataCleaning {
    // ANCHOR: deduplicate
    /// Keeps the first of each group of examples equal after normalizing case and spaces.
    public static func deduplicate(_ examples: [InstructionExample]) -> (kept: [InstructionExample], removed: Int) {
        var seen = Set<String>()
        // Each field on its own, so a trailing space on the instruction is dropped, not moved into the key.
        let normalize = { (text: String) in text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ") }
        let kept = examples.filter { example in
            seen.insert(normalize(example.instruction) + "\u{1F}" + normalize(example.response)).inserted
        }
        return (kept, examples.count - kept.count)
    }
    // ANCHOR_END: deduplicate

    /// Keeps examples with a non-empty response of at most `maximumLength` characters that pass `verify`
    /// (a checker: here the exact answer; for real data a unit test, a parser or a judge model).
    public static func filter(_ examples: [InstructionExample], maximumLength: Int = 16,
                              verify: (InstructionExample) -> Bool) -> (kept: [InstructionExample], removed: Int) {
        let kept = examples.filter { !$0.response.isEmpty && $0.response.count <= maximumLength && verify($0) }
        return (kept, examples.count - kept.count)
    }
}
