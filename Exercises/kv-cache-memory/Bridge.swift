// What crosses between the checks and the learner's program (see Lessons/FORMAT.md, "Grading").
import LLMCourseKit

#if LEARNER_SIDE
func serveCalls(_ server: LearnerServer) {
    server.handle("kvCacheBytes") { (shape: [Int]) in
        kvCacheBytes(layers: shape[0], kvHeads: shape[1], headSize: shape[2], tokens: shape[3], batch: shape[4], bytesPerValue: shape[5])
    }
    server.handle("positionsProcessed") { (prompt: Int, newTokens: Int, cached: Bool) in
        positionsProcessed(prompt: prompt, newTokens: newTokens, cached: cached)
    }
}
#else
func kvCacheBytes(layers: Int, kvHeads: Int, headSize: Int, tokens: Int, batch: Int, bytesPerValue: Int) -> Int {
    learnerCall("kvCacheBytes", [layers, kvHeads, headSize, tokens, batch, bytesPerValue])
}

func positionsProcessed(prompt: Int, newTokens: Int, cached: Bool) -> Int {
    learnerCall("positionsProcessed", prompt, newTokens, cached)
}
#endif
