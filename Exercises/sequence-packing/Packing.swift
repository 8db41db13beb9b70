import LLMCourseKit

/// Packs documents, each followed by `separator`, into windows of `length` tokens: positions
/// restart at each document, segments name the document (−1 for the last window's padding).
func pack(_ documents: [[Int]], length: Int, separator: Int) -> [SequencePacking.Window] {
    // TODO: fill windows token by token; store a window when it is full; pad the last one.
    return []
}

/// Whether query position `i` of `window` may read key position `j`: causal, same document,
/// never padding.
func attends(_ window: SequencePacking.Window, _ i: Int, _ j: Int) -> Bool {
    // TODO: compare the segments.
    return j <= i
}
