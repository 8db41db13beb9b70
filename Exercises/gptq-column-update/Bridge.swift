// What crosses between the checks and the learner's program (see Lessons/FORMAT.md, "Grading").
import LLMCourseKit

#if LEARNER_SIDE
func serveCalls(_ server: LearnerServer) {
    server.handle("gptqColumnStep") { (block: [[Double]], i: Int, uRow: [Double], quantize: RemoteFunction<WireTuple<Double, Int>, Double>) in
        var block = block
        let r = gptqColumnStep(block: &block, column: i, uRow: uRow) { quantize.call(WireTuple($0, $1)) }
        // The block is updated in place: it goes back with the result.
        return WireTuple(r.quantized, r.errors, block)
    }
}
#else
func gptqColumnStep(block: inout [[Double]], column i: Int, uRow: [Double],
                    quantize: (Double, Int) -> Double) -> (quantized: [Double], errors: [Double]) {
    let rows = block.count
    let r: WireTuple<[Double], [Double], [[Double]]> = withoutActuallyEscaping(quantize) { quantize in
        // The learner picks the row: one outside the block gets NaN instead of reaching the
        // checks' quantizer, which indexes its per-row grid with it.
        let remote = Callback { (w: WireTuple<Double, Int>) in (0..<rows).contains(w.values.1) ? quantize(w.values.0, w.values.1) : .nan }
        return learnerCall("gptqColumnStep", block, i, uRow, remote)
    }
    block = r.values.2
    return (quantized: r.values.0, errors: r.values.1)
}
#endif
