import CheckProtocol
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs a trusted tool (the compiler, `swift build`) to completion and collects its output.
enum ProcessRunner {
    struct Result {
        var status: Int32
        var output: String
    }

    static func run(_ arguments: [String], environment: [String: String]? = nil, echo: Bool = false) -> Result {
        let child: ChildProcess
        do {
            child = try ChildProcess(arguments: arguments, environment: environment ?? ProcessInfo.processInfo.environment)
        } catch {
            return Result(status: 127, output: "\(error)")
        }
        var collected: [UInt8] = []
        while true {
            child.waitForOutput(milliseconds: 100)
            guard let chunk = child.readAvailable() else { break }
            if chunk.isEmpty { continue }
            collected += chunk
            if echo { FileHandle.standardError.write(Data(chunk)) }
        }
        let termination = Termination(waitStatus: child.wait())
        let status: Int32
        switch termination {
        case .exited(let code): status = code
        case .signalled(let signal): status = 128 + signal
        }
        return Result(status: status, output: String(decoding: collected, as: UTF8.self))
    }
}
