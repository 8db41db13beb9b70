import Foundation
import Testing
@testable import Demos

/// The inference chapter's demos in quick mode: the figures they promise and the checks they print.
@Suite struct InferenceDemosTests {
    @Test func kvCacheDemoComparesBothPathsAndCountsTheCache() throws {
        let out = try runDemo("kv-cache")
        // Quick mode: T = 16 and 32 on a 4-layer, 256-wide model: 2·4·4·64·T·4 bytes.
        #expect(out.contains("32 ") && out.contains("256 KiB"), "\(out)")
        #expect(out.contains("the same tokens: yes"))
        #expect(out.contains("positions run through the model: 31 with the cache, 376 without"))
        #expect(out.contains("after 32 tokens the cache holds 256 KiB; the formula"))
        #expect(out.contains("gives 256 KiB"))
        #expect(out.contains("2048 MiB per sequence") && out.contains(": 512 MiB"))
    }

    @Test func flashAttentionDemoAgreesWithPlainAttention() throws {
        let out = try runDemo("flash-attention")
        #expect(out.contains("64 KiB") && out.contains("12 KiB"), "\(out)")
        let differences = out.split(separator: "\n").filter { $0.hasPrefix("64 ") || $0.hasPrefix("128 ") }
            .compactMap { $0.split(separator: " ").last.flatMap { Double($0) } }
        #expect(differences.count == 2 && differences.allSatisfy { $0 < 1e-5 }, "\(differences)")
    }

    @Test func decodeBatchingDemoMeasuresAndPredicts() throws {
        let out = try runDemo("decode-batching")
        #expect(out.contains("memory read: ") && out.contains("GFLOP/s"), "\(out)")
        let rows = out.split(separator: "\n").filter { $0.hasPrefix("1 ") || $0.hasPrefix("4 ") }
        #expect(rows.count == 2, "\(out)")
    }
}
