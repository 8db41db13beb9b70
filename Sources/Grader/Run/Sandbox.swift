import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// How the checks program is confined, chosen once per process from what the system offers.
///
/// - `bubblewrap`: `bwrap` with new user, network, PID, IPC and UTS namespaces; the file
///   system holds only the system libraries, the Swift runtime, the course library and the
///   program (read-only), a private `/tmp` as the working directory. No network, no view of
///   the course sources, the reference or other learners' files.
/// - `unshare`: `unshare -rn --pid --fork` — no network and a private process tree, but the
///   file system is visible (read-only for the course files only by permissions).
/// - `limits only`: resource limits and a process group, nothing else.
///
/// In every mode the program runs under `prlimit` limits: address space (memory), CPU time,
/// file size, open files, no core files, and a process count (which only bites for a non-root
/// user; when the grader runs as root the program runs as a user id of its own, see
/// ``runUserIDs``). Where a control group can be made (``RunCgroup``), memory and process
/// limits also hold for the whole sandbox together. In the weaker modes the program and the
/// course library must be readable by that user.
public struct Sandbox: Sendable, Equatable {
    public enum Mode: String, Sendable, Codable {
        case bubblewrap
        case unshare
        case limitsOnly = "limits-only"
    }

    public var mode: Mode
    /// Drop to this user and group (when the grader runs as root).
    var dropTo: (uid: UInt32, gid: UInt32)?
    var toolPaths: [String: String]

    public static func == (a: Sandbox, b: Sandbox) -> Bool { a.mode == b.mode && a.dropTo?.uid == b.dropTo?.uid }

    /// A one-line description for the verdict and the terminal.
    public var summary: String {
        switch mode {
        case .bubblewrap: return "bubblewrap (no network, private files and processes)"
        case .unshare: return "unshare (no network, private processes; files not hidden — install bubblewrap for that)"
        case .limitsOnly: return "resource limits only (install bubblewrap for no network and private files)"
        }
    }

    /// Probes the system (a few milliseconds) and picks the strongest mode that works.
    /// `LLMCOURSE_SANDBOX=bubblewrap|unshare|limits-only` forces a mode (for tests).
    public static func detect(environment: [String: String] = ProcessInfo.processInfo.environment) -> Sandbox {
        var tools: [String: String] = [:]
        for tool in ["bwrap", "unshare", "prlimit", "setpriv"] { tools[tool] = findExecutable(tool) }
        let dropTo: (UInt32, UInt32)? = getuid() == 0 && tools["setpriv"] != nil ? (65534, 65534) : nil
        let forced = environment["LLMCOURSE_SANDBOX"].flatMap(Mode.init(rawValue:))
        var candidates: [Mode] = [.bubblewrap, .unshare, .limitsOnly]
        if let forced { candidates = [forced] }
        for mode in candidates {
            let sandbox = Sandbox(mode: mode, dropTo: dropTo, toolPaths: tools)
            if mode == .limitsOnly || sandbox.probe() { return sandbox }
        }
        return Sandbox(mode: .limitsOnly, dropTo: dropTo, toolPaths: tools)
    }

    /// True when `true` runs inside this sandbox.
    func probe() -> Bool {
        guard let truePath = Sandbox.findExecutable("true") else { return false }
        switch mode {
        case .bubblewrap where toolPaths["bwrap"] == nil: return false
        case .unshare where toolPaths["unshare"] == nil: return false
        default: break
        }
        let command = wrap(program: truePath, binds: [], limits: .probe)
        let result = ProcessRunner.run(command, environment: ["PATH": "/usr/bin:/bin"])
        return result.status == 0
    }

    /// The user ids a run may get when the grader runs as root: far above the ids systems give
    /// to accounts, so no other process on the machine has one.
    static let runUserIDs: Range<UInt32> = 3_000_000..<4_000_000

