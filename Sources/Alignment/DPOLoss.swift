import Foundation
import Autograd
import Tensors

/// The loss functions of Direct Preference Optimization (Rafailov et al. 2023) and its
/// variants, as TRL's `DPOTrainer` names them (`loss_type`).
///
/// Everything depends on one number per pair, how much more the policy prefers the chosen
/// response than the frozen reference does:
/// ```
/// z = (log π(y_w|x) − log π(y_l|x)) − (log π_ref(y_w|x) − log π_ref(y_l|x))
/// sigmoid:  −(1−ε)·log σ(βz) − ε·log σ(−βz)      (ε = label smoothing; ε = 0 is the paper's DPO)
/// ipo:      (z − 1/(2β))²                        (Azar et al. 2023)
/// hinge:    max(0, 1 − βz)                       (SLiC, Zhao et al. 2023)
/// ```
public enum DPOLossType: Sendable, Equatable, CustomStringConvertible {
    case sigmoid(labelSmoothing: Double = 0)
    case ipo
    case hinge

    public var description: String {
        switch self {
        case .sigmoid(let e): e == 0 ? "sigmoid" : "sigmoid (label smoothing \(e))"
        case .ipo: "ipo"
        case .hinge: "hinge"
        }
    }
}

public enum DPOLoss {
    // ANCHOR: dpo-loss
    /// The loss for one pair with preference margin `z`, and its derivative `dL/dz`.
    public static func loss(margin z: Double, beta: Double, type: DPOLossType) -> (value: Double, derivative: Double) {
        switch type {
        case .sigmoid(let e):
            // −log σ(u) = log(1 + e^(−u)), written stably; d/du −log σ(u) = −σ(−u).
            let u = beta * z
            let value = (1 - e) * softplus(-u) + e * softplus(u)
            let derivative = beta * (-(1 - e) * sigmoid(-u) + e * sigmoid(u))
            return (value, derivative)
        case .ipo:
            let d = z - 1 / (2 * beta)
            return (d * d, 2 * d)
        case .hinge:
            let slack = 1 - beta * z
            return slack > 0 ? (slack, -beta) : (0, 0)
        }
    }
    // ANCHOR_END: dpo-loss

    static func sigmoid(_ x: Double) -> Double { x >= 0 ? 1 / (1 + Foundation.exp(-x)) : Foundation.exp(x) / (1 + Foundation.exp(x)) }
    static func softplus(_ x: Double) -> Double { x > 0 ? x + Foundation.log1p(Foundation.exp(-x)) : Foundation.log1p(Foundation.exp(x)) }
}

/// What a DPO batch reports besides its loss (TRL logs the same quantities).
public struct DPOStatistics: Sendable, Equatable {
    public var loss: Double
    /// `β(log π(y_w) − log π_ref(y_w))`, mean over the batch.
    public var chosenReward: Double
    /// `β(log π(y_l) − log π_ref(y_l))`, mean over the batch.
    public var rejectedReward: Double
    /// Share of pairs whose chosen reward exceeds the rejected one.
    public var rewardAccuracy: Double
    public var rewardMargin: Double { chosenReward - rejectedReward }
}

/// The mean DPO loss of a batch as a differentiable scalar, from the policy's log-probabilities
/// (`[B]` Variables) and the frozen reference's (plain numbers: no gradient reaches the reference).
public func dpoLoss(policyChosen: Variable, policyRejected: Variable, referenceChosen: [Double], referenceRejected: [Double],
                    beta: Double, type: DPOLossType) -> (loss: Variable, statistics: DPOStatistics) {
    let n = policyChosen.value.count
    precondition(policyRejected.value.count == n && referenceChosen.count == n && referenceRejected.count == n,
                 "dpoLoss: batch sizes differ (\(n), \(policyRejected.value.count), \(referenceChosen.count), \(referenceRejected.count))")
    var total = 0.0, derivatives = [Double](repeating: 0, count: n)
    var chosenReward = 0.0, rejectedReward = 0.0, correct = 0
    for i in 0..<n {
        let chosenShift = Double(policyChosen.value.scalars[i]) - referenceChosen[i]
        let rejectedShift = Double(policyRejected.value.scalars[i]) - referenceRejected[i]
        let (value, derivative) = DPOLoss.loss(margin: chosenShift - rejectedShift, beta: beta, type: type)
        total += value
        derivatives[i] = derivative
        chosenReward += beta * chosenShift
        rejectedReward += beta * rejectedShift
        if chosenShift > rejectedShift { correct += 1 }
    }
    let mean = Double(max(n, 1))
    let statistics = DPOStatistics(loss: total / mean, chosenReward: chosenReward / mean, rejectedReward: rejectedReward / mean,
                                   rewardAccuracy: Double(correct) / mean)
    let loss = Variable(Tensor(Float(total / mean)), operation: "dpo-loss", parents: [policyChosen, policyRejected]) { g in
        let scaled = derivatives.map { Float($0 / mean) * g.scalar }
        policyChosen.accumulateGrad(Tensor(scaled))            // ∂z/∂log π(y_w) = +1
        policyRejected.accumulateGrad(Tensor(scaled.map { -$0 }))  // ∂z/∂log π(y_l) = −1
    }
    return (loss, statistics)
}
