import CheckProtocol
import Console
import Course
import Foundation
import Progress

/// Grades exercises: compile on its own, run confined, assemble the verdict, record progress.
///
/// ```swift
/// let grader = try Grader(courseRoot: root, progress: { print($0) })
/// let verdict = try grader.check("matmul-loops", seed: 7)
/// print(verdict.json())
/// ```
public final class Grader {
    public let catalog: ExerciseCatalog
    public let workspace: Workspace
    public let kit: CourseKit
    public let sandbox: Sandbox
    public let store: ProgressStore?
    /// Why there is no progress store (its folder could not be made), when there is none:
    /// grading still works, and each attempt says its result was not saved.
    public let storeError: (any Error)?
    /// Where compiled programs are cached.
    public let buildFolder: URL
    /// Time, memory and output allowed to the compiler on a learner's file.
    public var compileLimits = CompileLimits()

    public init(catalog: ExerciseCatalog, workspace: Workspace, kit: CourseKit, sandbox: Sandbox,
                store: ProgressStore?, storeError: (any Error)? = nil, buildFolder: URL) {
        self.catalog = catalog
        self.workspace = workspace
        self.kit = kit
        self.sandbox = sandbox
        self.store = store
        self.storeError = storeError
        self.buildFolder = buildFolder
    }

    /// The usual set-up for a course folder: exercises in course order, `workspace/`, the
    /// progress store in `.llmcourse/` (or `$LLMCOURSE_STATE_DIR`), the library found or built.
    public convenience init(courseRoot: URL, environment: [String: String] = ProcessInfo.processInfo.environment,
                            language: CourseLanguage = .english, progress: (String) -> Void) throws {
        let catalog = try ExerciseCatalog.load(courseRoot: courseRoot)
        let stateDirectory = ProgressStore.defaultDirectory(courseRoot: courseRoot, environment: environment)
        var store: ProgressStore?, storeError: (any Error)?
        do { store = try ProgressStore(directory: stateDirectory) } catch { storeError = error }
        // Without a writable state folder, programs are built in a private temporary folder.
        let buildFolder = store != nil ? stateDirectory.appendingPathComponent("build", isDirectory: true)
            : FileManager.default.temporaryDirectory.appendingPathComponent("llmcourse-build-\(getuid())", isDirectory: true)
        self.init(catalog: catalog, workspace: .default(courseRoot: courseRoot, environment: environment),
                  kit: try CourseKit.locate(courseRoot: courseRoot, environment: environment, language: language, progress: progress),
                  sandbox: .detect(environment: environment), store: store, storeError: storeError, buildFolder: buildFolder)
    }

    public var courseRoot: URL { catalog.root }

    /// The first exercise in course order the learner has not passed (other than `skipping`);
    /// nil when all are passed. `check`, `watch` and the watch session's "next" use it.
    public func firstNotPassed(skipping skipped: String? = nil) throws -> Exercise? {
        let progress = try store?.load()
        return catalog.exercises.first { progress?.isPassed($0.id) != true && $0.id != skipped }
    }

    /// Grades the learner's working copy (made from the starter first if missing) and
    /// records the attempt. `seed` defaults to a fresh one, shown in the verdict.
    ///
    /// A pass counts only on a fresh seed: with a `seed` the learner chose (a replay of a
    /// failure), answers hard-coded for the inputs that seed shows would pass, so the attempt
    /// is graded and shown but not recorded as a pass. Progress that cannot be saved never
    /// costs the verdict: the problem comes back beside it.
    public func attempt(_ id: String, seed: UInt64? = nil, record: Bool = true) throws(ExerciseError) -> GradedAttempt {
        let exercise = try catalog.exercise(id)
        // A missing starter is reported by the verdict below (the working copy is missing too).
        _ = try? workspace.prepare(exercise)
        let verdict = grade(exercise, sources: workspace.files(for: exercise), seed: seed ?? Self.freshSeed())
        var attempt = GradedAttempt(verdict: verdict, replay: seed != nil)
        guard record else { return attempt }
        guard let store else {
            attempt.progressError = storeError
            return attempt
        }
        do {
            try store.update {
                $0.recordAttempt(exercise: id, passed: verdict.passed && seed == nil,
                                 score: Double(verdict.score), maxScore: Double(verdict.maxScore))
            }
        } catch {
            attempt.progressError = error
        }
        return attempt
    }

