// What crosses between the checks and the learner's program (see Lessons/FORMAT.md, "Grading").
import LLMCourseKit

#if LEARNER_SIDE
func serveCalls(_ server: LearnerServer) {
    server.handle("pack") { (documents: [[Int]], length: Int, separator: Int) in pack(documents, length: length, separator: separator) }
    server.handle("attends") { (window: SequencePacking.Window, i: Int, j: Int) in attends(window, i, j) }
}
#else
func pack(_ documents: [[Int]], length: Int, separator: Int) -> [SequencePacking.Window] { learnerCall("pack", documents, length, separator) }

func attends(_ window: SequencePacking.Window, _ i: Int, _ j: Int) -> Bool { learnerCall("attends", window, i, j) }
#endif
