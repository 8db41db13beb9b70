// What crosses between the checks and the learner's program (see Lessons/FORMAT.md, "Grading").
import LLMCourseKit

#if LEARNER_SIDE
func serveCalls(_ server: LearnerServer) {
    server.handle("tanhForward") { (x: [Float]) in tanhForward(x) }
    server.handle("tanhBackward") { (output: [Float], upstream: [Float]) in tanhBackward(output: output, upstream: upstream) }
}
#else
func tanhForward(_ x: [Float]) -> [Float] { learnerCall("tanhForward", x) }

func tanhBackward(output: [Float], upstream: [Float]) -> [Float] { learnerCall("tanhBackward", output, upstream) }
#endif