    /// ``attempt(_:seed:record:)``'s verdict alone.
    public func check(_ id: String, seed: UInt64? = nil, record: Bool = true) throws(ExerciseError) -> Verdict {
        try attempt(id, seed: seed, record: record).verdict
    }

    /// Grades `sources` (the learner's files, or an author's solution) against the exercise's
    /// checks. Never throws: every failure, including the harness's own, is a verdict.
    /// `buildKey` names the cached program (default: the exercise id).
    public func grade(_ exercise: Exercise, sources: [URL], seed: UInt64, limits: RunLimits? = nil,
                      buildKey: String? = nil) -> Verdict {
        let started = Date()
        let limits = limits ?? RunLimits(timeoutSeconds: exercise.timeoutSeconds, memoryBytes: exercise.memoryMegabytes << 20)
        let compiler = ExerciseCompiler(kit: kit, courseRoot: courseRoot, buildFolder: buildFolder, sandbox: sandbox,
                                       limits: compileLimits)
        let assembler = VerdictAssembler(exercise: exercise, seed: seed, isolation: sandbox.mode.rawValue, limits: limits,
                                         files: sources.map { compiler.displayPath($0) },
                                         starterSignatures: starterSignatures(exercise))
        var verdict = runStages(exercise, sources: sources, seed: seed, limits: limits, buildKey: buildKey ?? exercise.id,
                                compiler: compiler, assembler: assembler)
        verdict.durationMilliseconds = (Date().timeIntervalSince(started) * 1000).rounded()
        return verdict
    }

