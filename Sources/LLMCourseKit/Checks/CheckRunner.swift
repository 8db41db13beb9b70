import CheckProtocol
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs an exercise's checks — in a process of their own — and reports each result.
///
/// The grader compiles two programs. The **checks program** is trusted code only: the
/// exercise's `Checks.swift`, the checks half of its `Bridge.swift` (proxies with the learner's
/// function signatures, which call across the boundary) and a one-line `main.swift` —
/// `CheckRunner.main(registerChecks)`. The **learner's program** is the learner's file, the
/// learner half of the bridge and ``LearnerServer``; it runs in the sandbox and only answers
/// calls. The checks program starts it (``LearnerProcess``) with the command line the grader
/// passes in `LLMCOURSE_LEARNER_COMMAND`, so no check, expectation or verdict is ever in a
/// process the learner's code runs in.
///
/// - **Under the grader** (`LLMCOURSE_CHECK_CHANNEL_FD` set): the runner first reads a
///   one-time nonce from that file descriptor and closes it, then writes its events as JSON
///   lines on standard output, each on its own line that starts with the nonce:
///   `plan` (seed, check names and points), then `start`/`end` per check, then `done`.
///   The learner's output is copied between the events, so what it printed during a check
///   belongs to that check; it never holds the nonce, which the learner's process never sees.
///   When the learner's program stops (crash, time limit, output cap, a reply that is not
///   a result), the last event is `learner_stopped` (see ``LearnerStop``) and the runner exits;
///   the grader resumes from the next check.
/// - **Without a channel** (started by hand with `LLMCOURSE_LEARNER_COMMAND` set to the
///   learner's program as a JSON array): plain-text results, exit status 1 on failure.
///
/// `LLMCOURSE_CHECK_SEED` sets the seed (default 1); `LLMCOURSE_CHECK_ONLY` runs one check by
/// name; `LLMCOURSE_CHECK_FROM` skips the checks before that index (the grader resumes after a
/// crash this way, so one crashing check does not cost the others).
public enum CheckRunner {
    public static func main(_ register: (CheckSuite) -> Void) -> Never {
        let environment = ProcessInfo.processInfo.environment
        let seed = environment["LLMCOURSE_CHECK_SEED"].flatMap { UInt64($0) } ?? 1
        let only = environment["LLMCOURSE_CHECK_ONLY"]
        let nonce = readNonce(environment)
        // Line-buffer standard output so output printed just before a crash is not lost.
        lineBufferStandardOutput()
        // Not dumpable: a process of the same user cannot attach to this one or read its memory.
        makeProcessUndumpable()
        let channel = EventChannel(nonce: nonce)
        startLearner(environment, channel: channel)

        let suite = CheckSuite()
        register(suite)
        let from = environment["LLMCOURSE_CHECK_FROM"].flatMap { Int($0) } ?? 0
        let selected = suite.checks.enumerated().filter { (only == nil || $0.element.name == only) && $0.offset >= from }

        channel.send(CheckEvent.Plan(seed: seed, checks: selected.map { entry in
            CheckEvent.Planned(index: entry.offset, name: entry.element.name, nameZh: entry.element.nameZh, points: entry.element.points)
        }))
        var failures = 0
        for (index, check) in selected {
            channel.send(CheckEvent.Start(check: index))
            let started = DispatchTime.now().uptimeNanoseconds
            var context = CheckContext(seed: seed, checkName: check.name)
            var end = CheckEvent.End(check: index, status: "pass")
            do {
                try check.body(&context)
                end.numeric = context.worstComparison
            } catch let failure as CheckFailure {
                end.status = "fail"
                end.message = failure.message
                end.numeric = failure.numeric
            } catch {
                end.status = "error"
                end.message = "the check could not finish: \(error)"
            }
            end.durationMilliseconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e6
            if end.status != "pass" { failures += 1 }
            channel.send(end)
            if nonce == nil { printPlain(check: check, result: end) }
        }
        channel.send(CheckEvent.Done())
        if nonce == nil {
            print(failures == 0 ? "All \(selected.count) checks passed (seed \(seed))."
                                : "\(failures) of \(selected.count) checks failed (seed \(seed)).")
        }
        exit(failures == 0 ? 0 : 1)
    }

