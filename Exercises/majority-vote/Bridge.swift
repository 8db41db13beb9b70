// What crosses between the checks and the learner's program (see Lessons/FORMAT.md, "Grading").
import LLMCourseKit

#if LEARNER_SIDE
func serveCalls(_ server: LearnerServer) {
    server.handle("majorityVote") { (samples: [String], normalize: RemoteFunction<String, String?>) in
        majorityVote(samples, normalize: normalize.call)
    }
}
#else
func majorityVote(_ samples: [String], normalize: (String) -> String?) -> String? {
    withoutActuallyEscaping(normalize) { normalize in
        learnerCall("majorityVote", samples, Callback(normalize))
    }
}
#endif