    /// The full command line that runs `program` confined, under `limits`.
    /// `binds` are extra files or folders made visible read-only at the same path.
    ///
    /// With bubblewrap, `bwrap` starts first (as the grader's user, so it can reach files in
    /// private folders), and inside it `setpriv` (when root) and `prlimit` apply the user and
    /// the limits. Files are bound one by one, so their folders inside the sandbox are freshly
    /// made and readable whatever the folders outside allow. The program appears as
    /// `/exercise/program`.
    func wrap(program: String, binds: [String], limits: RunLimits) -> [String] {
        var confine: [String] = []
        if let dropTo, let setpriv = toolPaths["setpriv"] {
            // A user id of its own for each run (no account needs it): the kernel's process
            // count (RLIMIT_NPROC) is per user, so it then counts this sandbox's processes only,
            // not those of every `nobody` on the machine.
            let uid = Sandbox.runUserIDs.lowerBound + UInt32.random(in: 0..<UInt32(Sandbox.runUserIDs.count))
            confine += [setpriv, "--reuid=\(uid)", "--regid=\(dropTo.gid)", "--clear-groups", "--"]
        }
        if let prlimit = toolPaths["prlimit"] {
            confine += [prlimit, "--as=\(limits.memoryBytes)", "--cpu=\(limits.cpuSeconds)",
                        "--fsize=\(limits.fileBytes)", "--nofile=256", "--core=0",
                        "--nproc=\(limits.processes(asNonRoot: dropTo == nil && getuid() != 0))", "--"]
        }
        switch mode {
        case .bubblewrap:
            // As root, no user namespace (setpriv inside needs the real ids); otherwise bwrap's
            // own unprivileged user namespace.
            var command = [toolPaths["bwrap"]!]
            command += getuid() == 0 ? ["--unshare-ipc", "--unshare-pid", "--unshare-net", "--unshare-uts", "--unshare-cgroup-try"]
                                     : ["--unshare-all"]
            command += ["--die-with-parent", "--new-session", "--clearenv", "--setenv", "PATH", "/usr/bin:/bin"]
            // The private /tmp first: binds that live under /tmp are mounted on top of it.
            command += ["--proc", "/proc", "--dev", "/dev", "--perms", "1777", "--tmpfs", "/tmp"]
            command += Sandbox.systemBinds()
            // Folders bwrap makes for mount points would be private to root: make them
            // readable first, so the program still reads its files after dropping to nobody.
            var made: Set<String> = []
            for path in binds + ["/exercise/program"] {
                for folder in Sandbox.ancestors(of: path) where !made.contains(folder) {
                    made.insert(folder)
                    command += ["--perms", "0755", "--dir", folder]
                }
            }
            for path in binds { command += ["--ro-bind", path, path] }
            command += ["--ro-bind", program, "/exercise/program", "--chdir", "/tmp", "--"]
            return command + confine + ["/exercise/program"]
        case .unshare:
            return confine + [toolPaths["unshare"]!, "--user", "--map-root-user", "--net", "--pid", "--fork", "--kill-child", "--", program]
        case .limitsOnly:
            return confine + [program]
        }
    }

    /// The command line that compiles a learner's file confined: in the bubblewrap mode the
    /// compiler sees the system, the toolchain and `readOnly` (the course library, the
    /// sources) read-only and can write only to `writable` (the program's folder and its
    /// module cache), with no network; in every mode it runs under `prlimit` limits (memory,
    /// CPU time, file size). The compiler runs as the grader's user: it executes none of the
    /// learner's code, and the program it writes must stay the grader's.
    func wrapCompiler(_ command: [String], readOnly: [String], writable: [String], limits: CompileLimits) -> [String] {
        var confine: [String] = []
        if let prlimit = toolPaths["prlimit"] {
            confine += [prlimit, "--as=\(limits.memoryBytes)", "--cpu=\(limits.cpuSeconds)",
                        "--fsize=\(limits.fileBytes)", "--core=0", "--"]
        }
        guard mode == .bubblewrap, let bwrap = toolPaths["bwrap"] else { return confine + command }
        var wrapped = [bwrap]
        wrapped += getuid() == 0 ? ["--unshare-ipc", "--unshare-pid", "--unshare-net", "--unshare-uts", "--unshare-cgroup-try"]
                                 : ["--unshare-all"]
        wrapped += ["--die-with-parent", "--new-session", "--clearenv",
                    "--setenv", "PATH", "/usr/bin:/bin", "--setenv", "HOME", "/tmp", "--setenv", "TMPDIR", "/tmp",
                    "--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp"]
        wrapped += Sandbox.systemBinds()
        for path in readOnly where !path.hasPrefix("/usr/") { wrapped += ["--ro-bind", path, path] }
        for path in writable { wrapped += ["--bind", path, path] }
        return wrapped + ["--"] + confine + command
    }

    /// The read-only system folders a Swift program needs: `/usr` (and the `/lib`, `/bin`
    /// links into it) and `/etc` for the dynamic linker's cache and library alternatives. The
    /// Swift runtime's folder comes with the run's own binds (see ``SandboxedRun``).
    static func systemBinds() -> [String] {
        var arguments: [String] = ["--ro-bind", "/usr", "/usr"]
        for path in ["/lib", "/lib64", "/lib32", "/bin", "/sbin"] {
            if let target = try? FileManager.default.destinationOfSymbolicLink(atPath: path) {
                arguments += ["--symlink", target, path]
            } else if FileManager.default.fileExists(atPath: path) {
                arguments += ["--ro-bind", path, path]
            }
        }
        arguments += ["--ro-bind", "/etc", "/etc"]
        return arguments
    }

