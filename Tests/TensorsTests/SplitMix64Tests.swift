import Testing
@testable import Tensors

@Suite struct SplitMix64Tests {
    @Test func knownSequence() {
        // Reference values of SplitMix64 seeded with 0 (as in Vigna's splitmix64.c).
        var rng = SplitMix64(seed: 0)
        #expect(rng.next() == 0xE220_A839_7B1D_CDAF)
        #expect(rng.next() == 0x6E78_9E6A_A1B9_65F4)
    }

    @Test func uniformAndNormalStatistics() {
        var rng = SplitMix64(seed: 1)
        let u = Tensor.uniform([20_000], using: &rng)
        #expect(u.scalars.allSatisfy { $0 >= 0 && $0 < 1 })
        #expect(Swift.abs(u.mean().scalar - 0.5) < 0.01)
        let z = Tensor.normal([20_000], mean: 2, std: 3, using: &rng)
        let mean = z.mean().scalar
        let variance = (z - mean).squared().mean().scalar
        #expect(Swift.abs(mean - 2) < 0.1 && Swift.abs(variance.squareRoot() - 3) < 0.1)
    }

    @Test func sameSeedSameNumbers() {
        var a = SplitMix64(seed: 5), b = SplitMix64(seed: 5)
        #expect(Tensor.normal([10], using: &a) == Tensor.normal([10], using: &b))
        #expect(a.permutation(10).sorted() == Array(0..<10))
        #expect((0..<1000).allSatisfy { _ in a.nextInt(below: 7) < 7 })
    }
}
