import Glibc

// Five children, each touching 200 MB: under a 256 MiB limit per process, 1 GB together.
// It answers 42 only if all five kept their memory, so only a limit per process lets it pass.
func answer() -> Int {
    var children: [pid_t] = []
    for _ in 0..<5 {
        let pid = fork()
        if pid == 0 {
            let size = 200 << 20
            if let block = malloc(size) { memset(block, 1, size) } else { _exit(3) }
            usleep(800_000)
            _exit(0)
        }
        if pid > 0 { children.append(pid) }
    }
    var survived = 0
    for child in children {
        var status: Int32 = 0
        waitpid(child, &status, 0)
        if status == 0 { survived += 1 }
    }
    print("FORKED \(children.count) SURVIVED \(survived)")
    return survived == 5 ? 42 : 0
}
