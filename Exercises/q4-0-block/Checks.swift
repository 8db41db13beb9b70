import LLMCourseKit

func registerChecks(_ suite: CheckSuite) {
    suite.check("a block worked by hand", zh: "一個手算的區塊") { c in
        var x = [Float](repeating: 0, count: 32)
        x[0] = -4; x[1] = 1; x[16] = 2
        // m = −4, d = 0.5: −4 → 0, 1 → 10, 2 → 12, 0 → 8.
        let bytes = packQ4_0(x)
        try c.expectEqual(bytes.count, 18, "bytes in a Q4_0 block")
        try c.expectEqual(Array(bytes[0..<2]), [0x00, 0x38], "fp16 of d = 0.5, little-endian")
        try c.expectEqual(bytes[2], 0xC0, "byte 2: code 0 (low) and code 12 (high)")
        try c.expectEqual(bytes[3], 0x8A, "byte 3: code 10 (low) and code 8 (high)")
    }
    suite.check("matches the library on random blocks", zh: "在隨機區塊上與函式庫一致", points: 2) { c in
        for _ in 0..<50 {
            let x = c.normals(32, mean: 0, std: c.float(in: 0.01...3))
            try c.expectEqual(packQ4_0(x), Q4_0.pack(x[...]), "packQ4_0(x)")
        }
    }
    // Half a step everywhere, except that the side opposite m stops at +7·d: up to one step there.
    suite.check("unpacking gives each value back within one step", zh: "解包後每個值的誤差在一個刻度內") { c in
        for _ in 0..<20 {
            let x = c.floats(32, in: -2...2)
            let back = Q4_0.unpack(packQ4_0(x)[...])
            let step = (x.map { abs($0) }.max() ?? 0) / 8
            try c.expectClose(back, x, atol: step * 1.01, rtol: 0, "Q4_0 round trip")
        }
    }
    suite.check("a block of zeros packs to a zero scale and codes of 8", zh: "全為零的區塊打包成縮放為零、編碼皆為 8") { c in
        let bytes = packQ4_0([Float](repeating: 0, count: 32))
        // d = 0 / −8 is −0.0 in IEEE arithmetic, as in llama.cpp: either zero reads back as 0.
        try c.expectEqual(HalfPrecision.float(float16Bits: UInt16(bytes[0]) | UInt16(bytes[1]) << 8), 0, "the scale")
        try c.expect(bytes[2...].allSatisfy { $0 == 0x88 }, "every nibble should hold code 8")
    }
}
