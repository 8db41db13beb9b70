import CheckProtocol
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Compiles one exercise into its two programs, with `swiftc -Onone -wmo` against the prebuilt
/// course library. Nothing else is compiled, so one broken exercise never blocks another.
///
/// - The **learner's program**: the learner's file(s), the learner half of `Bridge.swift`
///   (compiled with `-D LEARNER_SIDE`) and a generated `main.swift` that serves the learner's
///   functions (``LearnerServer``). It runs confined and holds no check.
/// - The **checks program**: `Checks.swift`, the checks half of `Bridge.swift` and a generated
///   `main.swift` that runs the checks. Trusted sources only; compiled once per exercise and
///   library, not after each edit.
///
/// Programs are cached in `<build folder>/<id>/`: when neither the sources nor the library
/// changed since the last compile, the previous program is reused.
struct ExerciseCompiler {
    var kit: CourseKit
    var courseRoot: URL
    /// Where programs are built, e.g. `<state dir>/build`.
    var buildFolder: URL
    var swiftc: String = Sandbox.findExecutable("swiftc") ?? "swiftc"
    /// Confines the learner's compile (nil: the checks program, trusted sources only).
    var sandbox: Sandbox?
    var limits = CompileLimits()

    struct Output {
        var program: URL
        var reused: Bool
        var durationMilliseconds: Double
    }

    struct Failure: Error {
        var diagnostics: [CompilerDiagnostic]
        var rawOutput: String
        /// The compile passed its time limit or output cap and was stopped.
        var timedOut = false
        var outputCapped = false
    }

    enum Role: String {
        case learner
        case checks

        /// The generated entry point.
        var mainSource: String {
            switch self {
            case .learner: return "import LLMCourseKit\n\nLLMCourseKit.LearnerServer.main(serveCalls)\n"
            case .checks: return "import LLMCourseKit\n\nLLMCourseKit.CheckRunner.main(registerChecks)\n"
            }
        }
    }

    /// The learner's program from `sources` and the learner half of `bridge`.
    func compileLearner(exerciseID: String, sources: [URL], bridge: URL) throws -> Result<Output, Failure> {
        try compile(.learner, exerciseID: exerciseID, sources: sources + [bridge], flags: ["-D", "LEARNER_SIDE"], confined: true)
    }

    /// The checks program from `checks` and the checks half of `bridge`.
    func compileChecks(exerciseID: String, checks: URL, bridge: URL) throws -> Result<Output, Failure> {
        try compile(.checks, exerciseID: exerciseID, sources: [checks, bridge], flags: [], confined: false)
    }

