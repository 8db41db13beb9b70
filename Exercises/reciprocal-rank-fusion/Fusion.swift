import LLMCourseKit

/// Reciprocal rank fusion: every id in the rankings gets `Σ 1 / (k + rank)` over the rankings
/// that contain it, with rank counted from 1. Returns all ids, highest fused score first;
/// equal scores in order of lower id. An id listed twice in one ranking counts once there,
/// at its first (best) position.
func reciprocalRankFusion(_ rankings: [[Int]], k: Double) -> [Int] {
    // TODO: add up 1 / (k + rank) per id in a dictionary.
    // TODO: sort the ids by score (high first), then by id (low first).
    return []
}
