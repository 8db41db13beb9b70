import Foundation
import Testing
import Tensors
@testable import Quantization

@Suite("GGUF files and llama.cpp block formats")
struct GGUFTests {
    func sample(_ count: Int, seed: UInt64 = 5) -> [Float] {
        var rng = SplitMix64(seed: seed)
        return (0..<count).map { _ in rng.nextNormal() }
    }

    @Test("Q4_0: d = max/−8, low nibbles hold the first 16 values")
    func q4Block() {
        var block = [Float](repeating: 0, count: 32)
        block[0] = -4; block[16] = 2; block[1] = 1
        let bytes = Q4_0.pack(block[...])
        #expect(bytes.count == 18)
        // m = −4 → d = 0.5: −4 → code 0, 2 → 12, 1 → 10, 0 → 8
        #expect(HalfPrecision.float(float16Bits: UInt16(bytes[0]) | UInt16(bytes[1]) << 8) == 0.5)
        #expect(bytes[2] == 0x00 | (12 << 4))
        #expect(bytes[3] == 10 | (8 << 4))
        #expect(Q4_0.unpack(bytes[...])[0..<2] == [-4, 1])
        #expect(Q4_0.unpack(bytes[...])[16] == 2)
    }

    @Test("Q8_0 and Q4_0 round trips stay within half a step per block")
    func blockRoundTrip() {
        let x = sample(64)
        for type in [GGMLTensorType.q8_0, .q4_0] {
            let back = type.decode(type.encode(x)[...], count: 64)
            for b in 0..<2 {
                let amax = x[(b * 32)..<(b * 32 + 32)].map(abs).max()!
                let step = type == .q8_0 ? amax / 127 : amax / 8
                for i in (b * 32)..<(b * 32 + 32) { #expect(abs(back[i] - x[i]) <= step * 0.5 + 1e-3 * amax) }
            }
        }
    }

    @Test("write, read back: metadata, shapes (reversed on disk), aligned data, values")
    func roundTrip() throws {
        let w = sample(2 * 64)
        var file = GGUFFile(metadata: [("general.architecture", .string("llama")), ("llama.block_count", .uint32(2)),
                                       ("tokenizer.ggml.tokens", .strings(["a", "b"])), ("x.f", .float32(0.5))])
        for type in GGMLTensorType.allCases {
            file.tensors.append(try GGUFTensor(name: "t.\(type)", shape: [2, 64], values: w, type: type))
        }
        let bytes = try file.encoded()
        #expect(Array(bytes[0..<4]) == Array("GGUF".utf8))
        let back = try GGUFFile(bytes: bytes)
        #expect(back["general.alignment"] == .uint32(32))
        #expect(back["llama.block_count"]?.integer == 2)
        #expect(back["tokenizer.ggml.tokens"] == .strings(["a", "b"]))
        for t in file.tensors {
            let r = try #require(back.tensor(named: t.name))
            #expect(r.shape == [2, 64] && r.type == t.type && r.values() == t.values())
        }
        #expect(back.tensor(named: "t.f32")?.values() == w)
    }

    @Test("corrupt files give clear errors")
    func corrupt() throws {
        var file = GGUFFile(metadata: [("general.name", .string("x"))])
        file.tensors.append(try GGUFTensor(name: "w", shape: [1, 32], values: sample(32), type: .q8_0))
        let good = try file.encoded()
        #expect(throws: GGUFError.notGGUF(firstBytes: Array("GGUX".utf8))) { try GGUFFile(bytes: Array("GGUX".utf8) + good.dropFirst(4)) }
        var v2 = good; v2[4] = 2
        #expect(throws: GGUFError.unsupportedVersion(2)) { try GGUFFile(bytes: v2) }
        #expect(throws: GGUFError.self) { try GGUFFile(bytes: Array(good.dropLast(40))) }
        #expect(throws: GGUFError.self) { try GGUFFile(bytes: Array(good.prefix(30))) }
        var huge = good; huge[8 + 7] = 0x7F    // tensor count ≈ 2^62
        #expect(throws: GGUFError.implausibleCount(what: "tensors", count: UInt64(0x7F) << 56 | 1)) { try GGUFFile(bytes: huge) }
        #expect(throws: GGUFError.notWholeBlocks(tensor: "v", innermost: 48, blockSize: 32)) {
            try GGUFTensor(name: "v", shape: [48], values: sample(48), type: .q4_0)
        }
        let message = GGUFError.truncated(at: 10, needed: 8, fileSize: 12).description
        #expect(message.contains("truncated"))
    }
}
