import LLMCourseKit

// The reference answer: the library's fixed-size splitter (Sources/Retrieval/Text/FixedSizeSplitter.swift,
// region "windows").
func chunk(_ text: String, size: Int, overlap: Int) -> [String] {
    FixedSizeSplitter(size: size, overlap: overlap).split(text).map(\.text)
}
