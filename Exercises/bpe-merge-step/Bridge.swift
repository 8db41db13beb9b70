// What crosses between the checks and the learner's program (see Lessons/FORMAT.md, "Grading").
// Words travel as two lists (ids and counts); a pair as its two ids, with [] for none.
import LLMCourseKit

#if LEARNER_SIDE
func serveCalls(_ server: LearnerServer) {
    server.handle("mostFrequentPair") { (ids: [[Int]], counts: [Int]) -> [Int] in
        guard let best = mostFrequentPair(in: Array(zip(ids, counts)).map { (ids: $0.0, count: $0.1) }) else { return [] }
        return [best.pair.left, best.pair.right, best.count]
    }
    server.handle("merge") { (pair: [Int], id: Int, ids: [[Int]], counts: [Int]) -> [[Int]] in
        merge(BytePairTokenizer.Pair(pair[0], pair[1]), into: id, in: Array(zip(ids, counts)).map { (ids: $0.0, count: $0.1) })
            .map { $0.ids + [$0.count] }
    }
}
#else
func mostFrequentPair(in words: [(ids: [Int], count: Int)]) -> (pair: BytePairTokenizer.Pair, count: Int)? {
    let r: [Int] = learnerCall("mostFrequentPair", words.map(\.ids), words.map(\.count))
    return r.count == 3 ? (BytePairTokenizer.Pair(r[0], r[1]), r[2]) : nil
}

func merge(_ pair: BytePairTokenizer.Pair, into id: Int, in words: [(ids: [Int], count: Int)]) -> [(ids: [Int], count: Int)] {
    let r: [[Int]] = learnerCall("merge", [pair.left, pair.right], id, words.map(\.ids), words.map(\.count))
    return r.map { (ids: Array($0.dropLast()), count: $0.last ?? 0) }
}
#endif
