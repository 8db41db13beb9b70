import CheckProtocol
import Console
import Foundation

/// Turns what happened — a compile failure, or a run's termination and events — into a
/// ``Verdict``. Fail closed: a check passes only when its own `end` event says so and the
/// program then finished normally; a check that never reported is an error.
struct VerdictAssembler {
    var exercise: Exercise
    var seed: UInt64
    var isolation: String
    var limits: RunLimits
    var files: [String]
    /// `func` lines of the starter, quoted when the checks cannot call the learner's code.
    var starterSignatures: [String]

    /// A verdict with these results; `note` gives its message (English in `message`, the
    /// structured form for other languages in `note`).
    func base(status: Verdict.Status, errorKind: Verdict.ErrorKind?, note: VerdictNote?, tests: [CheckResult]) -> Verdict {
        Verdict(exercise: exercise.id, status: status, errorKind: errorKind, message: note?.english, note: note,
                score: tests.reduce(0) { $0 + $1.score }, maxScore: tests.reduce(0) { $0 + $1.maxScore },
                seed: seed, durationMilliseconds: 0, compileMilliseconds: nil, isolation: isolation,
                limits: .init(timeoutSeconds: limits.timeoutSeconds, memoryMegabytes: limits.memoryBytes >> 20,
                              outputBytes: limits.outputBytes, network: isolation == Sandbox.Mode.limitsOnly.rawValue),
                tests: tests, diagnostics: nil, files: files, output: nil, outputTruncated: nil)
    }

    func compileFailure(_ failure: ExerciseCompiler.Failure, limits: CompileLimits) -> Verdict {
        let diagnostics = failure.diagnostics, raw = failure.rawOutput
        if failure.timedOut {
            var verdict = base(status: .error, errorKind: .compile,
                               note: VerdictNote(.compileTimedOut, format(limits.timeoutSeconds)), tests: [])
            verdict.diagnostics = Array(diagnostics.prefix(limits.diagnostics))
            return verdict
        }
        let errors = diagnostics.filter { $0.severity == "error" }
        // Errors about the library itself are the installation's fault, not the learner's.
        if errors.contains(where: { $0.file.isEmpty && ($0.message.contains("missing required module") || $0.message.contains("no such module")) }) {
            return internalError(VerdictNote(.libraryUnusable, errors.map(\.message).joined(separator: "; ")))
        }
        // Errors in the bridge mean the learner's functions no longer have the starter's signatures.
        let inChecks = errors.contains { $0.file.hasSuffix("Bridge.swift") || $0.file.hasPrefix("(generated") }
        let count = String(errors.count)
        let note: VerdictNote
        if errors.isEmpty {
            note = VerdictNote(.compilerFailed, String(raw.suffix(2000)))
        } else if !inChecks {
            note = VerdictNote(.compileErrors, count)
        } else if starterSignatures.isEmpty {
            note = VerdictNote(.compileErrorsInChecks, count)
        } else {
            note = VerdictNote(.compileErrorsInChecksWithSignatures, count, starterSignatures.map { "    " + $0 }.joined(separator: "\n"))
        }
        var verdict = base(status: .error, errorKind: .compile, note: note, tests: [])
        // A flood of errors is cut to the first few: the first one is what to fix.
        let shown = diagnostics.filter { $0.severity != "warning" || !$0.file.hasSuffix("Bridge.swift") }
        verdict.diagnostics = Array(shown.prefix(limits.diagnostics))
        if shown.count > limits.diagnostics || failure.outputCapped {
            verdict.note = VerdictNote(.compileOutputCut, String(verdict.diagnostics?.count ?? 0), detail: note)
            verdict.message = verdict.note?.english
        }
        return verdict
    }

    func internalError(_ note: VerdictNote) -> Verdict {
        base(status: .error, errorKind: .internal, note: note, tests: [])
    }

    /// One run of the checks program: how it ended and what it reported.
    typealias Segment = (outcome: SandboxedRun.Outcome, events: CheckEventStream)

