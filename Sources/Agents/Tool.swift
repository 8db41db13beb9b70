/// A tool an agent can call: a name the model writes, a description for a prompt, and a
/// function from the argument text to the observation text.
///
/// `run` throws for a bad argument (a calculator's syntax error, a lookup that finds
/// nothing); the loop turns the error into an `Observation: Error: …` line rather than
/// stopping, so the model gets a chance to correct itself, as a person reading an error would.
public protocol Tool: Sendable {
    var name: String { get }
    var description: String { get }
    func run(_ argument: String) throws -> String
}

/// The tools one agent may call, found by name.
public struct Toolbox: Sendable {
    public let tools: [any Tool]

    public init(_ tools: [any Tool]) {
        precondition(Set(tools.map(\.name)).count == tools.count, "Toolbox: two tools share a name")
        self.tools = tools
    }

    public var names: [String] { tools.map(\.name) }

    public func tool(named name: String) -> (any Tool)? { tools.first { $0.name == name } }

    /// One line per tool, `name: description`, for the prompt of a model that reads instructions.
    public var manual: String { tools.map { "\($0.name): \($0.description)" }.joined(separator: "\n") }
}
