import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Everything a grading command started dies with it.
///
/// Each ``ChildProcess`` leads its own process group (so a time limit can kill the whole
/// group), which also means Ctrl-C in the terminal does not reach it. On SIGINT, SIGTERM or
/// SIGHUP the handler installed here kills every running child's group, removes the files
/// registered as in progress, and then ends the process the way the signal would have.
extension ChildProcess {
    /// The children started and not yet reaped, in a fixed table a signal handler can read.
    enum running {
        static let capacity = 256
        nonisolated(unsafe) static let table = UnsafeMutablePointer<pid_t>.allocate(capacity: capacity)
        nonisolated(unsafe) static var initialized = false

        static func insert(_ pid: pid_t) {
            prepare()
            for slot in 0..<capacity where table[slot] == 0 { table[slot] = pid; return }
        }

        static func remove(_ pid: pid_t) {
            guard initialized else { return }
            for slot in 0..<capacity where table[slot] == pid { table[slot] = 0 }
        }

        private static func prepare() {
            guard !initialized else { return }
            table.initialize(repeating: 0, count: capacity)
            initialized = true
        }
    }

    /// Files being written (a program being linked): removed when the process is interrupted.
    enum inProgressFiles {
        static let capacity = 16
        nonisolated(unsafe) static var paths: [UnsafeMutablePointer<CChar>?] = Array(repeating: nil, count: capacity)

        public static func add(_ path: String) {
            for slot in 0..<capacity where paths[slot] == nil { paths[slot] = strdup(path); return }
        }

        public static func remove(_ path: String) {
            for slot in 0..<capacity {
                if let entry = paths[slot], String(cString: entry) == path { free(entry); paths[slot] = nil }
            }
        }
    }

    /// Installs the handler for SIGINT, SIGTERM and SIGHUP (once; later calls do nothing).
    /// For commands that grade in the foreground (`check`, `dev verify-exercises`); a command
    /// with signal handling of its own (`watch`'s raw keys, the group worker's drain) calls
    /// ``killRunningChildren()`` from it instead.
    public static func killAllOnInterrupt() {
        guard !handlerInstalled else { return }
        handlerInstalled = true
        for signalNumber in [SIGINT, SIGTERM, SIGHUP] {
            signal(signalNumber) { received in
                ChildProcess.killRunningChildren()
                // End as the signal would have: default action, raised again.
                signal(received, SIG_DFL)
                raise(received)
            }
        }
    }

    /// Kills every running child's process group and removes the files registered as in
    /// progress. Only async-signal-safe calls: it may run in a signal handler.
    public static func killRunningChildren() {
        if running.initialized {
            for slot in 0..<running.capacity {
                let pid = running.table[slot]
                if pid > 0 { kill(-pid, SIGKILL); kill(pid, SIGKILL) }
            }
        }
        for entry in inProgressFiles.paths { if let entry { unlink(entry) } }
    }

    nonisolated(unsafe) private static var handlerInstalled = false

    /// Adds a file to those removed on interruption.
    public static func removeOnInterrupt(_ path: String) { inProgressFiles.add(path) }
    /// Takes a file off that list (it was finished or removed).
    public static func keepOnInterrupt(_ path: String) { inProgressFiles.remove(path) }
}
