import CheckProtocol
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs an exercise once: the trusted checks program, which starts the learner's program
/// confined by a ``Sandbox`` and calls it (see ``LearnerProcess``), and collects the checks
/// program's event stream.
///
/// The checks program itself runs outside the sandbox, as trusted code. The learner's limits
/// (wall clock, memory, processes, output) are enforced on the learner's program: the sandbox
/// applies the resource limits, the checks program the deadline and the output cap. The
/// grader still stops the checks program (SIGKILL to its process group) when it overruns the
/// wall-clock limit by a margin or writes more than the cap.
struct SandboxedRun {
    struct Outcome {
        var termination: Termination
        var timedOut: Bool
        var outputExceeded: Bool
        var bytes: [UInt8]
        var milliseconds: Double
        /// Set when the learner's program answered something that is not a result.
        var protocolViolation: String?
    }

    var sandbox: Sandbox
    var limits: RunLimits

    /// `fromCheck` skips the checks registered before that index (used to resume after a stop).
    func run(checks: URL, learner: URL, kit: CourseKit, seed: UInt64, nonce: String, fromCheck: Int = 0,
             onlyCheck: String? = nil) throws -> Outcome {
        var binds = [kit.library.path]
        if let runtime = Sandbox.swiftRuntimeFolder() { binds.append(runtime) }
        binds = binds.filter { !$0.hasPrefix("/usr/") }
        // Memory and processes for the whole sandbox together, where the system allows it;
        // otherwise per process, with no more processes than the runtime needs.
        let cgroup = RunCgroup.make(memoryBytes: limits.memoryBytes, maxProcesses: limits.maxProcesses)
        defer { cgroup?.remove() }
        var learnerLimits = limits
        if cgroup == nil { learnerLimits.maxProcesses = min(limits.maxProcesses, RunLimits.processesWithoutCgroup) }
        var learnerCommand = sandbox.wrap(program: learner.path, binds: binds, limits: learnerLimits)
        let learnerEnvironment = [
            "PATH": "/usr/bin:/bin",
            "HOME": "/tmp",
            "LANG": "C.UTF-8",
            // A crash report is the verdict's job: no slow symbolicated backtrace.
            "SWIFT_BACKTRACE": "enable=no",
            "OPENBLAS_NUM_THREADS": "1",
        ]
        if sandbox.mode == .bubblewrap {
            // bwrap clears the environment; pass ours through --setenv.
            var wrapped: [String] = []
            for (key, value) in learnerEnvironment.sorted(by: { $0.key < $1.key }) { wrapped += ["--setenv", key, value] }
            let insertAt = learnerCommand.firstIndex(of: "--clearenv").map { $0 + 1 } ?? learnerCommand.count
            learnerCommand.insert(contentsOf: wrapped, at: insertAt)
        }
        if let cgroup { learnerCommand = cgroup.enter(learnerCommand) }
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        var environment = learnerEnvironment
        environment["LLMCOURSE_CHECK_SEED"] = String(seed)
        environment["LLMCOURSE_CHECK_CHANNEL_FD"] = "3"
        environment["LLMCOURSE_LEARNER_COMMAND"] = String(decoding: try encoder.encode(learnerCommand), as: UTF8.self)
        environment["LLMCOURSE_LEARNER_ENV"] = String(decoding: try encoder.encode(learnerEnvironment), as: UTF8.self)
        environment["LLMCOURSE_LEARNER_TIMEOUT"] = String(limits.timeoutSeconds)
        environment["LLMCOURSE_LEARNER_OUTPUT_CAP"] = String(limits.outputBytes)
        if let onlyCheck { environment["LLMCOURSE_CHECK_ONLY"] = onlyCheck }
        if fromCheck > 0 { environment["LLMCOURSE_CHECK_FROM"] = String(fromCheck) }
        if ProcessInfo.processInfo.environment["LLMCOURSE_SHOW_SANDBOX"] != nil {
            FileHandle.standardError.write(Data(("sandbox: " + learnerCommand.joined(separator: " ") + "\n").utf8))
        }
        var outcome = try execute([checks.path], environment: environment, nonce: nonce)
        // How the learner's program stopped, as the checks program saw it, is how the run stopped.
        if let stop = CheckEventStream(bytes: outcome.bytes, nonce: nonce).learnerStop {
            outcome.termination = Termination(waitStatus: stop.waitStatus)
            outcome.timedOut = outcome.timedOut || stop.reason == .timedOut
            outcome.outputExceeded = outcome.outputExceeded || stop.reason == .outputExceeded
            if stop.reason == .protocolViolation { outcome.protocolViolation = stop.detail ?? "" }
        }
        return outcome
    }

    private func execute(_ command: [String], environment: [String: String], nonce: String) throws -> Outcome {
        let started = DispatchTime.now().uptimeNanoseconds
        // The checks program stops the learner's at the limit itself; this is the backstop.
        let deadline = started + UInt64((limits.timeoutSeconds + 5) * 1e9)
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
