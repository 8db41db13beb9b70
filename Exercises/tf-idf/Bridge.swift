// What crosses between the checks and the learner's program (see Lessons/FORMAT.md, "Grading").
import LLMCourseKit

#if LEARNER_SIDE
func serveCalls(_ server: LearnerServer) {
    server.handle("inverseDocumentFrequency") { (documents: [[String]], vocabulary: [String]) in
        inverseDocumentFrequency(documents, vocabulary: vocabulary)
    }
    server.handle("tfidf") { (document: [String], vocabulary: [String], idf: [Double]) in tfidf(document, vocabulary: vocabulary, idf: idf) }
}
#else
func inverseDocumentFrequency(_ documents: [[String]], vocabulary: [String]) -> [Double] {
    learnerCall("inverseDocumentFrequency", documents, vocabulary)
}

func tfidf(_ document: [String], vocabulary: [String], idf: [Double]) -> [Double] { learnerCall("tfidf", document, vocabulary, idf) }
#endif