    private func runStages(_ exercise: Exercise, sources: [URL], seed: UInt64, limits: RunLimits, buildKey: String,
                           compiler: ExerciseCompiler, assembler: VerdictAssembler) -> Verdict {
        for source in sources {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: source.path, isDirectory: &isFolder), isFolder.boolValue {
                return assembler.base(status: .error, errorKind: .internal,
                                      note: VerdictNote(.workingCopyIsFolder, compiler.displayPath(source), exercise.id), tests: [])
            }
            if let target = try? FileManager.default.destinationOfSymbolicLink(atPath: source.path),
               !FileManager.default.fileExists(atPath: source.path) {
                return assembler.base(status: .error, errorKind: .internal,
                                      note: VerdictNote(.workingCopyDanglingLink, compiler.displayPath(source), target, exercise.id), tests: [])
            }
        }
        for source in sources where !FileManager.default.fileExists(atPath: source.path) {
            let starter = exercise.folder.appendingPathComponent(source.lastPathComponent)
            let note = FileManager.default.fileExists(atPath: starter.path)
                ? VerdictNote(.workingCopyMissing, compiler.displayPath(source), exercise.id)
                : VerdictNote(.starterMissing, compiler.displayPath(source), compiler.displayPath(starter), exercise.id)
            return assembler.base(status: .error, errorKind: .internal, note: note, tests: [])
        }
        guard FileManager.default.fileExists(atPath: exercise.checksFile.path),
              FileManager.default.fileExists(atPath: exercise.bridgeFile.path) else {
            return assembler.internalError(VerdictNote(.checksMissing, exercise.id))
        }
        let checks: ExerciseCompiler.Output, learner: ExerciseCompiler.Output
        do {
            // The checks program is trusted code: a failure to compile it is the course's fault.
            switch try compiler.compileChecks(exerciseID: buildKey, checks: exercise.checksFile, bridge: exercise.bridgeFile) {
            case .success(let output): checks = output
            case .failure(let failure): return assembler.internalError(VerdictNote(.compilerFailed, String(failure.rawOutput.suffix(2000))))
            }
            switch try compiler.compileLearner(exerciseID: buildKey, sources: sources, bridge: exercise.bridgeFile) {
            case .success(let output): learner = output
            case .failure(let failure): return assembler.compileFailure(failure, limits: compiler.limits)
            }
        } catch {
            return assembler.internalError(VerdictNote(.buildFolderFailed, buildFolder.path, "\(error)"))
        }
        let segments: [VerdictAssembler.Segment]
        do {
            segments = try runResumingAfterStops(checks: checks.program, learner: learner.program, seed: seed, limits: limits)
        } catch {
            return assembler.internalError(VerdictNote(.startFailed, "\(error)"))
        }
        var verdict = assembler.runResult(segments)
        let compiled = (checks.reused ? 0 : checks.durationMilliseconds) + (learner.reused ? 0 : learner.durationMilliseconds)
        verdict.compileMilliseconds = compiled.rounded()
        return verdict
    }

    /// Runs the checks program; when a run stops inside a check (crash, time-out, too much
    /// output), runs it again from the next check, so the other checks still count. After a
    /// second time-out no further run starts.
    func runResumingAfterStops(checks: URL, learner: URL, seed: UInt64, limits: RunLimits) throws -> [VerdictAssembler.Segment] {
        let runner = SandboxedRun(sandbox: sandbox, limits: limits)
        var segments: [VerdictAssembler.Segment] = []
        var from = 0
        var timeouts = 0
        while true {
            let nonce = Self.nonce()
            let outcome = try runner.run(checks: checks, learner: learner, kit: kit, seed: seed, nonce: nonce, fromCheck: from)
            let events = CheckEventStream(bytes: outcome.bytes, nonce: nonce)
            segments.append((outcome, events))
            if outcome.timedOut { timeouts += 1 }
            guard let plan = segments[0].events.plan, !events.done, let stopped = events.interrupted,
                  plan.contains(where: { $0.index > stopped }) else { break }
            // Waiting out more than two time limits would try the learner's patience.
            if timeouts >= 2 { break }
            from = stopped + 1
        }
        return segments
    }

    /// The declarations (`func`, `struct`, …) of the starter files, each joined onto one line
    /// when its parameters span several, for "keep the signature" messages.
    func starterSignatures(_ exercise: Exercise) -> [String] {
        let kinds = ["func ", "struct ", "final class ", "class ", "enum ", "extension ", "public func ", "mutating func "]
        return exercise.starterFiles.flatMap { name -> [String] in
            let text = (try? String(contentsOf: exercise.folder.appendingPathComponent(name), encoding: .utf8)) ?? ""
            var signatures: [String] = []
            var pending: String?
            for raw in text.split(separator: "\n") {
                let line = raw.trimmingCharacters(in: .whitespaces)
                if pending == nil, kinds.contains(where: { line.hasPrefix($0) }) { pending = "" }
                guard var current = pending else { continue }
                current += (current.isEmpty ? "" : " ") + line
                let open = current.filter { $0 == "(" }.count, close = current.filter { $0 == ")" }.count
                if open == close || current.hasSuffix("{") {
                    if current.hasSuffix("{") { current = String(current.dropLast()).trimmingCharacters(in: .whitespaces) }
                    signatures.append(current)
                    pending = nil
                } else {
                    pending = current
                }
            }
            return signatures
        }
    }

    /// A seed in 1…999999, short enough to retype after `--seed`.
    static func freshSeed() -> UInt64 { UInt64.random(in: 1...999_999) }

    /// 128 random bits as hex: the token that marks the checks program's event lines. Only the
    /// grader and the checks program know it; the learner's program runs in another process.
    static func nonce() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<2).map { _ in String(generator.next() as UInt64, radix: 16) }.joined()
    }
}

/// One graded attempt: the verdict, and what became of it in the learner's progress.
public struct GradedAttempt {
    public var verdict: Verdict
    /// Graded on a seed the learner chose: a pass is shown but not recorded.
    public var replay: Bool
    /// Why the attempt could not be saved, if it could not (the verdict stands regardless).
    public var progressError: (any Error)?

    /// True when this attempt's pass was recorded.
    public var passRecorded: Bool { verdict.passed && !replay && progressError == nil }
}
