import Foundation
import LLMCourseKit

func registerChecks(_ suite: CheckSuite) {
    suite.check("the worked example of the pre-training lesson", zh: "預訓練課程中的手算範例") { c in
        // Peak 2e-4, 10 warm-up steps, cosine over the next 10: one step into the decay.
        try c.expectClose(learningRate(step: 11, peak: 2e-4, warmupSteps: 10, totalSteps: 20, floor: 0), Float(1.9510565e-4),
                          atol: 1e-9, rtol: 1e-5, "learningRate(step: 11, peak: 2e-4, warmupSteps: 10, totalSteps: 20, floor: 0)")
    }
    suite.check("warm-up is a straight line from 0 to the peak", zh: "暖身階段是從 0 到峰值的直線") { c in
        try c.expectClose(learningRate(step: 0, peak: 1, warmupSteps: 100, totalSteps: 1000, floor: 0.1), Float(0), "step 0")
        try c.expectClose(learningRate(step: 25, peak: 1, warmupSteps: 100, totalSteps: 1000, floor: 0.1), Float(0.25), "step 25 of 100 warm-up steps")
        try c.expectClose(learningRate(step: 50, peak: 3e-3, warmupSteps: 100, totalSteps: 1000, floor: 3e-4), Float(1.5e-3), atol: 1e-9,
                          "step 50 of 100 warm-up steps, peak 3e-3")
        try c.expectClose(learningRate(step: 100, peak: 3e-3, warmupSteps: 100, totalSteps: 1000, floor: 3e-4), Float(3e-3), atol: 1e-9,
                          "step 100, where the warm-up ends")
    }
    suite.check("halfway through the decay it is midway between peak and floor; at the end it is the floor", zh: "衰減到一半時位於峰值與下限正中間；結束時等於下限") { c in
        try c.expectClose(learningRate(step: 550, peak: 1, warmupSteps: 100, totalSteps: 1000, floor: 0.1), Float(0.55), "step 550 (halfway)")
        try c.expectClose(learningRate(step: 1000, peak: 1, warmupSteps: 100, totalSteps: 1000, floor: 0.1), Float(0.1), "step 1000 (the end)")
        try c.expectClose(learningRate(step: 5000, peak: 1, warmupSteps: 100, totalSteps: 1000, floor: 0.1), Float(0.1), "step 5000 (past the end)")
    }
    suite.check("after the warm-up the rate never rises", zh: "暖身之後學習率不再上升") { c in
        for _ in 0..<5 {
            let warmup = c.int(in: 0...50), total = warmup + c.int(in: 1...200)
            var previous = Float.infinity
            for step in warmup...(total + 5) {
                let rate = learningRate(step: step, peak: 1e-3, warmupSteps: warmup, totalSteps: total, floor: 1e-4)
                try c.expect(rate <= previous + 1e-9, "the rate rose from \(previous) to \(rate) at step \(step) (warm-up \(warmup), total \(total))")
                previous = rate
            }
        }
    }
    suite.check("matches the library's WarmupCosineSchedule on random settings", zh: "在隨機設定上與函式庫的 WarmupCosineSchedule 一致", points: 2) { c in
        for _ in 0..<30 {
            let warmup = c.pick([0, 1, c.int(in: 2...100)])
            let total = warmup + c.pick([0, 1, c.int(in: 2...2000)])
            let peak = c.float(in: 1e-5...1e-2), floor = c.pick([0, peak / 10, peak * c.float(in: 0...0.5)])
            let schedule = WarmupCosineSchedule(peak: peak, warmupSteps: warmup, totalSteps: total, floor: floor)
            for step in [0, 1, warmup, warmup + 1, (warmup + total) / 2, total - 1, total, total + 3, c.int(in: 0...(total + 10))] where step >= 0 {
                try c.expectClose(learningRate(step: step, peak: peak, warmupSteps: warmup, totalSteps: total, floor: floor),
                                  schedule.learningRate(at: step), atol: 1e-9, rtol: 1e-4,
                                  "learningRate(step: \(step), peak: \(peak), warmupSteps: \(warmup), totalSteps: \(total), floor: \(floor))")
            }
        }
    }
}
