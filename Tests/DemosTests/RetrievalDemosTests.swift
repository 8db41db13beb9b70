import Foundation
import Testing
@testable import Demos

/// The retrieval chapters' demos print the numbers their lessons quote.
@Suite struct RetrievalDemosTests {
    @Test func vectorSearchRoundTripsAndRejectsADamagedFile() throws {
        let out = try runDemo("vector-search")
        #expect(out.contains("loaded back, the same answers on 20 queries: yes"))
        #expect(out.contains("rejected with HNSWFileError.checksumMismatch"))
        // Recall grows with efSearch and reaches the exact answer.
        let recalls = out.split(separator: "\n").compactMap { line -> Double? in
            let parts = line.split(separator: " ")
            guard parts.count == 2, Int(parts[0]) != nil else { return nil }
            return Double(parts[1])
        }
        #expect(recalls.count == 5 && recalls == recalls.sorted() && recalls.last! >= 0.99)
    }

    @Test func ragPipelineRetrievesTheCacheChunkAndCitesIt() throws {
        let out = try runDemo("rag-pipeline")
        #expect(out.contains("chunk 1 score 1.729 [Memory]"))
        #expect(out.contains("[1] (Memory) The KV cache comes on top"))
        #expect(out.contains("2 of 3 passages fit in 88 of 90 terms"))
    }

    @Test func hybridSearchPrintsTheScoresTheLessonQuotes() throws {
        let out = try runDemo("hybrid-search")
        #expect(out.contains("words                   0.900  0.900"))
        #expect(out.contains("trigrams                1.000  1.000"))
        #expect(out.contains("fused (RRF, k = 60)     0.900  0.950"))
        #expect(out.contains("λ = 0.5: A, C, B (A mixed with C)"))
    }
}