    /// The folders above `path`, outermost first, that bwrap has to create (not `/`, and not
    /// inside the system folders bound or mounted anyway).
    static func ancestors(of path: String) -> [String] {
        var folders: [String] = []
        var current = (path as NSString).deletingLastPathComponent
        while current != "/" && !current.isEmpty {
            folders.insert(current, at: 0)
            current = (current as NSString).deletingLastPathComponent
        }
        // /tmp itself is a fresh tmpfs, but folders below it (a course cloned under /tmp) must
        // still be made readable like any other.
        let system = ["/usr", "/etc", "/proc", "/dev", "/lib", "/lib64", "/bin", "/sbin"]
        return folders.filter { folder in
            folder != "/tmp" && !system.contains { folder == $0 || folder.hasPrefix($0 + "/") }
        }
    }

    /// The folder of `libswiftCore.so` for the `swiftc` on `PATH`.
    static func swiftRuntimeFolder() -> String? {
        guard let swiftc = findExecutable("swiftc") else { return nil }
        let toolchain = URL(fileURLWithPath: swiftc).resolvingSymlinksInPath().deletingLastPathComponent().deletingLastPathComponent()
        let runtime = toolchain.appendingPathComponent("lib/swift/linux")
        return FileManager.default.fileExists(atPath: runtime.path) ? runtime.path : nil
    }

    static func findExecutable(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for dir in (path.split(separator: ":").map(String.init) + ["/usr/bin", "/bin", "/usr/sbin", "/sbin"]) {
            let candidate = "\(dir)/\(name)"
            if access(candidate, X_OK) == 0 { return candidate }
        }
        return nil
    }
}

/// Limits for compiling a learner's file: a type-checking bomb or a flood of errors ends
/// with a verdict, not a stuck grader.
public struct CompileLimits: Sendable, Equatable {
    public var timeoutSeconds: Double = 30
    /// Address space: the compiler reserves far more than it touches, so this is generous.
    public var memoryBytes: Int = 8 << 30
    public var fileBytes: Int = 512 << 20
    /// Compiler output kept; past it the compile is stopped.
    public var outputBytes: Int = 256 << 10
    /// Diagnostics kept in the verdict.
    public var diagnostics: Int = 50

    public init() {}

    /// For the course's own checks: only a stuck toolchain is stopped.
    static let trustedSources: CompileLimits = {
        var limits = CompileLimits()
        limits.timeoutSeconds = 600
        limits.outputBytes = 4 << 20
        return limits
    }()

    var cpuSeconds: Int { Int(timeoutSeconds.rounded(.up)) * 2 }
}

/// Resource limits for one run of a learner's program.
public struct RunLimits: Sendable, Equatable, Codable {
    /// Wall-clock limit for the whole run.
    public var timeoutSeconds: Double
    /// Address-space limit (RLIMIT_AS).
    public var memoryBytes: Int
    /// Bytes of learner output kept before the run is stopped.
    public var outputBytes: Int
    /// Largest file the program may write (in its private `/tmp`).
    public var fileBytes: Int = 16 << 20
    /// Processes and threads the program may have at once. A checks program needs a handful
    /// of threads; a larger allowance lets a fork loop fill it with busy processes that starve
    /// the grader's own clock on a small machine (64 delayed a 2 s timeout to 12 s).
    public var maxProcesses: Int = 16

    public init(timeoutSeconds: Double, memoryBytes: Int, outputBytes: Int = 1 << 20) {
        self.timeoutSeconds = timeoutSeconds
        self.memoryBytes = memoryBytes
        self.outputBytes = outputBytes
    }

    /// CPU seconds: the wall-clock limit plus one, so the wall clock normally decides.
    var cpuSeconds: Int { Int(timeoutSeconds.rounded(.up)) + 1 }

    /// RLIMIT_NPROC counts all processes of the user, so a non-root learner's own
    /// processes are added to the allowance.
    func processes(asNonRoot: Bool) -> Int {
        guard asNonRoot else { return maxProcesses }
        let uid = getuid()
        let mine = ((try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []).filter { entry in
            guard Int(entry) != nil, let attributes = try? FileManager.default.attributesOfItem(atPath: "/proc/\(entry)") else { return false }
            return (attributes[.ownerAccountID] as? NSNumber)?.uint32Value == uid
        }.count
        return mine + maxProcesses
    }

    static let probe = RunLimits(timeoutSeconds: 5, memoryBytes: 512 << 20)

    /// Without a control group the memory limit is per process, so the sandbox gets only what
    /// a Swift program's runtime needs: its process and a few threads.
    static let processesWithoutCgroup = 4
}
