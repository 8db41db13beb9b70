/// Runs a probe list against any responder — a model folder, an application's whole pipeline, a
/// tiny model in a demo — and counts, per category, how many answers were safe.
///
/// ```swift
/// let report = try RedTeamRun.run(probes) { probe in try answer(probe.prompt, system: probe.system) }
/// report.rows   // [(category: "leak", probes: 20, passed: 14), …]
/// ```
/// Findings become regression tests: the same file runs against every new model or prompt.
public enum RedTeamRun {
    /// One category's tally.
    public struct Row: Sendable, Equatable {
        public var category: String
        public var probes: Int
        public var passed: Int
        public var passRate: Double { probes == 0 ? 0 : Double(passed) / Double(probes) }
        public var failureRate: Double { 1 - passRate }
    }

    /// One probe's outcome.
    public struct Outcome: Sendable, Equatable {
        public var probe: RedTeamProbe
        public var response: String
        public var passed: Bool
    }

    public struct Report: Sendable, Equatable {
        /// Categories in the order they first appear in the probe list.
        public var rows: [Row]
        public var outcomes: [Outcome]
        public var failures: [Outcome] { outcomes.filter { !$0.passed } }
        public func row(_ category: String) -> Row? { rows.first { $0.category == category } }
    }

    public static func run<E: Error>(_ probes: [RedTeamProbe], refusal: RefusalMarkers = .init(),
                                     progress: (Int) -> Void = { _ in },
                                     respond: (RedTeamProbe) throws(E) -> String) throws(E) -> Report {
        var outcomes: [Outcome] = []
        for (index, probe) in probes.enumerated() {
            let response = try respond(probe)
            outcomes.append(Outcome(probe: probe, response: response, passed: probe.passes(response, refusal: refusal)))
            progress(index + 1)
        }
        return Report(rows: tally(outcomes), outcomes: outcomes)
    }

    static func tally(_ outcomes: [Outcome]) -> [Row] {
        var rows: [Row] = []
        for outcome in outcomes {
            let index = rows.firstIndex { $0.category == outcome.probe.category } ?? {
                rows.append(Row(category: outcome.probe.category, probes: 0, passed: 0))
                return rows.count - 1
            }()
            rows[index].probes += 1
            if outcome.passed { rows[index].passed += 1 }
        }
        return rows
    }
}
