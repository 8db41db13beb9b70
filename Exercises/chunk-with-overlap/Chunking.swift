import LLMCourseKit

/// Cuts `text` into chunks of `size` characters, each starting `size − overlap` characters
/// after the previous one, so consecutive chunks share `overlap` characters. The last chunk
/// ends at the end of the text (it may be shorter). Characters are Swift `Character`s: "向量"
/// is two. An empty text has no chunks. Assume `size > 0` and `0 ≤ overlap < size`.
func chunk(_ text: String, size: Int, overlap: Int) -> [String] {
    // TODO: turn the text into an array of Characters so you can index it.
    // TODO: step through it with windows start..<min(start + size, count), stopping after the window that reaches the end.
    return [text]
}
