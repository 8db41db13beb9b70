/// How the learner's program stopped during a graded run, as the checks program reports it
/// to the grader (the `learner_stopped` event, the last line the checks program writes).
public struct LearnerStop: Codable, Equatable, Sendable {
    public enum Reason: String, Codable, Sendable {
        /// It exited or crashed on its own (the wait status says how).
        case exited
        /// The run's wall-clock limit passed; it was killed.
        case timedOut = "timed_out"
        /// It printed more than the output cap; it was killed.
        case outputExceeded = "output_exceeded"
        /// It answered something that is not a result of the function called.
        case protocolViolation = "protocol_violation"
        /// It could not be started at all.
        case couldNotStart = "could_not_start"
    }

    /// The raw status from `waitpid`.
    public var waitStatus: Int32
    public var reason: Reason
    /// What the learner's side said, for a protocol violation (e.g. "no function matmul is served").
    public var detail: String?

    public init(waitStatus: Int32, reason: Reason, detail: String? = nil) {
        self.waitStatus = waitStatus
        self.reason = reason
        self.detail = detail
    }

    enum CodingKeys: String, CodingKey {
        case reason, detail
        case waitStatus = "wait_status"
    }
}
