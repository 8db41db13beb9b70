import Decoding
import Foundation

extension ConstrainedSequence: TokenConstraint {}

/// `response_format` → a token mask, with one ``TokenIndex`` per distinct grammar shared by
/// every request that asks for it (a state's allowed tokens are computed once per server).
public final class StructuredConstraints: @unchecked Sendable {
    private let lock = NSLock()
    private var indexes: [String: TokenIndex] = [:]

    public init() {}

    public func make(_ format: APIRequest.ResponseFormat, for served: ServedModel) throws(APIRequestError) -> any TokenConstraint {
        guard let end = served.endTokens.min() else {
            throw APIRequestError("\(served.name) has no end-of-sequence token, so structured output cannot end; serve a model whose tokenizer has one",
                                  param: "response_format")
        }
        let output: StructuredOutput
        do {
            switch format {
            case .jsonSchema(let schema): output = try StructuredOutput.jsonSchema(schema)
            case .regex(let pattern): output = try StructuredOutput.regex(pattern)
            }
        } catch {
            throw APIRequestError("response_format: \(error.description)", param: "response_format")
        }
        let index = lock.withLock {
            if let known = indexes[output.pattern] { return known }
            let made = output.tokenIndex(tokenBytes: served.tokenBytes, endToken: end)
            indexes[output.pattern] = made
            return made
        }
        return ConstrainedSequence(index: index)
    }
}
