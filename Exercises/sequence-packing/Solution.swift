import LLMCourseKit

// The reference answer: the library's packing (Sources/Transformers/Training/SequencePacking.swift,
// regions "pack" and "attends").
func pack(_ documents: [[Int]], length: Int, separator: Int) -> [SequencePacking.Window] {
    SequencePacking.pack(documents, length: length, separator: separator)
}

func attends(_ window: SequencePacking.Window, _ i: Int, _ j: Int) -> Bool {
    window.attends(i, j)
}
