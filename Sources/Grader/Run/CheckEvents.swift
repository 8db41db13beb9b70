import CheckProtocol
import Console
import Foundation

/// Splits the checks program's merged output into the runner's events and the learner's
/// output between them.
///
/// An event is a line `<nonce> <json>` preceded by a newline (the runner writes
/// `"\n<nonce> "` before each), where the nonce is a random token only the grader and the
/// runner know: learner output can print anything and never forge a result.
struct CheckEventStream {
    typealias Planned = CheckEvent.Planned
    typealias End = CheckEvent.End

    var seed: UInt64?
    var plan: [Planned]?
    var started: [Int] = []
    var ended: [Int: End] = [:]
    var done = false
    /// How the learner's program stopped, when it did not last the run.
    var learnerStop: LearnerStop?
    /// Learner output per check index; key -1 holds output outside any check.
    var output: [Int: [UInt8]] = [:]
    /// Lines that looked like events but did not decode.
    var malformed = 0

    init(bytes: [UInt8], nonce: String) {
        let marker = Array("\n\(nonce) ".utf8)
        let stream = [UInt8(ascii: "\n")] + bytes
        var current = -1
        var position = 0
        var segmentStart = 1   // skip the newline added in front
        while position <= stream.count - marker.count {
            guard stream[position] == marker[0], Array(stream[position..<(position + marker.count)]) == marker else {
                position += 1
                continue
            }
            output[current, default: []] += stream[min(segmentStart, position)..<position]
            let jsonStart = position + marker.count
            let jsonEnd = stream[jsonStart...].firstIndex(of: UInt8(ascii: "\n")) ?? stream.count
            handle(Array(stream[jsonStart..<jsonEnd]), current: &current)
            position = jsonEnd
            segmentStart = jsonEnd + 1
        }
        if segmentStart < stream.count { output[current, default: []] += stream[segmentStart...] }
    }

    private mutating func handle(_ json: [UInt8], current: inout Int) {
        let decoder = Wire.decoder(), data = Data(json)
        guard let kind = try? decoder.decode(CheckEvent.Kind.self, from: data) else { malformed += 1; return }
        switch kind.event {
        case "plan":
            guard let event = try? decoder.decode(CheckEvent.Plan.self, from: data) else { malformed += 1; return }
            seed = UInt64(event.seed)
            plan = event.checks
        case "start":
            guard let event = try? decoder.decode(CheckEvent.Start.self, from: data) else { malformed += 1; return }
            started.append(event.check)
            current = event.check
        case "end":
            if let end = try? decoder.decode(End.self, from: data) { ended[end.check] = end } else { malformed += 1 }
            current = -1
        case "done":
            done = true
        case "learner_stopped":
            learnerStop = (try? decoder.decode(CheckEvent.LearnerStopped.self, from: data))?.stop
        default:
            malformed += 1
        }
    }

    /// The check that started but did not end (where the program stopped), if any.
    var interrupted: Int? { started.last.flatMap { ended[$0] == nil ? $0 : nil } }
}

/// Output fit for a terminal and a JSON verdict: valid UTF-8, control codes (ANSI escapes
/// included) removed except newline and tab, at most `limit` characters.
func sanitisedOutput(_ bytes: [UInt8], limit: Int = 500) -> (text: String, truncated: Bool) {
    var text = String(decoding: bytes, as: UTF8.self)
    // The runtime's stack dump after a trap is addresses only (no symbols without a
    // backtracer): noise for a learner, so it goes; the trap message itself stays.
    if text.contains("Current stack trace:") {
        text = text.split(separator: "\n", omittingEmptySubsequences: false).filter { line in
            if line == "Current stack trace:" { return false }
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            return !(fields.count >= 3 && Int(fields[0]) != nil && fields.contains { $0.hasPrefix("0x") })
        }.joined(separator: "\n")
    }
    text = text.replacingOccurrences(of: "\u{1B}\\[[0-9;?]*[ -/]*[@-~]", with: "", options: .regularExpression)
    text = String(String.UnicodeScalarView(text.unicodeScalars.filter { scalar in
        scalar == "\n" || scalar == "\t" || !(scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value))
    }))
    if text.count > limit { return (String(text.prefix(limit)), true) }
    return (text, false)
}
