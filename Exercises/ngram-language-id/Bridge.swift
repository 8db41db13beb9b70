// What crosses between the checks and the learner's program (see Lessons/FORMAT.md, "Grading").
import LLMCourseKit

#if LEARNER_SIDE
func serveCalls(_ server: LearnerServer) {
    server.handle("characterNgrams") { (text: String, maxOrder: Int) in characterNgrams(text, maxOrder: maxOrder) }
    server.handle("languageScores") { (labels: [String], texts: [String], text: String) in
        languageScores(labels: labels, texts: texts, text: text)
    }
}
#else
func characterNgrams(_ text: String, maxOrder: Int) -> [String: Int] { learnerCall("characterNgrams", text, maxOrder) }

func languageScores(labels: [String], texts: [String], text: String) -> [String: Double] {
    learnerCall("languageScores", labels, texts, text)
}
#endif
