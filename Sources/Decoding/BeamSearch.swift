import Foundation
import Tensors
import Transformers

// ANCHOR: beam-search
/// Beam search as transformers 5.x runs it (`GenerationMixin._beam_search`).
///
/// Keep `numBeams` running sequences, initially the prompt alone. At each step:
/// 1. every running beam adds `log softmax` of its next-token logits to its score;
/// 2. the best `2·numBeams` (token, beam) continuations are candidates — twice as many as
///    needed, so enough remain if some end here;
/// 3. candidates that end (end-of-sequence, or the last allowed token) and rank among the
///    first `numBeams` enter the finished list with score `Σ log p / Lᵅ`, where `L` counts the
///    generated tokens — the list keeps the best `numBeams`;
/// 4. the best `numBeams` candidates that did not end become the running beams.
/// It stops when no running beam can improve the finished list (see ``EarlyStopping``) or at
/// `maxNewTokens`, and returns the best `numReturnSequences` finished sequences.
///
/// ```swift
/// let best = beamSearch(model, prompt: ids, config: BeamSearchConfig(numBeams: 4, maxNewTokens: 10)).sequences[0]
/// ```
public func beamSearch(_ model: some NextTokenModel, prompt: [Int], config: BeamSearchConfig)
    -> (sequences: [BeamHypothesis], trace: BeamSearchTrace) {
    precondition(!prompt.isEmpty, "beamSearch: the prompt must hold at least one token")
    let n = config.numBeams, alpha = config.lengthPenalty
    let promptLength = prompt.count
    let maxLength = min(promptLength + config.maxNewTokens, model.contextLength)
    let beamsToKeep = max(2, 1 + config.endOfSequence.count) * n
    let dead = -1.0e9  // transformers' "never choose this" score

    // The prompt runs once; the n − 1 other starting beams are copies with score −1e9, so the
    // first step only expands beam 0, as in transformers.
    let promptCache = model.makeCache()
    let promptLogits = model.nextTokenLogits(prompt, cache: promptCache).last!
    var running = (0..<n).map {
        RunningBeam(tokens: prompt, score: $0 == 0 ? 0 : dead, cache: promptCache, logits: promptLogits, traceIndex: nil)
    }
    var finished = [FinishedSlot](repeating: FinishedSlot(tokens: prompt, score: dead, logProbability: dead, isFinished: false),
                                  count: n)
    var trace = BeamSearchTrace()
    var improvementPossible = true
    var length = promptLength

    while true {
        // 1–2. Scores of every continuation of every beam, and the best `beamsToKeep` of them.
        let rows = running.map { beam in
            var logProbabilities = Probabilities.logSoftmax(beam.logits)
            if !config.pipeline.isEmpty {
                var row = logProbabilities.map(Float.init)
                config.pipeline.process(&row, history: beam.tokens)
                logProbabilities = row.map(Double.init)
            }
            return logProbabilities
        }
        let candidates = BeamContinuations.best(beamScores: running.map(\.score), logProbabilities: rows, count: beamsToKeep)
        let ends = candidates.map { config.endOfSequence.contains($0.token) || length + 1 >= maxLength }

        // 3. Finished candidates among the first n compete with the finished list.
        let generated = Double(length + 1 - promptLength)
        let listFull = finished.allSatisfy(\.isFinished) && config.earlyStopping == .whenFull
        var merged = finished
        for (j, c) in candidates.enumerated() {
            let entersList = ends[j] && j < n
            var score = c.total / pow(generated, alpha)
            if listFull { score += dead }
            if !improvementPossible { score += dead }
            if !entersList { score += dead }
            merged.append(FinishedSlot(tokens: running[c.beam].tokens + [c.token], score: score,
                                       logProbability: c.total, isFinished: entersList))
        }
        finished = Probabilities.topK(merged.map(\.score), n).map { merged[$0.index] }

        // 4. The best n candidates that did not end keep running.
        let order = Probabilities.topK(candidates.indices.map { candidates[$0].total + (ends[$0] ? dead : 0) }, n).map(\.index)
        let keptSet = Set(order)
        trace.steps.append(candidates.enumerated().map { j, c in
            BeamSearchTrace.Candidate(parent: running[c.beam].traceIndex, token: c.token, logProbability: c.total,
                                      fate: ends[j] ? (j < n ? .finished : .pruned) : keptSet.contains(j) ? .running : .pruned)
        })
        let parents = running
        running = order.map { j in
            let c = candidates[j]
            return RunningBeam(tokens: parents[c.beam].tokens + [c.token], score: c.total + (ends[j] ? dead : 0),
                               cache: parents[c.beam].cache, logits: [], traceIndex: j)
        }
        length += 1

        // Can a running beam still beat the worst finished sequence?
        let bestLength = config.earlyStopping == .never && alpha > 0 ? maxLength - promptLength : length - promptLength
        let bestRunning = running[0].score / pow(Double(bestLength), alpha)
        let worstFinished = finished.map(\.score).min() ?? dead
        improvementPossible = improvementPossible && finished.contains { bestRunning > ($0.isFinished ? worstFinished : dead) }
        let allDone = finished.allSatisfy(\.isFinished) && config.earlyStopping == .whenFull
        if !improvementPossible || allDone || ends.allSatisfy({ $0 }) { break }

        // Each running beam extends its parent's cache by its newest token.
        for i in running.indices {
            let cache = running[i].cache.copy()
            running[i].logits = model.nextTokenLogits([running[i].tokens.last!], cache: cache).last!
            running[i].cache = cache
        }
    }
    let sequences = finished.prefix(config.numReturnSequences).map {
        BeamHypothesis(tokens: $0.tokens, score: $0.score, logProbability: $0.logProbability,
                       generatedLength: $0.tokens.count - promptLength)
    }
    return (sequences, trace)
}
// ANCHOR_END: beam-search

// ANCHOR: beam-continuations
/// Steps 1–2 of ``beamSearch(_:prompt:config:)``: each beam's score plus its
/// next-token log-probabilities, flattened beam-major, and the best `count`.
///
/// `beamScores` [B], `logProbabilities` B × [V] → `count` × (beam, token,
/// total), best first; ties go to the lower flat index `beam·V + token`.
public enum BeamContinuations {
    public static func best(beamScores: [Double], logProbabilities: [[Double]], count: Int)
        -> [(beam: Int, token: Int, total: Double)] {
        var totals: [Double] = []
        for (score, row) in zip(beamScores, logProbabilities) { totals += row.map { score + $0 } }
        let vocabulary = logProbabilities.first?.count ?? 1
        return Probabilities.topK(totals, count).map {
            (beam: $0.index / vocabulary, token: $0.index % vocabulary, total: $0.value)
        }
    }
}
// ANCHOR_END: beam-continuations

struct RunningBeam {
    var tokens: [Int]
    var score: Double
    var cache: KVCache
    var logits: [Float]
    var traceIndex: Int?
}

struct FinishedSlot {
    var tokens: [Int]
    var score: Double
    var logProbability: Double
    var isFinished: Bool
}
