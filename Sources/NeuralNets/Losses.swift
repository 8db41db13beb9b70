import Foundation
import Autograd
import Tensors

// ANCHOR: crossEntropy
/// Mean cross-entropy between `logits` `[N, C]` (or `[…, C]`) and integer `targets` (one per row).
///
/// `loss = −(1/M) Σₙ log softmax(logitsₙ)[targetₙ]` over the `M` rows whose target is not
/// `ignoreIndex` (padding, prompt tokens). Gradient for a kept row: `(softmax(logitsₙ) − onehot(targetₙ)) / M`;
/// ignored rows get zero. Computed in one node from the log-softmax, so it is stable for any logits.
public func crossEntropy(_ logits: Variable, targets: [Int], ignoreIndex: Int? = nil) -> Variable {
    let classes = logits.value.shape.last ?? 1
    let rows = logits.value.count / Swift.max(classes, 1)
    precondition(targets.count == rows, "crossEntropy: \(targets.count) targets for \(rows) rows of logits \(logits.value.shape)")
    let logProbabilities = logits.value.reshaped([rows, classes]).logSoftmax()
    var total: Double = 0
    var kept = 0
    for (row, target) in targets.enumerated() where target != ignoreIndex {
        precondition(target >= 0 && target < classes, "crossEntropy: target \(target) outside 0..<\(classes) in row \(row)")
        total -= Double(logProbabilities.scalars[row * classes + target])
        kept += 1
    }
    // All rows ignored: PyTorch returns NaN (0/0); a loss of 0 with zero gradient is kinder to training loops.
    let loss = kept > 0 ? Float(total / Double(kept)) : 0
    return Variable(Tensor(loss), operation: "cross-entropy", parents: [logits]) { g in
        guard kept > 0 else { return }
        let scale = g.scalar / Float(kept)
        // softmax = exp(log-softmax), eight lanes at a time.
        var d = Tensor(shape: logProbabilities.shape) { out in
            logProbabilities.scalars.withUnsafeBufferPointer { FastMath.exp($0.baseAddress!, into: out.baseAddress!, count: out.count) }
        }
        d.scalars.withUnsafeMutableBufferPointer { d in
            for (row, target) in targets.enumerated() {
                let base = row * classes
                if target == ignoreIndex {
                    for i in 0..<classes { d[base + i] = 0 }
                } else {
                    d[base + target] -= 1
                    for i in 0..<classes { d[base + i] *= scale }
                }
            }
        }
        logits.accumulateGrad(d.reshaped(logits.value.shape))
    }
}
// ANCHOR_END: crossEntropy

/// Mean squared error `(1/N) Σ (prediction − target)²`; gradient `2(prediction − target)/N`.
public func meanSquaredError(_ prediction: Variable, _ target: Tensor) -> Variable {
    precondition(prediction.value.shape == target.shape, "meanSquaredError: prediction \(prediction.value.shape) vs target \(target.shape)")
    let difference = prediction.value - target
    let n = Float(Swift.max(target.count, 1))
    return Variable(difference.squared().mean(), operation: "mse", parents: [prediction]) { g in
        prediction.accumulateGrad(difference * (2 * g.scalar / n))
    }
}
