// What crosses between the checks and the learner's program (see Lessons/FORMAT.md, "Grading").
import LLMCourseKit

#if LEARNER_SIDE
func serveCalls(_ server: LearnerServer) {
    server.handle("parseCSV") { (text: String) in parseCSV(text) }
    server.handle("zScore") { (rows: [[Double]], train: [Int]) in zScore(rows, train: train) }
}
#else
func parseCSV(_ text: String) -> [[String]] { learnerCall("parseCSV", text) }

func zScore(_ rows: [[Double]], train: [Int]) -> [[Double]] { learnerCall("zScore", rows, train) }
#endif
