/// The ReAct text format the course's agents read and write, one step per line:
///
/// ```
/// Tools: calc lookup                       ← the prompt: which tools exist
/// Question: Ana has 17 boxes of 3 pens …   ← the prompt: the task
/// Action: calc[17*3+4]                     ← the model: a tool call
/// Observation: 55                          ← the loop: the tool's output
/// Answer: 55                               ← the model: the final answer
/// ```
///
/// A model may also write `Thought: …` lines (a real instruct model usually does); the loop
/// records them and asks for the next line. Every line starts with a fixed label, so a parser
/// needs no guessing, and the labels are plain words a character-level model learns quickly.
public enum ReAct {
    public static let tools = "Tools: "
    public static let question = "Question: "
    public static let thought = "Thought: "
    public static let action = "Action: "
    public static let observation = "Observation: "
    public static let answer = "Answer: "
    /// What the `Tools:` line says when the model must answer without tools.
    public static let noTools = "none"

    /// The prompt a run starts from: the tool list and the question, each on its own line.
    public static func prompt(question: String, tools: [String]) -> String {
        "\(Self.tools)\(tools.isEmpty ? noTools : tools.joined(separator: " "))\n\(Self.question)\(question)\n"
    }

    /// What kind of line the model wrote.
    public enum Line: Sendable, Equatable {
        case thought(String)
        case action(String)
        case answer(String)
        /// Anything else (an empty line, a hallucinated `Observation:`, noise).
        case other(String)

        public init(_ text: String) {
            let line = text.trimmingTrailingWhitespace()
            if line.hasPrefix(ReAct.action) { self = .action(line) }
            else if line.hasPrefix(ReAct.answer) { self = .answer(String(line.dropFirst(ReAct.answer.count))) }
            else if line.hasPrefix(ReAct.thought) { self = .thought(String(line.dropFirst(ReAct.thought.count))) }
            else { self = .other(line) }
        }
    }
}
