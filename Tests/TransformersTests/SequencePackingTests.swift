import Tensors
import Testing
import Transformers

@Suite("Sequence packing")
struct SequencePackingTests {
    @Test("two documents in windows of 4: tokens, restarting positions, segments and padding")
    func workedExample() {
        let w = SequencePacking.pack([[5, 6, 7], [8, 9]], length: 4, separator: 0)
        #expect(w.count == 2)
        #expect(w[0] == .init(tokens: [5, 6, 7, 0], positions: [0, 1, 2, 3], segments: [0, 0, 0, 0]))
        #expect(w[1] == .init(tokens: [8, 9, 0, 0], positions: [0, 1, 2, 0], segments: [1, 1, 1, -1]))
    }

    @Test("a document cut by a window boundary keeps counting its positions")
    func cutDocument() {
        let w = SequencePacking.pack([[1, 2], [3, 4, 5, 6]], length: 4, separator: 0)
        #expect(w[0].tokens == [1, 2, 0, 3] && w[0].positions == [0, 1, 2, 0] && w[0].segments == [0, 0, 0, 1])
        #expect(w[1].tokens == [4, 5, 6, 0] && w[1].positions == [1, 2, 3, 4] && w[1].segments == [1, 1, 1, 1])
    }

    @Test("the mask is causal inside each document and empty across documents and for padding")
    func blockDiagonalMask() {
        let w = SequencePacking.pack([[5, 6], [7]], length: 6, separator: 0)[0]   // 5 6 0 | 7 0 | pad
        let expected: [[Bool]] = [
            [true, false, false, false, false, false],
            [true, true, false, false, false, false],
            [true, true, true, false, false, false],
            [false, false, false, true, false, false],
            [false, false, false, true, true, false],
            [false, false, false, false, false, false],
        ]
        #expect(w.mask == expected)
    }

    @Test("every token of every document appears once, in order; padding share against one document per window")
    func conservesTokens() {
        var rng = SplitMix64(seed: 3)
        let documents = (0..<40).map { d in (0..<(1 + rng.nextInt(below: 30))).map { _ in 1 + d } }
        let windows = SequencePacking.pack(documents, length: 16, separator: 0)
        let real = windows.flatMap { w in w.tokens.indices.filter { w.segments[$0] >= 0 }.map { w.tokens[$0] } }
        #expect(real == documents.flatMap { $0 + [0] })
        #expect(windows.allSatisfy { $0.tokens.count == 16 })
        let share = SequencePacking.paddingShare(documents, length: 16)
        let padding = windows.flatMap(\.segments).filter { $0 < 0 }.count
        #expect(abs(share.packed - Double(padding) / Double(windows.count * 16)) < 1e-12)
        #expect(share.padded > share.packed)
    }
}
