import LLMCourseKit

// The reference answer: the library's byte map (Sources/Transformers/Tokenizer/ByteUnicodeMap.swift,
// region "byte-level").
func byteLevel(_ text: String) -> String {
    ByteUnicodeMap.encode(text.utf8)
}

func decodeByteLevel(_ spelling: String) -> String? {
    ByteUnicodeMap.decodeText(spelling)
}
