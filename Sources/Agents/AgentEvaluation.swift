/// How well an agent does on a set of problems, the three numbers the chapter's table reports.
///
/// - validity: the share of `Action:` lines that parse as a call to a known tool;
/// - call accuracy: the share of problems whose calls are exactly the reference calls
///   (same tools, same arguments, same order);
/// - answer accuracy: the share of problems answered with the exact reference answer.
///
/// ```swift
/// let score = try AgentScore.measure(loop, on: heldOut, useTools: true)
/// score.answerAccuracy   // 0.93
/// ```
public struct AgentScore: Sendable, Equatable {
    public var problems = 0
    public var actions = 0
    public var validActions = 0
    public var correctCalls = 0
    public var correctAnswers = 0
    /// Runs that hit the step limit without an answer.
    public var stepLimitHits = 0

    public init() {}

    /// Valid `Action:` lines per `Action:` line; 0 when the model wrote none.
    public var validity: Double { actions == 0 ? 0 : Double(validActions) / Double(actions) }
    public var callAccuracy: Double { problems == 0 ? 0 : Double(correctCalls) / Double(problems) }
    public var answerAccuracy: Double { problems == 0 ? 0 : Double(correctAnswers) / Double(problems) }

    /// Adds one run of `problem` to the counts.
    public mutating func record(_ trace: AgentTrace, for problem: WordProblem) {
        problems += 1
        let actionCount = trace.calls.count + trace.malformedCount
        actions += actionCount
        validActions += trace.calls.count
        if trace.calls == problem.calls { correctCalls += 1 }
        if trace.answer?.trimmingTrailingWhitespace() == problem.answer { correctAnswers += 1 }
        if trace.stop == .stepLimit { stepLimitHits += 1 }
    }

    /// Runs `loop` on every problem and scores the traces; also returns them.
    public static func measure(_ loop: AgentLoop, on problems: [WordProblem], useTools: Bool) throws -> (AgentScore, [AgentTrace]) {
        var score = AgentScore()
        var traces: [AgentTrace] = []
        for problem in problems {
            let trace = try loop.run(question: problem.question, useTools: useTools)
            score.record(trace, for: problem)
            traces.append(trace)
        }
        return (score, traces)
    }
}
