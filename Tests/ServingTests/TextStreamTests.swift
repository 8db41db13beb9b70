import Testing
@testable import Serving

@Suite struct TextStreamTests {
    @Test func holdsBackHalfCharacters() {
        var stream = TextStream(stop: [])
        let bytes = Array("台灣".utf8)
        #expect(stream.append(bytes: Array(bytes[0..<2])) == "")
        #expect(stream.append(bytes: Array(bytes[2..<4])) == "台")
        #expect(stream.append(bytes: Array(bytes[4...])) == "灣")
    }

    @Test func stopStringsEndTheTextBeforeThem() {
        var stream = TextStream(stop: ["\n\n", "END"])
        #expect(stream.append(bytes: Array("Hi\n".utf8)) == "Hi")
        #expect(stream.append(bytes: Array("x".utf8)) == "\nx")
        #expect(stream.append(bytes: Array("EN".utf8)) == "")
        #expect(stream.append(bytes: Array("Dmore".utf8)) == "")
        #expect(stream.stopped == "END")
        #expect(stream.flush() == "")
    }

    @Test func flushReturnsWhatWasHeld() {
        var stream = TextStream(stop: ["###"])
        #expect(stream.append(bytes: Array("a##".utf8)) == "a")
        #expect(stream.flush() == "##")
    }
}
