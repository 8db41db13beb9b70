// What crosses between the checks and the learner's program (see Lessons/FORMAT.md, "Grading").
import LLMCourseKit

#if LEARNER_SIDE
func serveCalls(_ server: LearnerServer) {
    server.handle("renderChatML") { (roles: [String], contents: [String], addGenerationPrompt: Bool) in
        renderChatML(roles: roles, contents: contents, addGenerationPrompt: addGenerationPrompt)
    }
}
#else
func renderChatML(roles: [String], contents: [String], addGenerationPrompt: Bool) -> String {
    learnerCall("renderChatML", roles, contents, addGenerationPrompt)
}
#endif
