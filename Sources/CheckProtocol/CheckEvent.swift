/// The events the checks program reports to the grader, one JSON line each (see
/// `CheckRunner` for how they are written and `CheckEventStream` in the grader for how they are
/// read): both sides use these types, so the wire format is written down once.
///
/// `{"event":"plan","seed":"7","checks":[{"index":0,"name":"…","points":2}]}`, then per check
/// `{"event":"start","check":0}` and `{"event":"end","check":0,"status":"pass",…}`, then
/// `{"event":"done"}` — or, when the learner's program stops, `{"event":"learner_stopped",…}`.
public enum CheckEvent {
    /// One check as announced before any runs.
    public struct Planned: Codable, Sendable, Equatable {
        public var index: Int
        public var name: String
        /// The name in Traditional Chinese, when the check has one.
        public var nameZh: String?
        public var points: Int

        public init(index: Int, name: String, nameZh: String?, points: Int) {
            self.index = index
            self.name = name
            self.nameZh = nameZh
            self.points = points
        }

        enum CodingKeys: String, CodingKey {
            case index, name, points
            case nameZh = "name_zh"
        }
    }

    public struct Plan: Codable, Sendable {
        public var event = "plan"
        /// As a string: a 64-bit seed does not survive JSON's doubles.
        public var seed: String
        public var checks: [Planned]

        public init(seed: UInt64, checks: [Planned]) {
            self.seed = String(seed)
            self.checks = checks
        }
    }

    public struct Start: Codable, Sendable {
        public var event = "start"
        public var check: Int

        public init(check: Int) { self.check = check }
    }

    /// How one check ended: `pass`, `fail` (an expectation did not hold) or `error` (the check
    /// itself could not finish).
    public struct End: Codable, Sendable {
        public var event = "end"
        public var check: Int
        public var status: String
        public var message: String?
        /// The worst numeric comparison of the check, reported even when it passed.
        public var numeric: NumericReport?
        public var durationMilliseconds: Double?

        public init(check: Int, status: String, message: String? = nil, numeric: NumericReport? = nil,
                    durationMilliseconds: Double? = nil) {
            self.check = check
            self.status = status
            self.message = message
            self.numeric = numeric
            self.durationMilliseconds = durationMilliseconds
        }

        enum CodingKeys: String, CodingKey {
            case event, check, status, message, numeric
            case durationMilliseconds = "duration_ms"
        }
    }

    public struct Done: Codable, Sendable {
        public var event = "done"
        public init() {}
    }

    /// ``LearnerStop`` with its event name.
    public struct LearnerStopped: Codable, Sendable {
        public var event = "learner_stopped"
        public var stop: LearnerStop

        public init(_ stop: LearnerStop) { self.stop = stop }

        public init(from decoder: Decoder) throws { stop = try LearnerStop(from: decoder) }

        public func encode(to encoder: Encoder) throws {
            try stop.encode(to: encoder)
            var container = encoder.container(keyedBy: EventKey.self)
            try container.encode(event, forKey: .event)
        }
    }

    /// Just the `event` field, to tell the lines apart.
    public struct Kind: Decodable, Sendable {
        public var event: String
    }

    enum EventKey: String, CodingKey { case event }
}
