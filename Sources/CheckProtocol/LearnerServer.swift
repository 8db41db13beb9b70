import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The learner's side of a graded run: serves the learner's functions to the checks program.
///
/// The grader compiles the learner's file, the learner half of the exercise's `Bridge.swift`
/// and a generated `main.swift` — `LearnerServer.main(serveCalls)` — into one program, and
/// runs it in the sandbox. The program holds no check and no verdict: it answers calls
/// (arguments in, result out, see ``Wire``) and whatever it answers is compared by the checks
/// program, in another process it cannot reach.
///
/// ```swift
/// func serveCalls(_ server: LearnerServer) {
///     server.handle("matmul") { (a: [[Float]], b: [[Float]]) in matmul(a, b) }
/// }
/// ```
public final class LearnerServer {
    private var handlers: [String: (Data) throws -> Data] = [:]
    private let requests: Int32 = 3
    private let replies: Int32 = 4
    private let buffer = LineBuffer()

    init() {}

    /// Serves `body` under `name`; the arguments arrive as a JSON array in order.
    public func handle<each A: Decodable, R: Encodable>(_ name: String, _ body: @escaping (repeat each A) -> R) {
        handlers[name] = { payload in
            let arguments = try Wire.decoder().decode(WireTuple<repeat each A>.self, from: payload)
            return try Wire.encoder().encode(body(repeat each arguments.values))
        }
    }

    /// Registers the handlers, announces them, then answers calls until the checks program
    /// closes the request pipe.
    public static func main(_ register: (LearnerServer) -> Void) -> Never {
        let server = LearnerServer()
        LearnerServer.current = server
        register(server)
        let names = (try? JSONEncoder().encode(server.handlers.keys.sorted())) ?? Data("[]".utf8)
        server.send("ready", names)
        while let line = server.readLine() {
            let (tag, payload) = Wire.split(line)
            guard tag == "call" else {
                server.send("error", Data("\"unexpected message \(tag)\"".utf8))
                continue
            }
            server.answer(payload)
        }
        exit(0)
    }

    /// `payload` is `<name>\t<arguments>`.
    private func answer(_ payload: Data) {
        let (name, arguments) = Wire.split([UInt8](payload))
        guard let handler = handlers[name] else {
            send("error", Wire.jsonString("no function \(name) is served"))
            return
        }
        do {
            send("return", try handler(arguments))
        } catch {
            send("error", Wire.jsonString("the arguments of \(name) could not be read: \(error)"))
        }
    }

    /// The server of this process, for closures that call back into the checks program.
    nonisolated(unsafe) static var current: LearnerServer?

    func send(_ tag: String, _ payload: Data) {
        // Whatever the learner printed goes first, so it lands before the answer it belongs to.
        fflush(nil)
        let line = Wire.line(tag, payload)
        line.withUnsafeBytes { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = write(replies, bytes.baseAddress! + offset, bytes.count - offset)
                if written < 0 && errno == EINTR { continue }
                if written <= 0 { exit(0) }   // the checks program is gone
                offset += written
            }
        }
    }

    func readLine() -> [UInt8]? {
        while true {
            if let line = buffer.nextLine() { return line }
            var chunk = [UInt8](repeating: 0, count: 65536)
            let count = chunk.withUnsafeMutableBytes { read(requests, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { return nil }
            buffer.append(Array(chunk[..<count]))
        }
    }
}

/// A closure of the checks program, called from the learner's code: `f(x)` sends the
/// argument back across the boundary and waits for the closure's result.
///
/// The bridge receives it in place of a Swift closure and passes `f.call` on:
/// `server.handle("gradient") { (f: RemoteFunction<[Double], Double>, x: [Double]) in gradient(of: f.call, at: x) }`.
public struct RemoteFunction<A: Encodable, R: Decodable>: Decodable {
    let id: Int

    public init(from decoder: Decoder) throws {
        id = try decoder.container(keyedBy: CallbackKey.self).decode(Int.self, forKey: .callback)
    }

    public func call(_ argument: A) -> R {
        guard let server = LearnerServer.current, let arguments = try? Wire.encoder().encode(WireTuple(argument)) else {
            fatalError("a closure from the checks was called outside a check")
        }
        server.send("callback", Data(Array("\(id)".utf8) + [UInt8(ascii: "\t")] + Array(arguments)))
        guard let line = server.readLine() else { exit(0) }
        let (tag, reply) = Wire.split(line)
        guard tag == "return", let value = try? Wire.decoder().decode(R.self, from: reply) else {
            fatalError("the checks program did not answer a closure call")
        }
        return value
    }
}

enum CallbackKey: String, CodingKey { case callback }
