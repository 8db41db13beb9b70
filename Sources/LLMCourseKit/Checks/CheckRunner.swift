import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs an exercise's checks in the learner's process and reports each result.
///
/// The grader compiles the learner's file, the exercise's `Checks.swift` and a one-line
/// `main.swift` — `CheckRunner.main(registerChecks)` — into one program and runs it in a
/// sandbox. Two modes:
///
/// - **Under the grader** (`LLMCOURSE_CHECK_CHANNEL_FD` set): the runner first reads a
///   one-time nonce from that file descriptor and closes it, then writes its events as JSON
///   lines on standard output, each on its own line that starts with the nonce:
///   `plan` (seed, check names and points), then `start`/`end` per check, then `done`.
///   Standard output and standard error share one pipe, so the learner's own output
///   between two events belongs to the check that was running. Lines without the nonce are
///   the learner's output and can never count as results.
/// - **On its own** (compiled and run by hand): plain-text results, exit status 1 on failure.
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

        let suite = CheckSuite()
        register(suite)
        let from = environment["LLMCOURSE_CHECK_FROM"].flatMap { Int($0) } ?? 0
        let selected = suite.checks.enumerated().filter { (only == nil || $0.element.name == only) && $0.offset >= from }

        let channel = EventChannel(nonce: nonce)
        channel.send(["event": "plan", "seed": String(seed),
                      "checks": selected.map { entry -> [String: Any] in
                          var planned: [String: Any] = ["index": entry.offset, "name": entry.element.name, "points": entry.element.points]
                          if let zh = entry.element.nameZh { planned["name_zh"] = zh }
                          return planned
                      }])
        var failures = 0
        for (index, check) in selected {
            channel.send(["event": "start", "check": index])
            let started = DispatchTime.now().uptimeNanoseconds
            var context = CheckContext(seed: seed, checkName: check.name)
            var end: [String: Any] = ["event": "end", "check": index]
            do {
                try check.body(&context)
                end["status"] = "pass"
                if let worst = context.worstComparison { end["numeric"] = worst.jsonObject }
            } catch let failure as CheckFailure {
                end["status"] = "fail"
                end["message"] = failure.message
                if let numeric = failure.numeric { end["numeric"] = numeric.jsonObject }
            } catch {
                end["status"] = "error"
                end["message"] = "the check could not finish: \(error)"
            }
            end["duration_ms"] = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e6
            if end["status"] as? String != "pass" { failures += 1 }
            channel.send(end)
            if nonce == nil { printPlain(check: check, result: end) }
        }
        channel.send(["event": "done"])
        if nonce == nil {
            print(failures == 0 ? "All \(selected.count) checks passed (seed \(seed))."
                                : "\(failures) of \(selected.count) checks failed (seed \(seed)).")
        }
        exit(failures == 0 ? 0 : 1)
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

    private static func printPlain(check: CheckSuite.Check, result: [String: Any]) {
        let status = result["status"] as? String ?? "error"
        let mark = status == "pass" ? "PASS" : "FAIL"
        print("\(mark) \(check.name) (\(check.points) point\(check.points == 1 ? "" : "s"))")
        if let message = result["message"] as? String { print("     \(message)") }
    }
}

/// Writes nonce-prefixed JSON events to standard output (nothing when there is no nonce).
struct EventChannel {
    let nonce: String?

    func send(_ event: [String: Any]) {
        guard let nonce else { return }
        guard let data = try? JSONSerialization.data(withJSONObject: event, options: [.sortedKeys]) else { return }
        fflush(nil)   // the learner's buffered output first, so it lands before this event
        var line = Array("\n\(nonce) ".utf8)
        line += data
        line.append(UInt8(ascii: "\n"))
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

extension NumericReport {
    /// The report as a JSON-compatible dictionary (for the event channel).
    var jsonObject: Any {
        let encoder = JSONEncoder()
        // JSON has no infinity or NaN; the grader decodes these strings back.
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        guard let data = try? encoder.encode(self),
              let object = try? JSONSerialization.jsonObject(with: data) else { return [String: Any]() }
        return object
    }
}
