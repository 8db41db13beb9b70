import ArgumentParser

/// Demos and benchmarks: run, bench.
enum DemoCommands {
    static let all: [any ParsableCommand.Type] = [Run.self, Bench.self]
}
