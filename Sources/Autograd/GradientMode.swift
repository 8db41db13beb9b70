/// Whether operations record the graph for back-propagation.
///
/// Recording is on by default. Evaluation and optimizer updates switch it off with
/// ``withNoGrad(_:)`` — no closures are kept, so memory and time drop.
public enum GradientMode {
    /// Per task (and thread), so a demo evaluating in one task does not switch off training in another.
    @TaskLocal public static var isEnabled = true
}

/// Runs `body` without recording gradients (PyTorch's `torch.no_grad()`).
///
/// ```swift
/// let accuracy = withNoGrad { evaluate(model, on: testSet) }
/// ```
public func withNoGrad<Result>(_ body: () throws -> Result) rethrows -> Result {
    try GradientMode.$isEnabled.withValue(false, operation: body)
}
