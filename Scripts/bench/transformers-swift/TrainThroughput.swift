import Foundation
import Autograd
import Tensors
import Transformers

/// Training throughput alone, set up exactly like `transformers_peer.py --workload train`:
/// the tiny GPT (vocabulary 300, 2 layers, 4 heads, width 64, context 64), batch 16 × window 48,
/// AdamW with gradient clipping, windows cut from 100 000 random (seeded) token ids. Ten untimed
/// warm-up steps, then `steps` timed steps; prints one JSON line with tokens/s.
///
/// Besides wall-clock tokens/s it reports tokens per CPU-second of the whole process (all
/// threads), which other processes on a busy machine disturb much less.
///
/// `repeats` > 1 times that many separate blocks of `steps` and reports their median, so a
/// burst of load from other processes on a shared machine moves the result less.
func trainThroughput(steps: Int, repeats: Int) {
    var rng = SplitMix64(seed: 11)
    let data = (0..<100_000).map { _ in rng.nextInt(below: 300) }
    let model = GPT2Model(config: pretrainConfig(vocabularySize: 300), seed: 3)
    // The schedule needs at least its warm-up; it does not change the cost of a step.
    let settings = pretrainSettings(steps: max(200, 10 + steps * repeats))
    let trainer = PreTrainer(model: model, tokens: data, settings: settings)
    for _ in 0..<10 { trainer.step() }
    var times: [Double] = [], cpuTimes: [Double] = []
    var lastLoss: Float = 0
    for _ in 0..<max(1, repeats) {
        let cpuStart = processCPUSeconds()
        times.append(seconds { for _ in 0..<steps { lastLoss = trainer.step() } })
        cpuTimes.append(processCPUSeconds() - cpuStart)
    }
    let (time, cpuTime) = (median(times), median(cpuTimes))
    let tokens = Double(steps * settings.batchSize * settings.windowLength)
    print(#"{"impl": "swift", "model": "gpt2-train", "workload": "train", "steps": \#(steps), "repeats": \#(times.count), "seconds": \#(time), "tokens_per_second": \#(tokens / time), "cpu_seconds": \#(cpuTime), "tokens_per_cpu_second": \#(tokens / cpuTime), "last_loss": \#(lastLoss)}"#)
}

/// CPU time of this process so far (user + system, all threads).
func processCPUSeconds() -> Double {
    var usage = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &usage)
    return Double(usage.tv_sec) + Double(usage.tv_nsec) / 1e9
}
