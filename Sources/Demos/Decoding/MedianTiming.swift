import Dispatch

/// Timing for the inference demos: the median of several runs, which ignores the occasional
/// run slowed by another process on a shared machine.
enum MedianTiming {
    /// Median wall-clock seconds of `repeats` runs of `body`; `prepare` runs before each, off
    /// the clock, and hands `body` what it set up (a filled cache, say).
    static func seconds<State>(_ repeats: Int, prepare: () -> State, _ body: (State) -> Void) -> Double {
        let times = (0..<max(1, repeats)).map { _ -> Double in
            let state = prepare()
            let start = DispatchTime.now().uptimeNanoseconds
            body(state)
            return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        }.sorted()
        return times[times.count / 2]
    }

    static func seconds(_ repeats: Int, _ body: () -> Void) -> Double { seconds(repeats, prepare: {}, { _ in body() }) }
}