    func runResult(_ outcome: SandboxedRun.Outcome, events: CheckEventStream) -> Verdict {
        runResult([(outcome, events)])
    }

    /// The verdict of one or more runs: after a run stopped abnormally in some check, the
    /// grader runs the program again from the next check, so one crash or endless loop
    /// costs only its own check's points. The first run's plan lists every check.
    func runResult(_ segments: [Segment]) -> Verdict {
        guard let first = segments.first else { return internalError(VerdictNote(.notRun)) }
        let abnormalities = segments.map { classify($0.outcome, events: $0.events) }
        let firstAbnormal = abnormalities.compactMap { $0 }.first
        guard let plan = first.events.plan else {
            let early = String(decoding: first.events.output[-1] ?? [], as: UTF8.self)
            if early.hasPrefix("bwrap:") || early.hasPrefix("prlimit:") || early.hasPrefix("setpriv:") || early.hasPrefix("unshare:") {
                return internalError(VerdictNote(.sandboxFailed, String(early.prefix(300))))
            }
            let what = firstAbnormal?.note ?? VerdictNote(.endedWithoutReport, detail: first.outcome.termination.note)
            var verdict = base(status: .error, errorKind: firstAbnormal?.kind ?? .internal,
                               note: VerdictNote(.noCheckRan, detail: what), tests: [])
            attachOutput(&verdict, first.events.output[-1] ?? [])
            return verdict
        }
        var tests: [CheckResult] = []
        var anyRan = false
        for planned in plan {
            var result = CheckResult(name: planned.name, status: .error, score: 0, maxScore: planned.points, seed: seed)
            result.nameZh = planned.nameZh
            result.set(VerdictNote(.didNotRun))
            for (number, segment) in segments.enumerated() {
                let events = segment.events, abnormal = abnormalities[number]
                if let end = events.ended[planned.index] {
                    anyRan = true
                    result.status = CheckResult.Status(rawValue: end.status) ?? .error
                    result.message = end.message
                    result.note = nil
                    result.numeric = end.numeric
                    result.durationMilliseconds = end.durationMilliseconds
                    if result.status == .pass && abnormal != nil && number == segments.count - 1 && !events.done {
                        // Reported as passed, but the program did not finish cleanly afterwards.
                        result.status = .error
                        result.set(VerdictNote(.passThenStopped, detail: abnormal!.note))
                    }
                } else if events.started.contains(planned.index) {
                    result.status = abnormal?.kind == .timeout ? .timeout : .error
                    result.set(abnormal?.note ?? VerdictNote(.stoppedDuringCheck, detail: segment.outcome.termination.note))
                } else {
                    continue
                }
                if let bytes = events.output[planned.index], !bytes.isEmpty {
                    let (text, truncated) = sanitisedOutput(bytes)
                    result.output = text
                    result.outputTruncated = truncated
                }
                break
            }
            if result.status == .pass { result.score = planned.points }
            tests.append(result)
        }
        let finished = segments.last?.events.done == true
        let allPass = !tests.isEmpty && tests.allSatisfy { $0.status == .pass } && finished && firstAbnormal == nil
        let note = plan.isEmpty ? VerdictNote(.noChecksRegistered) : firstAbnormal?.note
        var verdict = base(status: allPass ? .pass : (anyRan ? .fail : .error), errorKind: firstAbnormal?.kind,
                           note: note, tests: tests)
        attachOutput(&verdict, first.events.output[-1] ?? [])
        return verdict
    }

