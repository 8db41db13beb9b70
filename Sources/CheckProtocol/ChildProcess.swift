import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A child process started with `posix_spawn`: standard output and error go to one pipe
/// (so their order is kept), standard input is `/dev/null`, and the child leads its own
/// process group so the whole group can be signalled.
///
/// Optionally a second pipe is handed to the child as file descriptor 3 with `channelText`
/// already written into it (the grader passes the checks program's one-time nonce this way).
/// With `callPipes`, descriptor 3 is instead the read end of a request pipe and 4 the write
/// end of a reply pipe: the checks program calls the learner's functions over these (see
/// ``LearnerCalls``).
public final class ChildProcess {
    public let pid: pid_t
    /// Read end of the merged stdout/stderr pipe (non-blocking).
    public let output: Int32
    /// With `callPipes`: the parent's write end of the child's descriptor 3.
    public private(set) var requests: Int32 = -1
    /// With `callPipes`: the parent's read end of the child's descriptor 4.
    public private(set) var replies: Int32 = -1
    public private(set) var exitStatus: Int32?

    public enum SpawnError: Error, CustomStringConvertible {
        case failed(String, errno: Int32)
        public var description: String {
            switch self {
            case .failed(let what, let code): return "could not start \(what): \(String(cString: strerror(code)))"
            }
        }
    }

    public init(arguments: [String], environment: [String: String], channelText: String? = nil,
                callPipes: Bool = false) throws {
        var outputPipe: [Int32] = [0, 0]
        guard Self.closeOnExecPipe(&outputPipe) else { throw SpawnError.failed("a pipe", errno: errno) }
        var channelPipe: [Int32] = [-1, -1]
        if channelText != nil || callPipes {
            guard Self.closeOnExecPipe(&channelPipe) else { throw SpawnError.failed("a pipe", errno: errno) }
        }
        var replyPipe: [Int32] = [-1, -1]
        if callPipes {
            guard Self.closeOnExecPipe(&replyPipe) else { throw SpawnError.failed("a pipe", errno: errno) }
        }
        defer {
            close(outputPipe[1])
            if channelPipe[0] >= 0 { close(channelPipe[0]) }
            if replyPipe[1] >= 0 { close(replyPipe[1]) }
        }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, outputPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, outputPipe[1], 2)
        if channelPipe[0] >= 0 { posix_spawn_file_actions_adddup2(&actions, channelPipe[0], 3) }
        if replyPipe[1] >= 0 { posix_spawn_file_actions_adddup2(&actions, replyPipe[1], 4) }

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setpgroup(&attributes, 0)
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        var defaults = sigset_t()
        sigfillset(&defaults)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let argv = arguments.map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { argv.forEach { free($0) }; envp.forEach { free($0) } }
        var child: pid_t = 0
        let status = posix_spawnp(&child, arguments[0], &actions, &attributes, argv, envp)
        guard status == 0 else {
            close(outputPipe[0])
            if channelPipe[1] >= 0 { close(channelPipe[1]) }
            if replyPipe[0] >= 0 { close(replyPipe[0]) }
            throw SpawnError.failed(arguments[0], errno: status)
        }
        pid = child
        ChildProcess.running.insert(child)
        output = outputPipe[0]
        _ = fcntl(output, F_SETFL, fcntl(output, F_GETFL) | O_NONBLOCK)
        if callPipes {
            requests = channelPipe[1]
            replies = replyPipe[0]
            // A learner that stops reading must not block the checks in write(): EPIPE instead.
            signal(SIGPIPE, SIG_IGN)
        } else if let channelText, channelPipe[1] >= 0 {
            let bytes = Array((channelText + "\n").utf8)
            _ = bytes.withUnsafeBytes { write(channelPipe[1], $0.baseAddress, $0.count) }
            close(channelPipe[1])
        }
    }

    deinit {
        close(output)
        if requests >= 0 { close(requests) }
        if replies >= 0 { close(replies) }
    }

    /// A pipe whose ends are not inherited by other children (`dup2` onto 0–3 clears the flag
    /// for the one child that should have them).
    private static func closeOnExecPipe(_ ends: inout [Int32]) -> Bool {
        guard pipe(&ends) == 0 else { return false }
        for fd in ends { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        return true
    }

    /// Reaps the child if it has exited; returns its raw wait status.
    public func poll() -> Int32? {
        if let exitStatus { return exitStatus }
        var status: Int32 = 0
        let result = waitpid(pid, &status, WNOHANG)
        if result == pid {
            exitStatus = status
            ChildProcess.running.remove(pid)
        }
        return exitStatus
    }

    /// Blocks until the child exits.
    @discardableResult
    public func wait() -> Int32 {
        if let exitStatus { return exitStatus }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        exitStatus = status
        ChildProcess.running.remove(pid)
        return status
    }

    /// Sends `signal` to the child's whole process group (and the child itself).
    public func signalGroup(_ signal: Int32) {
        guard exitStatus == nil else { return }
        kill(-pid, signal)
        kill(pid, signal)
    }

    /// Reads what is available now (up to `limit` bytes); nil at end of file.
    public func readAvailable(limit: Int = 65536) -> [UInt8]? {
        var buffer = [UInt8](repeating: 0, count: limit)
        let count = buffer.withUnsafeMutableBytes { read(output, $0.baseAddress, limit) }
        if count > 0 { return Array(buffer[0..<count]) }
        if count == 0 { return nil }
        return []   // EAGAIN: nothing yet
    }

    /// Waits up to `milliseconds` for output to become readable.
    public func waitForOutput(milliseconds: Int32) {
        var descriptor = pollfd(fd: output, events: Int16(POLLIN), revents: 0)
        _ = Glibc.poll(&descriptor, 1, milliseconds)
    }
}

/// Decoded wait status.
public enum Termination: Equatable, Sendable {
    case exited(Int32)
    case signalled(Int32)

    public init(waitStatus status: Int32) {
        if status & 0x7f == 0 { self = .exited((status >> 8) & 0xff) } else { self = .signalled(status & 0x7f) }
    }
}
