import Autograd
import Tensors

// ANCHOR: penalties
/// L2 penalty `λ · Σ w²` over the given weights, added to the loss. Its gradient `2λw` pulls
/// every weight towards 0 in proportion to its size: large weights shrink fast, small ones
/// barely move. With plain SGD this equals weight decay with rate `2λ`; with Adam it does not
/// (Adam rescales the penalty's gradient with the rest — see ``AdamRule``).
public func l2Penalty(_ weights: [Variable], strength: Float) -> Variable {
    precondition(!weights.isEmpty, "l2Penalty: no weights")
    let terms = weights.map { $0.squared().sum() }
    let total = terms.dropFirst().reduce(terms[0]) { $0 + $1 }
    return total * strength
}

/// L1 penalty `λ · Σ |w|` over the given weights. Its gradient `λ·sign(w)` has the same size for
/// every non-zero weight, so small weights are pushed all the way to 0: L1 makes weights sparse.
public func l1Penalty(_ weights: [Variable], strength: Float) -> Variable {
    precondition(!weights.isEmpty, "l1Penalty: no weights")
    let terms = weights.map { $0.abs().sum() }
    let total = terms.dropFirst().reduce(terms[0]) { $0 + $1 }
    return total * strength
}
// ANCHOR_END: penalties
