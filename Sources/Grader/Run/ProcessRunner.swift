import CheckProtocol
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs a tool (the compiler, `swift build`) to completion and collects its output, within
/// an optional wall-clock limit and output cap. The tool leads its own process group, which
/// is killed whole when a limit passes and when the grader itself is interrupted
/// (see ``ChildProcess/killAllOnInterrupt()``).
enum ProcessRunner {
    struct Result {
        var status: Int32
        var output: String
        /// The wall-clock limit passed and the tool was killed.
        var timedOut = false
        /// The tool wrote more than the cap and was killed; `output` holds the first part.
        var outputCapped = false
    }

    /// `onOutput` sees each piece of output as it arrives (for a progress display).
    static func run(_ arguments: [String], environment: [String: String]? = nil, onOutput: ((String) -> Void)? = nil,
                    timeoutSeconds: Double? = nil, outputCap: Int? = nil) -> Result {
        let child: ChildProcess
        do {
            child = try ChildProcess(arguments: arguments, environment: environment ?? ProcessInfo.processInfo.environment)
        } catch {
            return Result(status: 127, output: "\(error)")
        }
        let deadline = timeoutSeconds.map { DispatchTime.now().uptimeNanoseconds + UInt64($0 * 1e9) }
        var collected: [UInt8] = []
        var timedOut = false, capped = false
        while true {
            if let deadline, DispatchTime.now().uptimeNanoseconds >= deadline {
                timedOut = true
                break
            }
            child.waitForOutput(milliseconds: 100)
            guard let chunk = child.readAvailable() else { break }
            if chunk.isEmpty { continue }
            collected += chunk
            onOutput?(String(decoding: chunk, as: UTF8.self))
            if let outputCap, collected.count > outputCap {
                collected.removeSubrange(outputCap...)
                capped = true
                break
            }
        }
        if timedOut || capped { child.signalGroup(SIGKILL) }
        let termination = Termination(waitStatus: child.wait())
        let status: Int32
        switch termination {
        case .exited(let code): status = code
        case .signalled(let signal): status = 128 + signal
        }
        return Result(status: status, output: String(decoding: collected, as: UTF8.self), timedOut: timedOut, outputCapped: capped)
    }
}
