// What crosses between the checks and the learner's program (see Lessons/FORMAT.md, "Grading").
import LLMCourseKit

#if LEARNER_SIDE
func serveCalls(_ server: LearnerServer) {
    server.handle("absmaxQuantize") { (x: [Float]) in
        let r = absmaxQuantize(x)
        return WireTuple(r.codes, r.step)
    }
    server.handle("zeroPointQuantize") { (x: [Float]) in
        let r = zeroPointQuantize(x)
        return WireTuple(r.codes, r.step, r.zero)
    }
    server.handle("dequantize") { (codes: [Int32], step: Float, zero: Int32) in dequantize(codes, step: step, zero: zero) }
}
#else
func absmaxQuantize(_ x: [Float]) -> (codes: [Int32], step: Float) {
    let r: WireTuple<[Int32], Float> = learnerCall("absmaxQuantize", x)
    return (codes: r.values.0, step: r.values.1)
}

func zeroPointQuantize(_ x: [Float]) -> (codes: [Int32], step: Float, zero: Int32) {
    let r: WireTuple<[Int32], Float, Int32> = learnerCall("zeroPointQuantize", x)
    return (codes: r.values.0, step: r.values.1, zero: r.values.2)
}

func dequantize(_ codes: [Int32], step: Float, zero: Int32 = 0) -> [Float] { learnerCall("dequantize", codes, step, zero) }
#endif
