import Foundation

extension ContinuousBatcher {
    func dropCancelledAndExpired(_ report: inout StepReport) {
        let now = ContinuousClock.now
        for s in running + waiting {
            if s.cancelled { finish(s, .cancelled, &report) }
            else if let deadline = s.request.deadline, now >= deadline { finish(s, .timeout, &report) }
        }
    }

    // ANCHOR: admit
    /// Moves waiting requests into the running set while slots and blocks allow. Static batching
    /// admits only into an empty running set.
    func admit(_ report: inout StepReport) {
        if policy == .staticBatches && !running.isEmpty { return }
        while running.count < limits.maxRunning, let next = waiting.first {
            if next.table.blocks.isEmpty && sharesPrefixes {
                let shared = prefixCache.longestPrefix(of: next.tokens, blockSize: pool.blockSize,
                                                       limit: (next.tokens.count - 1) / pool.blockSize)
                next.table.adopt(prefix: shared, in: pool)
            }
            // Room for the whole prompt now, and one block to spare for decoding.
            let needed = next.table.blocksNeeded(upTo: next.tokens.count, blockSize: pool.blockSize) + 1
            guard pool.freeCount >= needed || running.isEmpty && pool.freeCount >= needed - 1 else {
                release(next)
                break
            }
            reusedPositions += next.table.length
            next.pending = Array(next.tokens[next.table.length...])
            admissionCounter += 1
            next.admission = admissionCounter
            running.append(waiting.removeFirst())
            report.admitted += 1
        }
    }
    // ANCHOR_END: admit

    /// Each running sequence's chunk for this step, with blocks reserved: decoding sequences
    /// first (one token each), then prefills within the token budget.
    func schedule(_ report: inout StepReport) -> [(ServingSequence, [Int])] {
        var budget = limits.maxBatchTokens
        var chunks: [(ServingSequence, [Int])] = []
        let order = running.filter { $0.pending.count == 1 } + running.filter { $0.pending.count > 1 }
        for s in order where budget > 0 && running.contains(where: { $0 === s }) {
            let chunk = Array(s.pending.prefix(budget))
            while true {
                do {
                    try s.table.reserve(upTo: s.cached + chunk.count, in: pool)
                    break
                } catch {
                    // The pool is dry: the newest sequence goes back to the queue and starts over.
                    guard let victim = running.max(by: { $0.admission < $1.admission }) else { break }
                    preempt(victim, &report)
                    chunks.removeAll { $0.0 === victim }
                    if victim === s { break }
                }
            }
            guard running.contains(where: { $0 === s }) else { continue }
            chunks.append((s, chunk))
            budget -= chunk.count
            let decoding = s.generated > 0 && s.cached == s.tokens.count - 1
            if !decoding { report.prefillTokens += chunk.count }
        }
        return chunks
    }

    func run(_ chunks: [(ServingSequence, [Int])], _ report: inout StepReport) {
        let batch = PagedBatch(chunks.map { PagedBatch.Entry(tokens: $1, start: $0.cached, table: $0.table) })
        report.sequences = chunks.count
        report.batchTokens = batch.tokenCount
        let logits = model.pagedLogits(batch, pool: pool)
        for ((s, chunk), row) in zip(chunks, logits) {
            s.table.length += chunk.count
            s.pending.removeFirst(chunk.count)
            guard s.pending.isEmpty else { continue }  // prefill continues next step
            if !s.prefixRegistered {
                prefixCache.register(tokens: s.request.prompt, table: s.table, blockSize: pool.blockSize)
                s.prefixRegistered = true
            }
            report.sampled += 1
            emitNext(s, logits: row, &report)
        }
    }

    // ANCHOR: emit
    /// Samples, streams and checks the stop conditions, in OpenAI's order: an end-of-sequence
    /// token ends without being shown; a stop string ends with the text before it; then the
    /// length limits.
    func emitNext(_ s: ServingSequence, logits: [Float], _ report: inout StepReport) {
        let token = s.choose(from: logits, endTokens: endTokens)
        if endTokens.contains(token) && !(s.settings.ignoreEndOfSequence && s.request.constraint == nil) {
            finish(s, .stop, &report)
            return
        }
        s.request.constraint?.advance(token: token)
        s.tokens.append(token)
        s.generated += 1
        var text = s.text.append(bytes: tokenBytes(token))
        let logprob = s.settings.logprobs.map { s.logprob(of: token, logits: logits, count: $0) { self.text(of: $0) } }
        let reason: FinishReason? = s.text.stopped != nil || s.request.constraint?.isFinished == true ? .stop
            : s.generated >= s.settings.maxTokens || s.tokens.count >= model.contextLength ? .length : nil
        if reason != nil { text += s.text.flush() }
        s.sink(.token(token, text: text, logprob: logprob))
        if let reason { finish(s, reason, &report) } else { s.pending = [token] }
    }
    // ANCHOR_END: emit

    func text(of token: Int) -> String { String(decoding: tokenBytes(token), as: UTF8.self) }

    func finish(_ s: ServingSequence, _ reason: FinishReason, _ report: inout StepReport) {
        release(s)
        running.removeAll { $0 === s }
        waiting.removeAll { $0 === s }
        report.finished += 1
        s.sink(.finished(reason, promptTokens: s.request.prompt.count, completionTokens: s.generated))
    }

    func preempt(_ s: ServingSequence, _ report: inout StepReport) {
        release(s)
        running.removeAll { $0 === s }
        s.pending = s.tokens
        s.prefixRegistered = false
        waiting.insert(s, at: 0)
        report.preempted += 1
    }

    /// Gives a sequence's blocks back; blocks that become free leave the prefix cache.
    func release(_ s: ServingSequence) {
        for block in s.table.blocks where pool.release(block) { prefixCache.forget(block) }
        s.table = BlockTable()
    }
}
