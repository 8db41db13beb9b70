/// Demos of the application chapters on retrieval: vector storage, RAG, advanced RAG.
enum RetrievalDemos {
    static let all: [Demo] = [
        VectorSearchDemo.demo,
        RAGPipelineDemo.demo,
        HybridSearchDemo.demo,
        CourseEmbeddingsDemo.demo,
        CourseRAGDemo.demo,
        RetrievalTechniquesDemo.demo,
    ]
}
