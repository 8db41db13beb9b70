/// Everything one run did, step by step, so a demo can print it and a test can compare it.
public struct AgentTrace: Sendable, Equatable {
    public enum Step: Sendable, Equatable {
        case thought(String)
        /// A valid call and what the tool returned (`Error: …` when the tool threw).
        case call(ToolCall, observation: String)
        /// An `Action:` line the parser rejected; the error went back as the observation.
        case malformed(line: String, error: ToolCallError)
        /// A line that is neither thought, action nor answer.
        case other(String)
        case answer(String)
    }

    public enum Stop: Sendable, Equatable {
        case answered
        case stepLimit
        /// The model returned nothing (an untrained model often does).
        case noOutput
    }

    public var prompt: String
    public var steps: [Step] = []
    public var stop: Stop = .stepLimit
    /// The whole transcript: the prompt and every line the model and the tools wrote.
    public var transcript: String

    public var answer: String? {
        if case .answer(let text)? = steps.last { return text }
        return nil
    }

    /// Every call, valid or not, in order.
    public var calls: [ToolCall] {
        steps.compactMap { if case .call(let call, _) = $0 { return call } else { return nil } }
    }

    public var malformedCount: Int {
        steps.filter { if case .malformed = $0 { return true } else { return false } }.count
    }
}

// ANCHOR: loop
/// The agent: a model in a loop with tools.
///
/// ```
/// transcript = Tools: … \n Question: … \n
/// repeat up to maxSteps:
///     line = model.complete(transcript, stop: ["\n"])
///     Answer: x        → stop
///     Action: t[arg]   → parse; run tool t on arg; append "Observation: result"
///     malformed Action → append "Observation: Error: <why>"
///     anything else    → keep the line, ask again
/// ```
/// The step limit is what makes a loop that never answers (a model calling the same tool
/// again and again) end anyway.
public struct AgentLoop {
    public let model: any AgentModel
    public let toolbox: Toolbox
    public var maxSteps: Int

    public init(model: any AgentModel, toolbox: Toolbox, maxSteps: Int = 4) {
        self.model = model
        self.toolbox = toolbox
        self.maxSteps = maxSteps
    }

    /// Runs on `question`; with `useTools: false` the prompt offers no tools.
    public func run(question: String, useTools: Bool = true) throws -> AgentTrace {
        let prompt = ReAct.prompt(question: question, tools: useTools ? toolbox.names : [])
        var trace = AgentTrace(prompt: prompt, transcript: prompt)
        for _ in 0..<maxSteps {
            let line = try model.complete(trace.transcript, stop: ["\n"]).trimmingTrailingWhitespace()
            guard !line.isEmpty else { trace.stop = .noOutput; return trace }
            trace.transcript += line + "\n"
            switch ReAct.Line(line) {
            case .answer(let text):
                trace.steps.append(.answer(text))
                trace.stop = .answered
                return trace
            case .action(let text):
                let observation: String
                switch ToolCall.parse(text, known: toolbox.names) {
                case .success(let call):
                    observation = execute(call)
                    trace.steps.append(.call(call, observation: observation))
                case .failure(let error):
                    observation = "Error: \(error)"
                    trace.steps.append(.malformed(line: text, error: error))
                }
                trace.transcript += ReAct.observation + observation + "\n"
            case .thought(let text):
                trace.steps.append(.thought(text))
            case .other(let text):
                trace.steps.append(.other(text))
            }
        }
        trace.stop = .stepLimit
        return trace
    }

    /// The tool's output, or `Error: …` when it throws: a bad argument is news for the model,
    /// not a reason to stop the program.
    func execute(_ call: ToolCall) -> String {
        guard let tool = toolbox.tool(named: call.tool) else { return "Error: unknown tool" }
        do { return try tool.run(call.argument) } catch { return "Error: \(error)" }
    }
}
// ANCHOR_END: loop
