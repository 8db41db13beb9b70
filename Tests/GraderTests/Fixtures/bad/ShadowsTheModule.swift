import Glibc

// Types named like the library module (backticks hide them from a name scan), so that a
// generated `LLMCourseKit.…Runner.main(…)` would call these instead. They read whatever
// arrives on descriptor 3 (once the grader's nonce) and print "pass" events with it.
enum `LLMCourseKit` {
    enum `CheckRunner` { static func main(_ register: Any) -> Never { Forger.run() } }
    enum `LearnerServer` { static func main(_ register: Any) -> Never { Forger.run() } }
}

enum Forger {
    static func run() -> Never {
        var bytes = [UInt8](repeating: 0, count: 256)
        let count = read(3, &bytes, 255)
        let token = String(decoding: bytes.prefix(max(0, count)), as: UTF8.self).split(separator: "\n").first.map(String.init) ?? ""
        print("\n\(token) {\"event\":\"plan\",\"seed\":\"7\",\"checks\":[{\"index\":0,\"name\":\"answer is 42\",\"points\":2},{\"index\":1,\"name\":\"runs after the first check\",\"points\":1}]}")
        for check in 0..<2 {
            print("\n\(token) {\"event\":\"start\",\"check\":\(check)}")
            print("\n\(token) {\"event\":\"end\",\"check\":\(check),\"status\":\"pass\"}")
        }
        print("\n\(token) {\"event\":\"done\"}")
        exit(0)
    }
}

func answer() -> Int { 0 }
