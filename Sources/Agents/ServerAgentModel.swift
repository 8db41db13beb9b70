import Foundation
import LoadTesting

/// An instruct model behind an OpenAI-compatible server (`llmcourse serve`, llama.cpp's server,
/// vLLM) as an ``AgentModel``: one `POST /v1/completions` per line the loop asks for, greedy,
/// with the loop's stop strings.
///
/// Such a model never saw the course's ReAct format in training, so give the loop a prompt that
/// teaches it: the tool manual and a worked example (the chapter shows one).
///
/// ```swift
/// let model = try ServerAgentModel(url: "http://127.0.0.1:8080")   // the first served model
/// let trace = try AgentLoop(model: model, toolbox: toolbox).run(question: "…")
/// ```
public struct ServerAgentModel: AgentModel {
    public let server: ServerURL
    public let modelName: String
    public var maxTokens: Int
    public var timeout: Double

    /// `model` nil asks the server (`GET /v1/models`) and takes the first name it lists.
    public init(url: String, model: String? = nil, maxTokens: Int = 64, timeout: Double = 60) throws {
        server = try ServerURL(parsing: url)
        self.maxTokens = maxTokens
        self.timeout = timeout
        if let model {
            modelName = model
        } else {
            let listing = try JSONSerialization.jsonObject(with: Data(HTTPClient.get("/v1/models", from: server, timeout: timeout)))
            guard let first = ((listing as? [String: Any])?["data"] as? [[String: Any]])?.first?["id"] as? String else {
                throw AgentServerError("\(server) listed no model at /v1/models")
            }
            modelName = first
        }
    }

    public func complete(_ prompt: String, stop: [String]) throws -> String {
        let body: [String: Any] = ["model": modelName, "prompt": prompt, "max_tokens": maxTokens, "temperature": 0, "stop": stop]
        var answer: [UInt8] = []
        try HTTPClient.send("POST", "/v1/completions", to: server, json: Array(try JSONSerialization.data(withJSONObject: body)),
                            timeout: timeout) { answer += $0; return true }
        guard let object = try JSONSerialization.jsonObject(with: Data(answer)) as? [String: Any],
              let text = (object["choices"] as? [[String: Any]])?.first?["text"] as? String else {
            throw AgentServerError("\(server) answered without choices[0].text: \(String(decoding: answer.prefix(200), as: UTF8.self))")
        }
        return text
    }
}

/// A server that did not answer as an OpenAI-compatible one should.
public struct AgentServerError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
