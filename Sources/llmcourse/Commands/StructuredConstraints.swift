import Serving

/// Builds `response_format` masks for `serve` (filled in with the structured-output module).
enum StructuredConstraints {
    static func make(_ format: APIRequest.ResponseFormat, _ served: ServedModel) throws(APIRequestError) -> any TokenConstraint {
        throw APIRequestError("structured output is not available on this server yet", param: "response_format")
    }
}
