import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs a compiled checks program once, confined by a ``Sandbox``, and collects its output.
///
/// The run is stopped (SIGKILL to its process group; the sandbox takes the rest of its
/// process tree down with it) when the wall-clock limit passes or the output exceeds the cap.
struct SandboxedRun {
    struct Outcome {
        var termination: Termination
        var timedOut: Bool
        var outputExceeded: Bool
        var bytes: [UInt8]
        var milliseconds: Double
    }

    var sandbox: Sandbox
    var limits: RunLimits

    /// `fromCheck` skips the checks registered before that index (used to resume after a stop).
    func run(program: URL, kit: CourseKit, seed: UInt64, nonce: String, fromCheck: Int = 0, onlyCheck: String? = nil) throws -> Outcome {
        var binds = [kit.library.path]
        if let runtime = Sandbox.swiftRuntimeFolder() { binds.append(runtime) }
        binds = binds.filter { !$0.hasPrefix("/usr/") }
        let command = sandbox.wrap(program: program.path, binds: binds, limits: limits)
        var environment = [
            "PATH": "/usr/bin:/bin",
            "HOME": "/tmp",
            "LANG": "C.UTF-8",
            "LLMCOURSE_CHECK_SEED": String(seed),
            "LLMCOURSE_CHECK_CHANNEL_FD": "3",
            // A crash report is the verdict's job: no slow symbolicated backtrace.
            "SWIFT_BACKTRACE": "enable=no",
            "OPENBLAS_NUM_THREADS": "1",
        ]
        if let onlyCheck { environment["LLMCOURSE_CHECK_ONLY"] = onlyCheck }
        if fromCheck > 0 { environment["LLMCOURSE_CHECK_FROM"] = String(fromCheck) }
        if sandbox.mode == .bubblewrap {
            // bwrap clears the environment; pass ours through --setenv.
            var wrapped: [String] = []
            for (key, value) in environment.sorted(by: { $0.key < $1.key }) { wrapped += ["--setenv", key, value] }
            let insertAt = command.firstIndex(of: "--clearenv").map { $0 + 1 } ?? command.count
            var full = command
            full.insert(contentsOf: wrapped, at: insertAt)
            return try execute(full, environment: environment, nonce: nonce)
        }
        return try execute(command, environment: environment, nonce: nonce)
    }

    private func execute(_ command: [String], environment: [String: String], nonce: String) throws -> Outcome {
        if ProcessInfo.processInfo.environment["LLMCOURSE_SHOW_SANDBOX"] != nil {
            FileHandle.standardError.write(Data(("sandbox: " + command.joined(separator: " ") + "\n").utf8))
        }
        let started = DispatchTime.now().uptimeNanoseconds
        let deadline = started + UInt64(limits.timeoutSeconds * 1e9)
        let child = try ChildProcess(arguments: command, environment: environment, channelText: nonce)
        var bytes: [UInt8] = []
        // Events are small; allow them a margin above the learner's output cap.
        let cap = limits.outputBytes + 64 * 1024
        var timedOut = false, exceeded = false
        var exitedAt: UInt64?
        var endOfOutput = false
        while true {
            let now = DispatchTime.now().uptimeNanoseconds
            if child.poll() != nil, exitedAt == nil { exitedAt = now }
            if exitedAt != nil && endOfOutput { break }
            // After exit, drain briefly: a killed process tree may still hold the pipe.
            if let exitedAt, now > exitedAt + 500_000_000 { break }
            if exitedAt == nil && now >= deadline {
                timedOut = true
                child.signalGroup(SIGKILL)
                child.wait()
                exitedAt = DispatchTime.now().uptimeNanoseconds
                continue
            }
            if endOfOutput {
                usleep(5_000)   // the program closed its output but still runs: wait for it
                continue
            }
            let remaining = Int32(clamping: max(1, min(50, (Int64(deadline) - Int64(now)) / 1_000_000)))
            child.waitForOutput(milliseconds: remaining)
            guard let chunk = child.readAvailable() else { endOfOutput = true; continue }
            if chunk.isEmpty { continue }
            if bytes.count < cap { bytes += chunk.prefix(cap - bytes.count) }
            if bytes.count >= cap && exitedAt == nil {
                exceeded = true
                child.signalGroup(SIGKILL)
                child.wait()
                exitedAt = DispatchTime.now().uptimeNanoseconds
            }
        }
        let status = child.wait()
        return Outcome(termination: Termination(waitStatus: status), timedOut: timedOut, outputExceeded: exceeded,
                       bytes: bytes, milliseconds: Double(DispatchTime.now().uptimeNanoseconds - started) / 1e6)
    }
}
