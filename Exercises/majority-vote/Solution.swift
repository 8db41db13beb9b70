import LLMCourseKit

// The reference answer: the library's vote (Sources/Decoding/TestTime/MajorityVote.swift,
// region "tally").
func majorityVote(_ samples: [String], normalize: (String) -> String?) -> String? {
    MajorityVote.winner(samples, normalize: normalize)?.answer
}
