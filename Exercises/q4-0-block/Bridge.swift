// What crosses between the checks and the learner's program (see Lessons/FORMAT.md, "Grading").
import LLMCourseKit

#if LEARNER_SIDE
func serveCalls(_ server: LearnerServer) {
    server.handle("packQ4_0") { (block: [Float]) in packQ4_0(block) }
}
#else
func packQ4_0(_ block: [Float]) -> [UInt8] { learnerCall("packQ4_0", block) }
#endif
