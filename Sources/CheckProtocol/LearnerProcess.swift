import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The checks program's handle on the learner's program: starts it (confined, with the
/// command line the grader built), calls its functions, answers its closure callbacks,
/// forwards what it prints, and stops it at the run's deadline or output cap.
///
/// The checks never share a process with the learner's code: everything the learner's
/// program can do is answer a call, and every answer is compared here. When the learner's
/// program crashes, hangs, floods its output or answers nonsense, the checks program reports
/// how it stopped (``LearnerStop``) and exits; the grader then resumes from the next check.
public final class LearnerProcess {
    /// Where the bridge's proxy functions send their calls (set by the check runner).
    nonisolated(unsafe) public static var shared: LearnerProcess?

    let command: [String]
    let environment: [String: String]
    let deadline: UInt64
    let outputCap: Int
    let forward: ([UInt8]) -> Void
    let report: (LearnerStop) -> Never
    private var child: ChildProcess?
    private let buffer = LineBuffer()
    private var outputSent = 0
    private var callbacks: [Int: (Data) throws -> Data] = [:]
    private var nextCallback = 1

    /// - Parameters:
    ///   - timeoutSeconds: the whole run's wall-clock budget, counted from now.
    ///   - forward: receives the learner's output as it arrives.
    ///   - report: records how the learner's program stopped, then ends the checks program.
    public init(command: [String], environment: [String: String], timeoutSeconds: Double, outputCap: Int,
                forward: @escaping ([UInt8]) -> Void, report: @escaping (LearnerStop) -> Never) {
        self.command = command
        self.environment = environment
        self.deadline = DispatchTime.now().uptimeNanoseconds + UInt64(max(0.1, timeoutSeconds) * 1e9)
        self.outputCap = outputCap
        self.forward = forward
        self.report = report
    }

    /// Starts the learner's program and waits for its `ready` line.
    public func start() {
        do {
            child = try ChildProcess(arguments: command, environment: environment, callPipes: true)
        } catch {
            forward(Array("\(error)\n".utf8))
            report(LearnerStop(waitStatus: 127 << 8, reason: .couldNotStart))
        }
        _ = fcntl(child!.requests, F_SETFL, fcntl(child!.requests, F_GETFL) | O_NONBLOCK)
        _ = fcntl(child!.replies, F_SETFL, fcntl(child!.replies, F_GETFL) | O_NONBLOCK)
        let (tag, _) = Wire.split(readLine())
        if tag != "ready" { stop(.protocolViolation) }
    }

    /// Calls the learner's function `name`; returns its result decoded as `R`.
    public func call<each A: Encodable, R: Decodable>(_ name: String, _ arguments: repeat each A, returning: R.Type = R.self) -> R {
        guard let encoded = try? Wire.encoder().encode(WireTuple(repeat each arguments)) else {
            fatalError("the checks could not encode the arguments of \(name)")
        }
        defer { callbacks.removeAll() }
        send("call", Array(name.utf8) + [UInt8(ascii: "\t")] + Array(encoded))
        while true {
            let (tag, payload) = Wire.split(readLine())
            switch tag {
            case "return":
                guard let value = try? Wire.decoder().decode(R.self, from: payload) else { stop(.protocolViolation) }
                return value
            case "callback":
                let (idText, arguments) = Wire.split([UInt8](payload))
                guard let id = Int(idText), let closure = callbacks[id], let result = try? closure(arguments) else {
                    stop(.protocolViolation)
                }
                send("return", Array(result))
            case "error":
                let message = (try? JSONDecoder().decode(String.self, from: payload)) ?? "?"
                stop(.protocolViolation, detail: message)
            default:
                stop(.protocolViolation)
            }
        }
    }

    /// Registers a closure the learner's code may call during the current call; its handle
    /// is what crosses the boundary.
    func register(_ closure: @escaping (Data) throws -> Data) -> Int {
        let id = nextCallback
        nextCallback += 1
        callbacks[id] = closure
        return id
    }

    private func send(_ tag: String, _ payload: [UInt8]) {
        guard let child else { stop(.couldNotStart) }
        let line = Wire.line(tag, Data(payload))
        var offset = 0
        while offset < line.count {
            let written = line[offset...].withUnsafeBytes { write(child.requests, $0.baseAddress, $0.count) }
            if written > 0 { offset += written; continue }
            if written < 0 && errno != EAGAIN && errno != EINTR { stop(.exited) }
            waitForActivity(on: child.requests, events: Int16(POLLOUT))
        }
    }

    private func readLine() -> [UInt8] {
        guard let child else { stop(.couldNotStart) }
        while true {
            if let line = buffer.nextLine() { return line }
            if buffer.isOverLimit { stop(.protocolViolation) }
            waitForActivity(on: child.replies, events: Int16(POLLIN))
            var chunk = [UInt8](repeating: 0, count: 65536)
            let count = chunk.withUnsafeMutableBytes { read(child.replies, $0.baseAddress, $0.count) }
            if count > 0 { buffer.append(Array(chunk[..<count])); continue }
            if count == 0 { stop(.exited) }
            if errno != EAGAIN && errno != EINTR { stop(.exited) }
        }
    }

    /// Waits until `fd` is ready or the learner prints something (forwarded here), stopping
    /// the learner at the deadline or when its output passes the cap.
    private func waitForActivity(on fd: Int32, events: Int16) {
        guard let child else { return }
        let now = DispatchTime.now().uptimeNanoseconds
        if now >= deadline { stop(.timedOut) }
        var descriptors = [pollfd(fd: fd, events: events, revents: 0), pollfd(fd: child.output, events: Int16(POLLIN), revents: 0)]
        let milliseconds = Int32(clamping: min(1000, (deadline - now) / 1_000_000 + 1))
        _ = Glibc.poll(&descriptors, 2, milliseconds)
        drainOutput()
    }

    private func drainOutput() {
        guard let child else { return }
        while let chunk = child.readAvailable(), !chunk.isEmpty {
            let room = max(0, outputCap - outputSent)
            forward(Array(chunk.prefix(room)))
            outputSent += chunk.count
            if outputSent > outputCap { stop(.outputExceeded) }
        }
    }

    /// Stops the learner's program (if it still runs), collects how it ended, reports, exits.
    func stop(_ reason: LearnerStop.Reason, detail: String? = nil) -> Never {
        guard let child else { report(LearnerStop(waitStatus: 127 << 8, reason: reason, detail: detail)) }
        if reason == .exited {
            // It closed its reply pipe: give it a moment to finish exiting on its own.
            for _ in 0..<100 where child.poll() == nil { usleep(10_000) }
        }
        child.signalGroup(SIGKILL)
        let status = child.wait()
        if reason != .outputExceeded {
            // What it printed just before the end (a trap message) explains the stop.
            for _ in 0..<20 {
                guard let chunk = child.readAvailable(), !chunk.isEmpty else { break }
                forward(Array(chunk.prefix(max(0, outputCap - outputSent))))
                outputSent += chunk.count
            }
        }
        report(LearnerStop(waitStatus: status, reason: reason, detail: detail))
    }
}

/// A closure of the checks passed to the learner's function: crosses the boundary as a
/// handle, and the learner's calls to it come back to run here.
///
/// ```swift
/// func gradient(of f: ([Double]) -> Double, at x: [Double]) -> [Double] {
///     withoutActuallyEscaping(f) { f in learnerCall("gradient", Callback(f), x) }
/// }
/// ```
public struct Callback<A: Decodable, R: Encodable>: Encodable {
    let closure: (A) -> R

    public init(_ closure: @escaping (A) -> R) { self.closure = closure }

    public func encode(to encoder: Encoder) throws {
        guard let learner = LearnerProcess.shared else { throw EncodingError.invalidValue(0, .init(codingPath: [], debugDescription: "no learner")) }
        let closure = self.closure
        let id = learner.register { payload in
            let argument = try Wire.decoder().decode(WireTuple<A>.self, from: payload)
            return try Wire.encoder().encode(closure(argument.values))
        }
        var container = encoder.container(keyedBy: CallbackKey.self)
        try container.encode(id, forKey: .callback)
    }
}

/// Calls the learner's function `name` in the learner's program (the bridge's proxies use it).
public func learnerCall<each A: Encodable, R: Decodable>(_ name: String, _ arguments: repeat each A) -> R {
    guard let learner = LearnerProcess.shared else {
        fatalError("\(name) was called outside a graded run: run the checks with `llmcourse check`")
    }
    return learner.call(name, repeat each arguments)
}

/// `prctl(PR_SET_DUMPABLE, 0)`: another process of the same user can then neither attach to
/// this one nor read its memory through `/proc`. (Glibc's module does not export `prctl`.)
public func makeProcessUndumpable() {
    typealias Prctl = @convention(c) (Int32, UInt, UInt, UInt, UInt) -> Int32
    guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "prctl") else { return }
    let prctl = unsafeBitCast(symbol, to: Prctl.self)
    _ = prctl(4 /* PR_SET_DUMPABLE */, 0, 0, 0, 0)
}
