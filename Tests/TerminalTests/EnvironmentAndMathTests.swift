import Console
import Course
@testable import Terminal
import Testing

@Suite("Terminal environment and math")
struct EnvironmentAndMathTests {
    func resolve(_ env: [String: String], tty: Bool = true, columns: Int? = 120,
                 choice: TerminalEnvironment.ColorChoice = .auto) -> TerminalEnvironment {
        TerminalEnvironment.resolve(color: choice, environment: env, stdoutIsTTY: tty, stdinIsTTY: tty, terminalColumns: columns)
    }

    @Test func noColorAndPipesGivePlainText() {
        #expect(resolve(["NO_COLOR": "1"]).color == false)
        #expect(resolve(["NO_COLOR": ""]).color == true)          // empty NO_COLOR does not count
        #expect(resolve([:], tty: false).color == false)
        #expect(resolve([:], tty: false).isInteractive == false)
        #expect(resolve(["TERM": "dumb"]).color == false)
        #expect(resolve(["FORCE_COLOR": "1"], tty: false).color == true)
        #expect(resolve(["NO_COLOR": "1"], choice: .always).color == true)
        #expect(resolve([:], choice: .never).color == false)
    }

    @Test func widthFromColumnsThenTerminalThenDefault() {
        #expect(resolve(["COLUMNS": "60"]).width == 60)
        #expect(resolve([:], columns: 72).width == 72)
        #expect(resolve([:], columns: 200).width == 100)           // capped on a terminal
        #expect(resolve([:], tty: false, columns: nil).width == 80)
        #expect(resolve(["COLUMNS": "132"], tty: false).width == 132)
    }

    @Test func hyperlinksOnlyWhereSupported() {
        #expect(resolve(["TERM_PROGRAM": "iTerm.app"]).hyperlinks == true)
        #expect(resolve(["TERM": "xterm-256color"]).hyperlinks == false)
        #expect(resolve(["TERM_PROGRAM": "iTerm.app"], tty: false).hyperlinks == false)
        #expect(resolve(["LLMCOURSE_HYPERLINKS": "1"]).hyperlinks == true)
    }

    @Test func ansiEncodingAndStripping() {
        let runs = [StyledRun("a", TextStyle(bold: true)), StyledRun("b"), StyledRun("c", TextStyle(link: "https://x.y"))]
        #expect(ANSI.encode(runs, color: false, hyperlinks: false) == "abc")
        let colored = ANSI.encode(runs, color: true, hyperlinks: true)
        #expect(colored == "\u{1B}[1ma\u{1B}[0mb\u{1B}]8;;https://x.y\u{1B}\\c\u{1B}]8;;\u{1B}\\")
        #expect(ANSI.strip(colored) == "abc")
    }

    @Test func mathSplittingAndPrettifying() {
        #expect(MathText.split("cost $5 only").map(\.1) == [false])
        #expect(MathText.split("a $x^2$ b").map(\.0) == ["a ", "x^2", " b"])
        #expect(MathText.prettify(#"\sigma(x) = \frac{1}{1 + e^{-x}}"#) == "σ(x) = 1/(1 + e^(-x))")
        #expect(MathText.prettify(#"\text{softmax}(QK^T) \cdot V"#) == "softmax(QKᵀ) · V")
        #expect(MathText.prettify(#"\alpha \le 2^{10}"#) == "α ≤ 2¹⁰")
        #expect(MathText.prettify(#"W^{-1} M^\top"#) == "W⁻¹ Mᵀ")
        #expect(MathText.prettify(#"A_{ij}"#) == "A_ij")
        #expect(MathText.prettify(#"\hat{y} = x_1, \dots, x_n"#) == "y\u{302} = x_1, …, x_n")
    }

    @Test func emphasisInsideMathIsUndone() {
        // cmark reads `_i = \sum_j A_` as emphasis; the renderer puts the underscores back.
        let doc = MarkdownParser.parse(#"by $(A v)_i = \sum_j A_{ij} v_j$ here, *real* emphasis."#)
        let out = MarkdownRenderer(options: RenderOptions(width: 80)).render(doc)
        #expect(out == "by (A v)_i = Σ_j A_ij v_j here, real emphasis.")
    }

    @Test func messagesExistInBothLanguages() {
        for key in Messages.Key.allCases {
            let en = Messages.text(key, .english), zh = Messages.text(key, .traditionalChinese)
            #expect(!en.isEmpty && !zh.isEmpty)
            #expect(en != zh || en.allSatisfy { $0.isASCII == false }, "untranslated: \(en)")
        }
        #expect(Messages.text(.sectionOf, .traditionalChinese, "2", "5") == "第 2 節，共 5 節")
    }
}
