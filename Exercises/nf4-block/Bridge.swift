// What crosses between the checks and the learner's program (see Lessons/FORMAT.md, "Grading").
import LLMCourseKit

#if LEARNER_SIDE
func serveCalls(_ server: LearnerServer) {
    server.handle("nf4QuantizeBlock") { (values: [Float]) in
        let r = nf4QuantizeBlock(values)
        return WireTuple(r.codes, r.absmax)
    }
    server.handle("nf4DequantizeBlock") { (codes: [UInt8], absmax: Float) in nf4DequantizeBlock(codes, absmax: absmax) }
}
#else
/// The checks measure the codes against the levels: the library's table, not the learner's copy.
let nf4Levels: [Float] = NF4.levels

func nf4QuantizeBlock(_ values: [Float]) -> (codes: [UInt8], absmax: Float) {
    let r: WireTuple<[UInt8], Float> = learnerCall("nf4QuantizeBlock", values)
    return (codes: r.values.0, absmax: r.values.1)
}

func nf4DequantizeBlock(_ codes: [UInt8], absmax: Float) -> [Float] { learnerCall("nf4DequantizeBlock", codes, absmax) }
#endif
