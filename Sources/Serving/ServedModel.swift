import Decoding
import Foundation
import Templating
import Transformers

/// The model a server answers with: weights, tokenizer, chat template and the name clients use,
/// and the step from an ``APIRequest`` to a tokenized ``ServingRequest``.
public final class ServedModel: @unchecked Sendable {
    public let name: String
    public let model: any PagedLanguageModel
    public let tokenizer: BytePairTokenizer
    public let chatTemplate: ChatTemplateFile
    /// Token ids that end a completion: the tokenizer's end-of-text tokens and the chat
    /// template's end-of-turn token.
    public let endTokens: Set<Int>
    /// Builds the token mask for `response_format`; nil when structured output is unavailable.
    public var constraint: ((APIRequest.ResponseFormat, ServedModel) throws(APIRequestError) -> any TokenConstraint)?
    private let bytesByToken: [[UInt8]]

    public init(name: String, model: any PagedLanguageModel, tokenizer: BytePairTokenizer, chatTemplate: ChatTemplateFile) {
        self.name = name
        self.model = model
        self.tokenizer = tokenizer
        self.chatTemplate = chatTemplate
        var ends = Set(GenerationConfig.endOfSequenceNames.compactMap { tokenizer.specialTokens[$0] })
        if let eos = tokenizer.specialTokens[chatTemplate.eosToken] { ends.insert(eos) }
        endTokens = ends
        bytesByToken = (0..<model.vocabularySize).map { tokenizer.decodeBytes([$0]) }
    }

    /// The bytes token `id` stands for (empty outside the tokenizer's vocabulary).
    public func bytes(of id: Int) -> [UInt8] { id < bytesByToken.count ? bytesByToken[id] : [] }
    public var tokenBytes: [[UInt8]] { bytesByToken }

    // ANCHOR: plan
    /// Tokenizes the prompt (chat messages through the chat template) and turns the sampling
    /// fields into ``SamplingSettings``. Refusals name the field to fix.
    public func plan(_ request: APIRequest, id: String, defaultSeed: UInt64, deadline: ContinuousClock.Instant?) throws(APIRequestError) -> ServingRequest {
        guard request.model == name else {
            throw APIRequestError(status: 404, "the model \"\(request.model)\" does not exist here; this server serves \"\(name)\"",
                                  param: "model", code: "model_not_found")
        }
        let text: String
        switch request.prompt {
        case .text(let t): text = t
        case .messages(let messages): text = try renderChat(messages)
        }
        let ids = tokenizer.encode(text)
        guard !ids.isEmpty else { throw APIRequestError("the prompt is empty: send at least one character", param: request.isChat ? "messages" : "prompt") }
        guard ids.count < model.contextLength else {
            throw APIRequestError("the prompt has \(ids.count) tokens but \(name)'s context is \(model.contextLength); shorten it",
                                  param: request.isChat ? "messages" : "prompt", code: "context_length_exceeded")
        }
        let room = model.contextLength - ids.count
        if let asked = request.maxTokens, asked > room {
            throw APIRequestError("max_tokens is \(asked) but the prompt (\(ids.count) tokens) leaves room for \(room) in the context of \(model.contextLength)",
                                  param: request.isChat ? "max_completion_tokens" : "max_tokens", code: "context_length_exceeded")
        }
        let settings = SamplingSettings(maxTokens: request.maxTokens ?? (request.isChat ? room : min(16, room)), temperature: request.temperature,
                                        topP: request.topP, seed: request.seed ?? defaultSeed, stop: request.stop, logprobs: request.logprobs,
                                        ignoreEndOfSequence: request.ignoreEndOfSequence)
        let mask = try request.responseFormat.map { format throws(APIRequestError) in
            guard let constraint else { throw APIRequestError("structured output is not available on this server", param: "response_format") }
            return try constraint(format, self)
        }
        return ServingRequest(id: id, prompt: ids, settings: settings, constraint: mask, deadline: deadline)
    }
    // ANCHOR_END: plan

    /// Messages laid out by the folder's chat template, ready for the assistant's turn.
    public func renderChat(_ messages: [ChatMessage]) throws(APIRequestError) -> String {
        let values = messages.map { JinjaValue.dict(JinjaDictionary([("role", .string($0.role)), ("content", .string($0.content))])) }
        do {
            return try chatTemplate.render(messages: values, addGenerationPrompt: true)
        } catch {
            throw APIRequestError("the model's chat template could not be rendered: \(error.description)", param: "messages")
        }
    }
}
