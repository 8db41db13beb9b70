import Foundation
import HTTPTypes
import Hummingbird

/// A refusal with an HTTP status and a message that says what to do; sent as `{"error": "…"}`.
public struct APIError: Error, Sendable {
    public var status: HTTPResponse.Status
    public var message: String
    public var retryAfter: Int?

    public init(_ status: HTTPResponse.Status, _ message: String, retryAfter: Int? = nil) {
        self.status = status
        self.message = message
        self.retryAfter = retryAfter
    }

    static let unauthorized = APIError(.unauthorized, "missing, unknown or revoked token; ask the group leader for one (`llmcourse group add <name>`) and set LLMCOURSE_TOKEN")
    static let notFound = APIError(.notFound, "no such submission among yours")
    static let databaseFull = APIError(.serviceUnavailable, "the server's disk is full, so nothing was stored; tell the group leader (they need to free disk space on the server), then try again", retryAfter: 60)
    static let databaseUnavailable = APIError(.serviceUnavailable, "the gradebook's database is not answering, so nothing was stored; try again in a minute, and tell the group leader if it keeps happening (the server's log has the details)", retryAfter: 30)
}

/// JSON shared by the server and `llmcourse submit`: snake_case keys, ISO 8601 dates.
public enum GroupJSON {
    public static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }

    public static var decoder: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }
}

/// The upload body of `POST /api/submissions`.
public struct SubmissionUpload: Codable, Sendable {
    public var exercise: String
    public var source: String
    public init(exercise: String, source: String) {
        self.exercise = exercise
        self.source = source
    }
}

/// The answer to an accepted upload.
public struct SubmissionReceipt: Codable, Sendable {
    public var id: Int
    public var status: SubmissionStatus
}

enum Responses {
    static func json(_ value: some Encodable, status: HTTPResponse.Status = .ok) -> Response {
        let data = (try? GroupJSON.encoder.encode(value)) ?? Data("{}".utf8)
        return body(data, contentType: "application/json; charset=utf-8", status: status)
    }

    static func error(_ error: APIError) -> Response {
        var response = json(["error": error.message], status: error.status)
        if let seconds = error.retryAfter { response.headers[HTTPField.Name("Retry-After")!] = String(seconds) }
        return response
    }

    static func html(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        body(Data(text.utf8), contentType: "text/html; charset=utf-8", status: status)
    }

    static func body(_ data: Data, contentType: String, status: HTTPResponse.Status = .ok) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = contentType
        headers[.cacheControl] = "no-store"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    static func redirect(_ location: String, cookie: String? = nil) -> Response {
        var headers = HTTPFields()
        headers[.location] = location
        if let cookie { headers[.setCookie] = cookie }
        return Response(status: .seeOther, headers: headers)
    }
}