    private func compile(_ role: Role, exerciseID: String, sources: [URL], flags: [String], confined: Bool) throws -> Result<Output, Failure> {
        let started = Date()
        // The learner's limits bound the learner's file; the checks are trusted and only need
        // a bound on a stuck toolchain (a loaded machine must not fail them at 30 s).
        let limits = confined ? self.limits : .trustedSources
        let exerciseFolder = buildFolder.appendingPathComponent(exerciseID, isDirectory: true)
        // `<id>/learner/` and `<id>/checks/`: each program's entry point must be named main.swift.
        let folder = exerciseFolder.appendingPathComponent(role.rawValue, isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        // The sandboxed program may run as another user: it must be able to read and run it.
        for path in [buildFolder, exerciseFolder, folder] { chmod(path.path, 0o755) }
        let main = folder.appendingPathComponent("main.swift")
        let program = folder.appendingPathComponent("program")
        let keyFile = folder.appendingPathComponent("program.key")
        let key = try cacheKey(sources: sources, role: role)
        if FileManager.default.fileExists(atPath: program.path),
           (try? String(contentsOf: keyFile, encoding: .utf8)) == key {
            return .success(Output(program: program, reused: true, durationMilliseconds: Date().timeIntervalSince(started) * 1000))
        }
        try? FileManager.default.removeItem(at: keyFile)
        try role.mainSource.write(to: main, atomically: true, encoding: .utf8)
        // Compiled under a private name, then renamed: a `watch` and a `check` running at
        // the same time never run a half-written program.
        let fresh = folder.appendingPathComponent("program-\(getpid())")
        Self.removeStrayPrograms(in: folder)
        ChildProcess.removeOnInterrupt(fresh.path)
        defer {
            try? FileManager.default.removeItem(at: fresh)
            ChildProcess.keepOnInterrupt(fresh.path)
        }
        // The learner's compile gets a module cache of its own (the only other thing it writes).
        let moduleCache = buildFolder.appendingPathComponent("module-cache-\(role.rawValue)", isDirectory: true)
        try FileManager.default.createDirectory(at: moduleCache, withIntermediateDirectories: true)
        Self.removeLocks(in: moduleCache, olderThan: limits.timeoutSeconds)

        // One frontend process for all files (-wmo) loads the library's modules once, and
        // the toolchain's lld links faster than the system linker: about half the time.
        var arguments = [swiftc, "-Onone", "-wmo", "-swift-version", "6", "-module-name", "Exercise",
                         "-diagnostic-style", "llvm", "-no-color-diagnostics",
                         "-I", kit.modules.path, "-L", kit.directory.path, "-lLLMCourseKit",
                         "-Xlinker", "-rpath", "-Xlinker", kit.directory.path, "-module-cache-path", moduleCache.path] + flags
        // A slow expression becomes a compiler error naming it, well before the time limit
        // (the threshold is in whole seconds; under a 3 s limit only the time limit stops it).
        let solverSeconds = Int(limits.timeoutSeconds / 3)
        if solverSeconds > 0 { arguments += ["-Xfrontend", "-solver-expression-time-threshold=\(solverSeconds)"] }
        if Self.hasLLD(swiftc: swiftc) { arguments.append("-use-ld=lld") }
        for map in kit.moduleMaps { arguments += ["-Xcc", "-fmodule-map-file=\(map.path)"] }
        arguments += [main.path] + sources.map(\.path) + ["-o", fresh.path]
        if confined, let sandbox {
            let readOnly = [kit.directory.path] + kit.moduleMaps.map { $0.deletingLastPathComponent().path } + sources.map(\.path)
                + [Self.toolchainFolder(swiftc: swiftc)].compactMap { $0 }
            arguments = sandbox.wrapCompiler(arguments, readOnly: readOnly, writable: [folder.path, moduleCache.path], limits: limits)
        }
        let result = ProcessRunner.run(arguments, timeoutSeconds: limits.timeoutSeconds, outputCap: limits.outputBytes)
        guard result.status == 0, !result.timedOut, !result.outputCapped, FileManager.default.fileExists(atPath: fresh.path) else {
            if result.timedOut || result.outputCapped { Self.removeLocks(in: moduleCache, olderThan: 0) }
            // Messages name files as the course shows them: `workspace/<id>/File.swift:12:5`.
            let root = courseRoot.standardizedFileURL.path + "/"
            let output = result.output.replacingOccurrences(of: root, with: "")
            let diagnostics = CompilerDiagnostic.parse(output, generatedMain: main.path.replacingOccurrences(of: root, with: ""))
            return .failure(Failure(diagnostics: diagnostics, rawOutput: output, timedOut: result.timedOut, outputCapped: result.outputCapped))
        }
        chmod(fresh.path, 0o755)
        guard rename(fresh.path, program.path) == 0 else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: program.path])
        }
        try key.write(to: keyFile, atomically: true, encoding: .utf8)
        return .success(Output(program: program, reused: false, durationMilliseconds: Date().timeIntervalSince(started) * 1000))
    }

    /// Module-cache lock files (`*.lock`) older than `seconds`. A compile stopped while it
    /// builds a module leaves its lock behind, and the owner's process id (from inside the
    /// sandbox's process namespace) may name a live process in the next compile's namespace:
    /// the next compile would wait on it until its own time limit. No compile holds a lock
    /// longer than its time limit; one removed early only means a module is built twice.
    static func removeLocks(in moduleCache: URL, olderThan seconds: Double) {
        guard let files = FileManager.default.enumerator(at: moduleCache, includingPropertiesForKeys: [.contentModificationDateKey]) else { return }
        for case let file as URL in files where file.pathExtension == "lock" {
            let modified = (try? file.resourceValues(forKeys: [.contentModificationDateKey]))?.contentModificationDate ?? .distantPast
            if Date().timeIntervalSince(modified) >= seconds { try? FileManager.default.removeItem(at: file) }
        }
    }

    /// `program-<pid>` files of compiles that were killed (their process is gone).
    static func removeStrayPrograms(in folder: URL) {
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] where name.hasPrefix("program-") {
            guard let pid = Int32(name.dropFirst("program-".count)), pid != getpid(), kill(pid, 0) != 0 && errno == ESRCH else { continue }
            try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))
        }
    }

    /// The toolchain's top folder (`/opt/swift` for `/opt/swift/usr/bin/swiftc`), when it is
    /// not under `/usr` (which the sandbox binds anyway).
    static func toolchainFolder(swiftc: String) -> String? {
        let bin = URL(fileURLWithPath: swiftc).resolvingSymlinksInPath().deletingLastPathComponent()
        let top = bin.deletingLastPathComponent().deletingLastPathComponent().path
        return top == "/" || top.hasPrefix("/usr") ? nil : top
    }

    /// True when `ld.lld` ships next to `swiftc` (Swift toolchains for Linux include it).
    static func hasLLD(swiftc: String) -> Bool {
        let folder = URL(fileURLWithPath: swiftc).resolvingSymlinksInPath().deletingLastPathComponent()
        return FileManager.default.isExecutableFile(atPath: folder.appendingPathComponent("ld.lld").path)
    }

    /// A path relative to the course root when inside it, so messages read `workspace/…:12:5`.
    func displayPath(_ url: URL) -> String {
        let root = courseRoot.standardizedFileURL.path + "/"
        let path = url.standardizedFileURL.path
        return path.hasPrefix(root) ? String(path.dropFirst(root.count)) : path
    }

    /// FNV-1a over the sources' bytes, the library's size and time, the compiler path and the role.
    func cacheKey(sources: [URL], role: Role) throws -> String {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        func mix(_ bytes: some Sequence<UInt8>) {
            for byte in bytes { hash ^= UInt64(byte); hash = hash &* 0x0000_0100_0000_01B3 }
            hash ^= 0xFF; hash = hash &* 0x0000_0100_0000_01B3
        }
        for source in sources {
            mix(source.path.utf8)
            mix(try Data(contentsOf: source))
        }
        let attributes = try? FileManager.default.attributesOfItem(atPath: kit.library.path)
        mix("\(attributes?[.size] ?? 0) \((attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0)".utf8)
        mix(swiftc.utf8)
        mix(role.mainSource.utf8)
        return String(hash, radix: 16)
    }
}
