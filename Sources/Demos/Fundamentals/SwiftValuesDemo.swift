import Foundation
import Fundamentals
import Tensors

/// `llmcourse run swift-values`: copy-on-write watched through buffer addresses, and strides
/// that make a transpose free until someone needs the elements in order.
enum SwiftValuesDemo {
    static let demo = Demo(id: "swift-values", summary: "Copy-on-write seen through buffer addresses; strides, views and contiguous copies",
                           inputs: ["Sources/Demos/Fundamentals", "Sources/Fundamentals"]) { ctx in
        copyOnWrite(ctx)
        views(ctx)
        layoutCost(ctx)
    }

    static func yesNo(_ ctx: DemoContext, _ value: Bool) -> String { value ? ctx.tr("yes") : ctx.tr("no") }

    static func copyOnWrite(_ ctx: DemoContext) {
        let side = ctx.quick ? 256 : 1024
        let megabytes = fixed(Double(side * side * 4) / 1_048_576, 1)
        ctx.heading(ctx.tr("A copy shares the buffer until one side writes"))
        let a = Tensor.zeros([side, side])
        ctx.say("let a = Tensor.zeros([{0}, {0}])   ({1} MB of Float)", String(side), megabytes)
        var b = a
        ctx.say("var b = a            same buffer as a: {0}", yesNo(ctx, BufferIdentity.sharesStorage(a, b)))
        let firstWrite = Stopwatch.time { b[0, 0] = 1 }
        ctx.say("b[0, 0] = 1          same buffer as a: {0}   ({1}: the write copied {2} MB first)",
                yesNo(ctx, BufferIdentity.sharesStorage(a, b)), Stopwatch.format(firstWrite), megabytes)
        let before = BufferIdentity.address(b)
        let secondWrite = Stopwatch.time { b[0, 1] = 2 }
        ctx.say("b[0, 1] = 2          buffer unchanged: {0}   ({1}: b owns it now, no copy)",
                yesNo(ctx, BufferIdentity.address(b) == before), Stopwatch.format(secondWrite))
        ctx.say("a[0, 0] = {0}, b[0, 0] = {1}: a never saw b's writes.", String(a[0, 0]), String(b[0, 0]))
        ctx.say("A function that only reads its argument gets the same buffer: {0}",
                yesNo(ctx, readsInPlace(b, address: BufferIdentity.address(b))))
        ctx.say("An inout argument is written in place, without a copy: {0}", yesNo(ctx, scaleInPlace(&b)))
    }

    /// True when the tensor inside the function sits in the caller's buffer.
    static func readsInPlace(_ t: Tensor, address: UInt) -> Bool { BufferIdentity.address(t) == address }

    /// Doubles the first element; true when the buffer stayed where it was.
    static func scaleInPlace(_ t: inout Tensor) -> Bool {
        let before = BufferIdentity.address(t)
        t.scalars[0] *= 2
        return BufferIdentity.address(t) == before
    }

    static func views(_ ctx: DemoContext) {
        ctx.heading(ctx.tr("Strides: a transpose is a new view of the same numbers"))
        let m = StridedView(rows: 2, columns: 3, values: [1, 2, 3, 4, 5, 6])
        func describe(_ name: String, _ v: StridedView) -> [String] {
            let values = (0..<v.shape.rows).flatMap { i in (0..<v.shape.columns).map { j in String(Int(v[i, j])) } }
            return [name, "[\(v.shape.rows), \(v.shape.columns)]", "[\(v.strides.row), \(v.strides.column)]", String(v.offset),
                    values.joined(separator: " "), yesNo(ctx, BufferIdentity.address(v.storage) == BufferIdentity.address(m.storage)),
                    yesNo(ctx, v.isContiguous)]
        }
        let t = m.transposed()
        ctx.table([ctx.tr("view"), ctx.tr("shape"), ctx.tr("strides"), ctx.tr("offset"), ctx.tr("elements"), ctx.tr("shares m"), ctx.tr("contiguous")], [
            describe("m", m),
            describe("m.transposed()", t),
            describe("m[1..<2, 1..<3]", m.slice(rows: 1..<2, columns: 1..<3)),
            describe("mᵀ.contiguous()", t.contiguous()),
        ])
        ctx.say("Element [i, j] sits at offset + i·stride₀ + j·stride₁; only .contiguous() moved numbers.")
    }

    static func layoutCost(_ ctx: DemoContext) {
        let side = ctx.quick ? 512 : 2048
        ctx.heading(ctx.tr("What a stride costs: summing a {0}×{0} matrix", String(side)))
        var rng = SplitMix64(seed: ctx.seed)
        let m = StridedView(rows: side, columns: side, values: (0..<(side * side)).map { _ in rng.nextUniform() })
        let t = m.transposed()
        var sink: Float = 0
        let rowMajor = Stopwatch.best(of: 3) { sink += m.sum() }
        let strided = Stopwatch.best(of: 3) { sink += t.sum() }
        let copy = Stopwatch.best(of: 3) { sink += t.contiguous().sum() }
        ctx.table([ctx.tr("walk"), ctx.tr("step in memory"), ctx.tr("time"), ctx.tr("vs row-major")], [
            [ctx.tr("m, row by row"), "1", Stopwatch.format(rowMajor), "1.0×"],
            [ctx.tr("mᵀ view, row by row"), String(side), Stopwatch.format(strided), fixed(strided / rowMajor, 1) + "×"],
            [ctx.tr("mᵀ.contiguous(), then sum"), "1", Stopwatch.format(copy), fixed(copy / rowMajor, 1) + "×"],
        ])
        ctx.say("Same numbers, same sum ({0}); jumping {1} floats at a time misses the cache on every read.",
                fixed(Double(m.sum()), 1), String(side))
        _ = sink
    }
}

/// Wall-clock timing for the demos.
enum Stopwatch {
    /// Seconds `body` takes, once.
    static func time(_ body: () -> Void) -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    /// The fastest of `runs` timings: the run least disturbed by other work on the machine.
    static func best(of runs: Int, _ body: () -> Void) -> Double {
        (0..<runs).map { _ in time(body) }.min() ?? 0
    }

    /// "12.3 ms", "4.5 µs", "1.23 s".
    static func format(_ seconds: Double) -> String {
        if seconds >= 1 { return String(format: "%.2f s", seconds) }
        if seconds >= 1e-3 { return String(format: "%.1f ms", seconds * 1e3) }
        return String(format: "%.1f µs", seconds * 1e6)
    }
}
