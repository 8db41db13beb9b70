import LLMCourseKit

/// Self-consistency: the answer the samples give most often.
///
/// - `normalize` turns a sample into its answer (`" 12."` → `"12"`), or `nil` when the sample
///   states no answer; such a sample casts no vote.
/// - The answer with the most votes wins. **Ties** go to the tied answer whose first vote came
///   earliest in `samples`.
/// - With no votes at all, return `nil`.
func majorityVote(_ samples: [String], normalize: (String) -> String?) -> String? {
    // TODO: count the votes per normalized answer, remembering the order answers first appear in.
    // TODO: return the answer with the most votes; among equals, the one seen first.
    return nil
}