    private func attachOutput(_ verdict: inout Verdict, _ bytes: [UInt8]) {
        guard !bytes.isEmpty else { return }
        let (text, truncated) = sanitisedOutput(bytes)
        if !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            verdict.output = text
            verdict.outputTruncated = truncated
        }
    }

    /// How the run ended, when it did not end normally; nil for a normal end.
    func classify(_ outcome: SandboxedRun.Outcome, events: CheckEventStream) -> (kind: Verdict.ErrorKind, note: VerdictNote)? {
        let megabytes = String(limits.memoryBytes >> 20)
        if outcome.timedOut {
            return (.timeout, VerdictNote(.timedOut, format(limits.timeoutSeconds)))
        }
        if outcome.outputExceeded {
            return (.outputLimit, VerdictNote(.outputLimit, String(limits.outputBytes >> 10)))
        }
        if let detail = outcome.protocolViolation {
            return (.crash, VerdictNote(.protocolViolation, detail))
        }
        let interruptedOutput = events.interrupted.flatMap { events.output[$0] } ?? events.output[-1] ?? []
        let trap = trapMessage(in: interruptedOutput.isEmpty ? (events.output.values.flatMap { $0 }) : interruptedOutput)
        var signal: Int32?
        switch outcome.termination {
        case .signalled(let s): signal = s
        case .exited(let code) where code > 128 && !events.done: signal = code - 128
        case .exited(let code) where !events.done:
            return (.crash, VerdictNote(.exitedEarly, String(code)))
        case .exited(let code) where code > 1:
            return (.crash, VerdictNote(.endedWithStatus, String(code)))
        default: break
        }
        guard let signal else { return nil }
        if let trap, trap.lowercased().contains("allocate") {
            return (.memory, VerdictNote(.outOfMemory, megabytes, trap))
        }
        let trapNote = trap.map { VerdictNote(.crashedWithTrap, $0) }
        switch signal {
        case SIGXCPU:
            return (.timeout, VerdictNote(.cpuTime, String(limits.cpuSeconds)))
        case SIGKILL:
            return (.memory, VerdictNote(.killedForMemory, megabytes))
        case SIGSEGV, SIGBUS:
            return (.crash, trapNote ?? VerdictNote(.segmentationFault))
        case SIGXFSZ:
            return (.outputLimit, VerdictNote(.fileTooLarge, String(limits.fileBytes >> 20)))
        case SIGFPE:
            return (.crash, trapNote ?? VerdictNote(.arithmeticError))
        default:
            return (.crash, trapNote ?? VerdictNote(.crashedWithSignal, String(signal)))
        }
    }

    /// The Swift runtime's last trap message (`…: Fatal error: Index out of range`), if any.
    func trapMessage(in bytes: [UInt8]) -> String? {
        let text = String(decoding: bytes.suffix(8192), as: UTF8.self)
        let lines = text.split(separator: "\n").map(String.init)
        guard let line = lines.last(where: { $0.contains("Fatal error") || $0.contains("Could not allocate") || $0.contains("failed to allocate") }) else {
            return nil
        }
        // `Swift/ContiguousArrayBuffer.swift:691: Fatal error: Index out of range` → drop the
        // standard library's own location, keep locations in the learner's file.
        if line.hasPrefix("Swift/"), let range = line.range(of: "Fatal error") {
            return String(line[range.lowerBound...])
        }
        // `Exercise/Probe.swift:3: Fatal error: boom` names the learner's file by module;
        // show the path the learner edits.
        var message = line.trimmingCharacters(in: .whitespaces)
        for file in files {
            let name = file.split(separator: "/").last.map(String.init) ?? file
            message = message.replacingOccurrences(of: "Exercise/\(name):", with: "\(file):")
        }
        return message
    }

    private func format(_ x: Double) -> String {
        x == x.rounded() ? String(Int(x)) : String(x)
    }
}

extension Termination: CustomStringConvertible {
    public var description: String { note.english }

    /// "status 3" or "signal 9", as a note for other notes to quote.
    var note: VerdictNote {
        switch self {
        case .exited(let code): return VerdictNote(.exitStatus, String(code))
        case .signalled(let signal): return VerdictNote(.exitSignal, String(signal))
        }
    }
}

extension CheckResult {
    /// Sets a grader-written message: English in `message`, the structured form in `note`.
    mutating func set(_ note: VerdictNote) {
        self.note = note
        message = note.english
    }
}