    /// Starts the learner's program from the command line the grader passed, and makes it
    /// the target of the bridge's calls.
    private static func startLearner(_ environment: [String: String], channel: EventChannel) {
        guard let commandText = environment["LLMCOURSE_LEARNER_COMMAND"],
              let command = try? JSONDecoder().decode([String].self, from: Data(commandText.utf8)), !command.isEmpty else {
            print("The checks call the learner's program, which `llmcourse check` compiles and starts: run them that way.")
            exit(2)
        }
        let learnerEnvironment = environment["LLMCOURSE_LEARNER_ENV"]
            .flatMap { try? JSONDecoder().decode([String: String].self, from: Data($0.utf8)) } ?? [:]
        let learner = LearnerProcess(
            command: command, environment: learnerEnvironment,
            timeoutSeconds: environment["LLMCOURSE_LEARNER_TIMEOUT"].flatMap(Double.init) ?? 10,
            outputCap: environment["LLMCOURSE_LEARNER_OUTPUT_CAP"].flatMap(Int.init) ?? (1 << 20),
            forward: { channel.forward($0) },
            report: { stop in
                channel.send(CheckEvent.LearnerStopped(stop))
                exit(3)
            })
        LearnerProcess.shared = learner
        learner.start()
    }

    /// Reads the nonce from the channel descriptor, then closes it and forgets where it was.
    private static func readNonce(_ environment: [String: String]) -> String? {
        guard let text = environment["LLMCOURSE_CHECK_CHANNEL_FD"], let fd = Int32(text) else { return nil }
        unsetenv("LLMCOURSE_CHECK_CHANNEL_FD")
        var bytes: [UInt8] = []
        var byte: UInt8 = 0
        while read(fd, &byte, 1) == 1, byte != UInt8(ascii: "\n"), bytes.count < 256 { bytes.append(byte) }
        close(fd)
        let nonce = String(decoding: bytes, as: UTF8.self)
        return nonce.isEmpty ? nil : nonce
    }

    /// `setvbuf(stdout, nil, _IOLBF, 0)`. The C global `stdout` is not visible to Swift 6
    /// code as a safe value, so its address is looked up once, here, before any check runs.
    private static func lineBufferStandardOutput() {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "stdout") else { return }
        let stream = symbol.assumingMemoryBound(to: UnsafeMutablePointer<FILE>?.self).pointee
        if let stream { setvbuf(stream, nil, _IOLBF, 0) }
    }

    private static func printPlain(check: CheckSuite.Check, result: CheckEvent.End) {
        let mark = result.status == "pass" ? "PASS" : "FAIL"
        print("\(mark) \(check.name) (\(check.points) point\(check.points == 1 ? "" : "s"))")
        if let message = result.message { print("     \(message)") }
    }
}

/// Writes nonce-prefixed JSON events to standard output (nothing when there is no nonce),
/// and the learner's output between them.
struct EventChannel {
    let nonce: String?

    func send(_ event: some Encodable) {
        guard let nonce else { return }
        let encoder = Wire.encoder()
        encoder.outputFormatting = .sortedKeys
        guard let data = try? encoder.encode(event) else { return }
        var line = Array("\n\(nonce) ".utf8)
        line += data
        line.append(UInt8(ascii: "\n"))
        writeAll(line)
    }

    /// Copies the learner's output into the stream, between the events.
    func forward(_ bytes: [UInt8]) {
        if nonce == nil { FileHandle.standardOutput.write(Data(bytes)); return }
        writeAll(bytes)
    }

    private func writeAll(_ line: [UInt8]) {
        line.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = write(1, buffer.baseAddress! + offset, buffer.count - offset)
                if written <= 0 { break }
                offset += written
            }
        }
    }
}
