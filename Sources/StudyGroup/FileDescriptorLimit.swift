import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The process's open-file limit. Every connection, database file and grading pipe is one
/// descriptor; the usual soft limit (1024) is far below what the kernel allows the process
/// (the hard limit), so the server raises the soft limit to the hard one at start. Together
/// with ``ConnectionGuard`` this keeps a flood of sockets from starving the database and the
/// grader of descriptors.
public enum FileDescriptorLimit {
    /// The current soft and hard limits.
    public static var current: (soft: UInt64, hard: UInt64) {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return (0, 0) }
        return (UInt64(limit.rlim_cur), UInt64(limit.rlim_max))
    }

    /// Raises the soft limit to the hard limit (capped, since some systems report "unlimited"
    /// and refuse it as a soft value); returns the soft limit in force afterwards.
    @discardableResult
    public static func raiseToHardLimit(cap: UInt64 = 1 << 20) -> UInt64 {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return 0 }
        let wanted = min(UInt64(limit.rlim_max), cap)
        if UInt64(limit.rlim_cur) < wanted {
            var raised = limit
            raised.rlim_cur = rlim_t(wanted)
            if setrlimit(Int32(RLIMIT_NOFILE.rawValue), &raised) != 0 { return UInt64(limit.rlim_cur) }
        }
        return current.soft
    }

    /// Descriptors kept free of connections: the database and its WAL files, standard
    /// streams, and each grading worker's compiler and test processes with their pipes.
    public static func reserve(workers: Int) -> Int { 64 + 16 * max(1, workers) }

    /// How many connections fit under `limit` open files next to the reserve: `requested`
    /// when it fits, less (but at least 16) on a machine whose hard limit is low. A cap
    /// above the limit would let a flood starve the database and the grader again.
    public static func connectionCap(requested: Int, limit: UInt64, workers: Int) -> Int {
        let room = Int(min(limit, UInt64(Int.max))) - reserve(workers: workers)
        return max(16, min(requested, room))
    }
}
