/// Anything that turns a text into a unit vector for dense search: the course's
/// ``BiEncoder``, or a language model's mean-pooled hidden states (`MeanPooledEmbedding` in
/// Transformers). A closure, so the retriever needs no dependency on where vectors come from.
///
/// ```swift
/// let embedder = encoder.embedder                       // the bi-encoder's
/// let v = embedder.embed("What does the KV cache store?")   // [dimension], unit length
/// ```
public struct TextEmbedder: Sendable {
    public let name: String
    public let dimension: Int
    public let embed: @Sendable (String) -> [Float]

    public init(name: String, dimension: Int, embed: @escaping @Sendable (String) -> [Float]) {
        self.name = name
        self.dimension = dimension
        self.embed = embed
    }
}

extension BiEncoder {
    public var embedder: TextEmbedder {
        TextEmbedder(name: "bi-encoder", dimension: dimension) { self.encode($0) }
    }
}
