import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A control group for one run of a learner's program, so the memory and process limits
/// hold for the whole sandbox rather than for each process: five forked children cannot
/// each take the memory limit, and the process count is the sandbox's own.
///
/// Made as a child of the grader's own group, with cgroup v2 (`memory.max`, `pids.max`) or
/// the v1 `memory` and `pids` hierarchies, whichever the system has and lets the grader write
/// (as root, or where the group is delegated to the user). Where neither can be made, the
/// sandbox falls back to per-process limits with a small process allowance (see
/// ``Sandbox``), and ``available`` says so.
///
/// The learner's program joins the group before it starts: ``enter(_:)`` wraps its command
/// line in a one-line shell that writes its own pid to each `cgroup.procs`, then `exec`s.
struct RunCgroup {
    /// The group folders made for this run (one for v2, one per controller for v1).
    let folders: [String]

    /// Makes the group; nil when the system offers none the grader can use.
    static func make(memoryBytes: Int, maxProcesses: Int, name: String = "llmcourse-\(getpid())-\(UInt32.random(in: 0...UInt32.max))") -> RunCgroup? {
        let membership = (try? String(contentsOfFile: "/proc/self/cgroup", encoding: .utf8)) ?? ""
        var groups: [String: String] = [:]   // controller list ("" for v2) → path
        for line in membership.split(separator: "\n") {
            let parts = line.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
            if parts.count == 3 { groups[String(parts[1])] = String(parts[2]) }
        }
        if FileManager.default.fileExists(atPath: "/sys/fs/cgroup/cgroup.controllers"), let own = groups[""] {
            let folder = "/sys/fs/cgroup" + own + "/" + name
            if let group = make(folders: [folder], settings: [(folder + "/memory.max", memoryBytes), (folder + "/pids.max", maxProcesses)]) {
                return group
            }
        }
        guard let memoryPath = groups.first(where: { $0.key.split(separator: ",").contains("memory") })?.value,
              let pidsPath = groups.first(where: { $0.key.split(separator: ",").contains("pids") })?.value else { return nil }
        let memory = "/sys/fs/cgroup/memory" + memoryPath + "/" + name
        let pids = "/sys/fs/cgroup/pids" + pidsPath + "/" + name
        return make(folders: [memory, pids], settings: [(memory + "/memory.limit_in_bytes", memoryBytes), (pids + "/pids.max", maxProcesses)])
    }

    private static func make(folders: [String], settings: [(file: String, value: Int)]) -> RunCgroup? {
        let group = RunCgroup(folders: folders)
        for folder in folders where mkdir(folder, 0o755) != 0 {
            group.remove()
            return nil
        }
        for setting in settings where !write(String(setting.value), to: setting.file) {
            group.remove()
            return nil
        }
        return group
    }

    /// Wraps `command` so its process joins this group, then becomes `command`.
    func enter(_ command: [String]) -> [String] {
        let joins = folders.map { "echo $$ > '\($0)/cgroup.procs' || exit 125" }.joined(separator: "; ")
        return ["/bin/sh", "-c", joins + "; exec \"$@\"", "sh"] + command
    }

    /// Kills what is left in the group and removes it (retrying while the kernel reaps).
    func remove() {
        for folder in folders {
            if let procs = try? String(contentsOfFile: folder + "/cgroup.procs", encoding: .utf8) {
                for pid in procs.split(separator: "\n").compactMap({ Int32($0) }) { kill(pid, SIGKILL) }
            }
            for _ in 0..<50 {
                if rmdir(folder) == 0 || errno == ENOENT { break }
                usleep(10_000)
            }
        }
    }

    private static func write(_ text: String, to path: String) -> Bool {
        let fd = open(path, O_WRONLY)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) } == bytes.count
    }
}
