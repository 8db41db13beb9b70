import Foundation
import LLMCourseKit

// The reference answer: the library's MinHash (Sources/FineTuning/Data/MinHash.swift, region
// "minhash") and LSH bands (Sources/FineTuning/Data/MinHashLSH.swift, region "bands";
// Sources/FineTuning/Data/LSHBands.swift, region "s-curve").
func minHashSignature(hashes: [UInt32], a: [UInt64], b: [UInt64]) -> [UInt32] {
    MinHash(a: a, b: b, scheme: .mersenne).signature(ofHashes: hashes)
}

func bandKeys(signature: [UInt32], bands: Int, rows: Int) -> [[UInt32]] {
    MinHashLSH.bandKeys(signature, bands: LSHBands(bands: bands, rows: rows))
}

func isCandidate(_ x: [UInt32], _ y: [UInt32], bands: Int, rows: Int) -> Bool {
    MinHashLSH.isCandidate(x, y, bands: LSHBands(bands: bands, rows: rows))
}

func candidateProbability(similarity s: Double, bands: Int, rows: Int) -> Double {
    LSHBands(bands: bands, rows: rows).candidateProbability(s)
}
