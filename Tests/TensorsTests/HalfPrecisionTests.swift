import Testing
@testable import Tensors

@Suite struct HalfPrecisionTests {
    @Test func float16EdgeCases() {
        let cases: [(Float, UInt16)] = [
            (0, 0x0000), (-0.0, 0x8000), (1, 0x3C00), (-2, 0xC000),
            (65504, 0x7BFF),                       // largest finite
            (65520, 0x7C00),                       // halfway to the next: rounds to even → infinity
            (65519, 0x7BFF),
            (.infinity, 0x7C00), (-.infinity, 0xFC00),
            (0x1p-14, 0x0400),                     // smallest normal
            (0x1p-24, 0x0001),                     // smallest subnormal
            (0x1p-25, 0x0000),                     // exactly half of it: ties to even → 0
            (0x1.8p-25, 0x0001),                   // above half → rounds up
            (1 + 0x1p-11, 0x3C00),                 // halfway between 1 and next: even (down)
            (1 + 0x3p-11, 0x3C02),                 // halfway, odd below: up
            (0.1, 0x2E66),
        ]
        for (value, bits) in cases {
            #expect(HalfPrecision.float16Bits(value) == bits, "\(value)")
        }
        #expect(HalfPrecision.float(float16Bits: 0x7E00).isNaN)
        #expect(HalfPrecision.float16Bits(.nan) & 0x7C00 == 0x7C00 && HalfPrecision.float16Bits(.nan) & 0x3FF != 0)
    }

    @Test func float16AgreesWithTheStandardLibraryOnRandomValues() {
        var rng = SplitMix64(seed: 11)
        for _ in 0..<20_000 {
            // Random bit patterns cover every exponent, subnormals and out-of-range values.
            let value = Float(bitPattern: UInt32(truncatingIfNeeded: rng.next()))
            if value.isNaN { continue }
            #expect(HalfPrecision.float16Bits(value) == Float16(value).bitPattern, "\(value)")
        }
        for bits in UInt16(0)...UInt16.max where !Float16(bitPattern: bits).isNaN {
            #expect(HalfPrecision.float(float16Bits: bits) == Float(Float16(bitPattern: bits)))
        }
    }

    @Test func bfloat16RoundsToNearestEven() {
        #expect(HalfPrecision.bfloat16Bits(1) == 0x3F80)
        #expect(HalfPrecision.bfloat16Bits(Float(bitPattern: 0x3F80_8000)) == 0x3F80)   // tie, even stays
        #expect(HalfPrecision.bfloat16Bits(Float(bitPattern: 0x3F81_8000)) == 0x3F82)   // tie, odd rounds up
        #expect(HalfPrecision.bfloat16Bits(Float(bitPattern: 0x3F80_8001)) == 0x3F81)
        #expect(HalfPrecision.bfloat16Bits(.greatestFiniteMagnitude) == 0x7F80)         // rounds to infinity
        #expect(HalfPrecision.bfloat16Bits(-.infinity) == 0xFF80)
        #expect(HalfPrecision.float(bfloat16Bits: HalfPrecision.bfloat16Bits(.nan)).isNaN)
        #expect(HalfPrecision.float(bfloat16Bits: 0x4049) == 3.140625)
        let t = Tensor([1, -2.5, 0.1])
        #expect(Tensor(shape: [3], bfloat16Bits: t.bfloat16Bits()).isClose(to: t, rtol: 4e-3))
        #expect(Tensor(shape: [3], float16Bits: t.float16Bits()).isClose(to: t, rtol: 5e-4))
    }
}
