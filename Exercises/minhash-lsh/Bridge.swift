// What crosses between the checks and the learner's program (see Lessons/FORMAT.md, "Grading").
import LLMCourseKit

#if LEARNER_SIDE
func serveCalls(_ server: LearnerServer) {
    server.handle("minHashSignature") { (hashes: [UInt32], a: [UInt64], b: [UInt64]) in minHashSignature(hashes: hashes, a: a, b: b) }
    server.handle("bandKeys") { (signature: [UInt32], bands: Int, rows: Int) in bandKeys(signature: signature, bands: bands, rows: rows) }
    server.handle("isCandidate") { (x: [UInt32], y: [UInt32], bands: Int, rows: Int) in isCandidate(x, y, bands: bands, rows: rows) }
    server.handle("candidateProbability") { (s: Double, bands: Int, rows: Int) in candidateProbability(similarity: s, bands: bands, rows: rows) }
}
#else
func minHashSignature(hashes: [UInt32], a: [UInt64], b: [UInt64]) -> [UInt32] { learnerCall("minHashSignature", hashes, a, b) }

func bandKeys(signature: [UInt32], bands: Int, rows: Int) -> [[UInt32]] { learnerCall("bandKeys", signature, bands, rows) }

func isCandidate(_ x: [UInt32], _ y: [UInt32], bands: Int, rows: Int) -> Bool { learnerCall("isCandidate", x, y, bands, rows) }

func candidateProbability(similarity s: Double, bands: Int, rows: Int) -> Double {
    learnerCall("candidateProbability", s, bands, rows)
}
#endif
