// What crosses between the checks and the learner's program (see Lessons/FORMAT.md, "Grading").
import LLMCourseKit

#if LEARNER_SIDE
func serveCalls(_ server: LearnerServer) {
    server.handle("loraForward") { (x: [[Float]], weight: [[Float]], a: [[Float]], b: [[Float]], scaling: Float) in
        loraForward(x, weight: weight, a: a, b: b, scaling: scaling)
    }
    server.handle("mergeLoRA") { (weight: [[Float]], a: [[Float]], b: [[Float]], scaling: Float) in
        mergeLoRA(weight: weight, a: a, b: b, scaling: scaling)
    }
}
#else
func loraForward(_ x: [[Float]], weight: [[Float]], a: [[Float]], b: [[Float]], scaling: Float) -> [[Float]] {
    learnerCall("loraForward", x, weight, a, b, scaling)
}

func mergeLoRA(weight: [[Float]], a: [[Float]], b: [[Float]], scaling: Float) -> [[Float]] {
    learnerCall("mergeLoRA", weight, a, b, scaling)
}
#endif
