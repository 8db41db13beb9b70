import Testing
@testable import Terminal

@Suite("Stepper keys")
struct StepperPositionTests {
    @Test func nextAndPreviousStopAtTheEnds() {
        var p = StepperPosition(page: 0, pageCount: 3)
        #expect(p.handle(.character("p"), lines: 10, rows: 20) == .redraw)
        #expect(p.page == 0)
        _ = p.handle(.character("n"), lines: 10, rows: 20)
        _ = p.handle(.right, lines: 10, rows: 20)
        _ = p.handle(.character("n"), lines: 10, rows: 20)
        #expect(p.page == 2 && p.isLastPage)
        _ = p.handle(.left, lines: 10, rows: 20)
        #expect(p.page == 1)
    }

    @Test func spaceScrollsAScreenThenMovesOn() {
        var p = StepperPosition(page: 0, pageCount: 2)
        _ = p.handle(.character(" "), lines: 50, rows: 20)
        #expect(p.page == 0 && p.top == 19)
        _ = p.handle(.character(" "), lines: 50, rows: 20)
        #expect(p.top == 30, "never scrolls past the last screenful")
        _ = p.handle(.character(" "), lines: 50, rows: 20)
        #expect(p.page == 1 && p.top == 0)
    }

    @Test func lineScrollingAndJumps() {
        var p = StepperPosition(page: 0, pageCount: 1)
        _ = p.handle(.character("k"), lines: 50, rows: 20)
        #expect(p.top == 0)
        _ = p.handle(.down, lines: 50, rows: 20)
        _ = p.handle(.character("j"), lines: 50, rows: 20)
        #expect(p.top == 2)
        _ = p.handle(.character("G"), lines: 50, rows: 20)
        #expect(p.top == 30)
        _ = p.handle(.pageUp, lines: 50, rows: 20)
        #expect(p.top == 11)
        _ = p.handle(.home, lines: 50, rows: 20)
        #expect(p.top == 0)
    }

    @Test func quitRunAndUnknownKeys() {
        var p = StepperPosition(page: 5, pageCount: 3)
        #expect(p.page == 2, "a start past the end is clamped")
        #expect(p.handle(.character("r"), lines: 1, rows: 20) == .runDemos)
        #expect(p.handle(.character("x"), lines: 1, rows: 20) == .redraw)
        #expect(p.handle(.character("ｑ"), lines: 1, rows: 20) == .quit, "a full-width q from a Chinese input method quits")
        #expect(p.handle(.escape, lines: 1, rows: 20) == .quit)
    }
}
