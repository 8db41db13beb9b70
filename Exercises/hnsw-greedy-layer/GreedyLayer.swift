import LLMCourseKit

/// One layer of an HNSW search: starting at node `start`, repeatedly move to the neighbor
/// whose vector has the largest inner product with `query`, as long as it is strictly larger
/// than the current node's. Returns every node visited, `start` first, the stopping node last.
///
/// `neighbors[i]` lists the nodes linked from node `i`; `vectors[i]` is node `i`'s vector.
/// Equal inner products: the neighbor listed first wins.
func greedyPath(query: [Float], vectors: [[Float]], neighbors: [[Int]], start: Int) -> [Int] {
    // TODO: keep the current node and its similarity; look at all of its neighbors;
    // move to the best one if it beats the current node, otherwise stop.
    return [start]
}
