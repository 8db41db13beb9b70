/// Sequence packing: many short documents in fixed-length training windows, without padding
/// and without letting one document read another.
///
/// Padding each document to the window length wastes every pad position; concatenating all
/// documents (each ended by a separator) and cutting the stream into windows of `length` wastes
/// at most the last window's tail. Two things keep the documents apart inside a window:
///
/// - **positions restart** at 0 at each document's first token, so a document is encoded as if
///   it began the window (a document cut by a window boundary continues its count);
/// - **the mask is block-diagonal and causal**: token i attends to token j only when j ≤ i and
///   both belong to the same document — `segments[i] == segments[j]`.
///
///     let windows = SequencePacking.pack([[5, 6, 7], [8, 9]], length: 4, separator: 0)
///     windows[0].tokens     // [5, 6, 7, 0]       windows[1].tokens    // [8, 9, 0, 0]
///     windows[0].positions  // [0, 1, 2, 3]       windows[1].positions // [0, 1, 2, 0]
///     windows[0].segments   // [0, 0, 0, 0]       windows[1].segments  // [1, 1, 1, -1]
///
/// The separator belongs to the document it ends; the last window is padded with the
/// separator token and segment −1, which attends to nothing and is never a target.
public enum SequencePacking {
    public struct Window: Sendable, Equatable, Codable {
        public var tokens: [Int]
        /// Position of each token within its document.
        public var positions: [Int]
        /// Index of the document each token belongs to; −1 for padding.
        public var segments: [Int]

        public init(tokens: [Int], positions: [Int], segments: [Int]) {
            self.tokens = tokens; self.positions = positions; self.segments = segments
        }

        // ANCHOR: attends
        /// Whether query position `i` may read key position `j`.
        public func attends(_ i: Int, _ j: Int) -> Bool {
            j <= i && segments[i] >= 0 && segments[i] == segments[j]
        }
        // ANCHOR_END: attends

        /// The `[T, T]` mask, row = query.
        public var mask: [[Bool]] { tokens.indices.map { i in tokens.indices.map { attends(i, $0) } } }
    }

    // ANCHOR: pack
    public static func pack(_ documents: [[Int]], length: Int, separator: Int) -> [Window] {
        precondition(length >= 1, "SequencePacking: the window length must be at least 1")
        var windows: [Window] = []
        var current = Window(tokens: [], positions: [], segments: [])
        for (index, document) in documents.enumerated() {
            for (position, token) in (document + [separator]).enumerated() {
                current.tokens.append(token)
                current.positions.append(position)       // keeps counting across a cut
                current.segments.append(index)
                if current.tokens.count == length {
                    windows.append(current)
                    current = Window(tokens: [], positions: [], segments: [])
                }
            }
        }
        if !current.tokens.isEmpty {
            let pad = length - current.tokens.count
            current.tokens += Array(repeating: separator, count: pad)
            current.positions += Array(repeating: 0, count: pad)
            current.segments += Array(repeating: -1, count: pad)
            windows.append(current)
        }
        return windows
    }
    // ANCHOR_END: pack

    /// The share of window positions that hold padding: packed, against padding each document
    /// (separator included) to its own windows.
    public static func paddingShare(_ documents: [[Int]], length: Int) -> (packed: Double, padded: Double) {
        let tokens = documents.map { $0.count + 1 }
        let packedWindows = (tokens.reduce(0, +) + length - 1) / length
        let paddedWindows = tokens.map { ($0 + length - 1) / length }.reduce(0, +)
        let used = Double(tokens.reduce(0, +))
        return (1 - used / Double(max(1, packedWindows * length)), 1 - used / Double(max(1, paddedWindows * length)))
    }
}
