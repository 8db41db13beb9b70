import Foundation
import LLMCourseKit

func registerChecks(_ suite: CheckSuite) {
    let p = MinHash.mersennePrime

    suite.check("signatures worked by hand, wrap-around included", zh: "手算的簽章，包含 64 位元溢位繞回") { c in
        // Slot 0: min(3·1 + 7, 3·2 + 7) = 10; slot 1: min(5·1 + 1, 5·2 + 1) = 6.
        try c.expectEqual(minHashSignature(hashes: [1, 2], a: [3, 5], b: [7, 1]), [10, 6], "hashes [1, 2], a [3, 5], b [7, 1]")
        // 2^60 · 16 = 2^64 wraps to 0 in 64 bits, so the slot is 5 (exact arithmetic would give 2^64 + 5 ≡ 13).
        try c.expectEqual(minHashSignature(hashes: [16], a: [1 << 60], b: [5]), [5], "a = 2^60, x = 16, b = 5")
        // p − 2 = 2^61 − 3 keeps its low 32 bits: 0xFFFF_FFFD.
        try c.expectEqual(minHashSignature(hashes: [1], a: [1], b: [p - 3]), [0xFFFF_FFFD], "a = 1, x = 1, b = p − 3")
    }
    suite.check("the empty set leaves every slot at UInt32.max", zh: "空集合讓每一格都停在 UInt32.max") { c in
        try c.expectEqual(minHashSignature(hashes: [], a: [3, 5, 7], b: [1, 2, 3]), [.max, .max, .max], "no hashes")
    }
    suite.check("matches the library on random sets and parameters", zh: "在隨機集合與參數上與函式庫一致", points: 2) { c in
        for _ in 0..<20 {
            let minHash = MinHash(numPerm: c.int(in: 1...64), seed: c.rng.next())
            let hashes = (0..<c.int(in: 1...40)).map { _ in UInt32(truncatingIfNeeded: c.rng.next()) }
            try c.expectEqual(minHashSignature(hashes: hashes, a: minHash.a, b: minHash.b), minHash.signature(ofHashes: hashes),
                              "\(minHash.numPerm) permutations of \(hashes.count) hashes")
        }
    }
    suite.check("equal slots estimate the Jaccard similarity", zh: "相等格子的比例估計 Jaccard 相似度") { c in
        for _ in 0..<3 {
            let (shared, onlyX, onlyY) = (c.int(in: 0...60), c.int(in: 0...40), c.int(in: 0...40))
            var distinct = Set<UInt32>()
            while distinct.count < shared + onlyX + onlyY + 1 { distinct.insert(UInt32(truncatingIfNeeded: c.rng.next())) }
            let all = Array(distinct)
            let x = Array(all[0 ..< shared + onlyX]), y = Array(all[0 ..< shared] + all[shared + onlyX ..< shared + onlyX + onlyY + 1])
            let j = Double(shared) / Double(shared + onlyX + onlyY + 1)
            let minHash = MinHash(numPerm: 256, seed: c.rng.next())
            let sx = minHashSignature(hashes: x, a: minHash.a, b: minHash.b), sy = minHashSignature(hashes: y, a: minHash.a, b: minHash.b)
            try c.expectEqual(sx.count, 256, "slots in a signature of 256 permutations")
            let estimate = Double(zip(sx, sy).filter { $0 == $1 }.count) / 256
            // Four standard errors √(J(1 − J)/256), plus one step of 1/256.
            try c.expect(abs(estimate - j) <= 4 * (j * (1 - j) / 256).squareRoot() + 1.0 / 256,
                         "sets of Jaccard \(j): the signatures agree in a share \(estimate) of their slots")
        }
    }
    suite.check("band keys are consecutive slots; slots past b·r are unused", zh: "帶的鍵是連續的格子；b·r 之後的格子不用") { c in
        try c.expectEqual(bandKeys(signature: [1, 2, 3, 4, 5, 6, 7], bands: 3, rows: 2), [[1, 2], [3, 4], [5, 6]], "7 slots as 3 bands of 2 rows")
        for _ in 0..<10 {
            let (b, r) = (c.int(in: 1...8), c.int(in: 1...8))
            let signature = (0 ..< b * r + c.int(in: 0...5)).map { _ in UInt32(truncatingIfNeeded: c.rng.next()) }
            try c.expectEqual(bandKeys(signature: signature, bands: b, rows: r),
                              MinHashLSH.bandKeys(signature, bands: LSHBands(bands: b, rows: r)), "\(signature.count) slots as \(b) bands of \(r) rows")
        }
    }
    suite.check("a candidate pair agrees in all the rows of some band", zh: "候選配對在某一帶的所有列上都相同") { c in
        try c.expect(isCandidate([1, 2, 3, 4, 5, 6], [9, 9, 3, 4, 9, 9], bands: 3, rows: 2), "band 1 agrees: a candidate")
        try c.expect(!isCandidate([1, 2, 3, 4, 5, 6], [1, 9, 9, 4, 5, 9], bands: 3, rows: 2), "every band differs somewhere: not a candidate")
        try c.expect(!isCandidate([1, 2, 3, 4, 5, 6, 7], [9, 9, 9, 9, 9, 9, 7], bands: 3, rows: 2), "only the unused last slot agrees")
        for _ in 0..<30 {
            let (b, r) = (c.int(in: 1...6), c.int(in: 1...4))
            let x = (0 ..< b * r).map { _ in UInt32(c.int(in: 0...2)) }, y = (0 ..< b * r).map { _ in UInt32(c.int(in: 0...2)) }
            try c.expectEqual(isCandidate(x, y, bands: b, rows: r), MinHashLSH.isCandidate(x, y, bands: LSHBands(bands: b, rows: r)),
                              "isCandidate(\(x), \(y), bands: \(b), rows: \(r))")
        }
    }
    suite.check("the S-curve 1 − (1 − s^r)^b", zh: "S 曲線 1 − (1 − s^r)^b") { c in
        // 20 bands of 5 rows at s = 0.8: a band agrees with probability 0.8⁵ = 0.32768, some band with 1 − 0.67232²⁰.
        try c.expectClose(candidateProbability(similarity: 0.8, bands: 20, rows: 5), 1 - pow(0.67232, 20), atol: 1e-12, "b = 20, r = 5, s = 0.8")
        try c.expectClose(candidateProbability(similarity: 0, bands: 9, rows: 13), 0, atol: 0, "s = 0")
        try c.expectClose(candidateProbability(similarity: 1, bands: 9, rows: 13), 1, atol: 0, "s = 1")
        for _ in 0..<20 {
            let (s, b, r) = (c.double(in: 0...1), c.int(in: 1...50), c.int(in: 1...30))
            try c.expectClose(candidateProbability(similarity: s, bands: b, rows: r), LSHBands(bands: b, rows: r).candidateProbability(s),
                              atol: 1e-12, rtol: 1e-9, "b = \(b), r = \(r), s = \(s)")
        }
    }
}
