@testable import Grader
import Testing

@Suite("Result channel")
struct CheckEventStreamTests {
    let nonce = "5eed0f1ce"

    func event(_ json: String) -> String { "\n\(nonce) \(json)\n" }

    @Test func learnerOutputIsAttributedToTheRunningCheck() {
        let text = "global init\n" + event(#"{"event":"plan","seed":"7","checks":[{"index":0,"name":"a","points":2}]}"#)
            + event(#"{"event":"start","check":0}"#) + "inside a\n"
            + event(#"{"event":"end","check":0,"status":"pass","duration_ms":1.5}"#) + event(#"{"event":"done"}"#)
        let stream = CheckEventStream(bytes: Array(text.utf8), nonce: nonce)
        #expect(stream.seed == 7)
        #expect(stream.plan?.map(\.name) == ["a"])
        #expect(stream.ended[0]?.status == "pass")
        #expect(stream.done)
        #expect(String(decoding: stream.output[0] ?? [], as: UTF8.self) == "inside a\n")
        #expect(String(decoding: stream.output[-1] ?? [], as: UTF8.self) == "global init\n")
    }

    @Test func linesWithoutTheNonceAreOnlyOutput() {
        let forged = "\n0000 {\"event\":\"end\",\"check\":0,\"status\":\"pass\"}\n{\"event\":\"done\"}\n"
        let text = event(#"{"event":"plan","seed":"1","checks":[{"index":0,"name":"a","points":1}]}"#)
            + event(#"{"event":"start","check":0}"#) + forged
        let stream = CheckEventStream(bytes: Array(text.utf8), nonce: nonce)
        #expect(stream.ended.isEmpty)
        #expect(!stream.done)
        #expect(stream.interrupted == 0)
        #expect(String(decoding: stream.output[0] ?? [], as: UTF8.self).contains("\"status\":\"pass\""))
    }

    @Test func outputIsCappedAndStrippedOfControlCodes() {
        let (text, truncated) = sanitisedOutput(Array("\u{1B}[31mred\u{1B}[0m [ok]\u{07}\n".utf8))
        #expect(text == "red [ok]\n")
        #expect(!truncated)
        let long = sanitisedOutput(Array(String(repeating: "x", count: 600).utf8))
        #expect(long.text.count == 500 && long.truncated)
    }
}
