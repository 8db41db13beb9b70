// What crosses between the checks and the learner's program (see Lessons/FORMAT.md, "Grading").
import LLMCourseKit

#if LEARNER_SIDE
func serveCalls(_ server: LearnerServer) {
    server.handle("blocksToAdd") { (shape: [Int]) in
        blocksToAdd(held: shape[0], cached: shape[1], newTokens: shape[2], blockSize: shape[3])
    }
    server.handle("locate") { (position: Int, blocks: [Int], blockSize: Int) in
        locate(position: position, blocks: blocks, blockSize: blockSize)
    }
    server.handle("reusablePositions") { (prompt: [Int], earlier: [[Int]], blockSize: Int) in
        reusablePositions(prompt: prompt, earlier: earlier, blockSize: blockSize)
    }
}
#else
func blocksToAdd(held: Int, cached: Int, newTokens: Int, blockSize: Int) -> Int {
    learnerCall("blocksToAdd", [held, cached, newTokens, blockSize])
}

func locate(position: Int, blocks: [Int], blockSize: Int) -> [Int] {
    learnerCall("locate", position, blocks, blockSize)
}

func reusablePositions(prompt: [Int], earlier: [[Int]], blockSize: Int) -> Int {
    learnerCall("reusablePositions", prompt, earlier, blockSize)
}
#endif
