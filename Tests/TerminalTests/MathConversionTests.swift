import Course
import Testing
@testable import Terminal

/// TeX in `$…$` turned into text a terminal can show: thin spaces, every form of fraction,
/// parentheses where a fraction's parts would otherwise be misread, and sized delimiters.
@Suite("Math conversion")
struct MathConversionTests {
    @Test func thinSpacesBecomeSpacesNotCommas() {
        #expect(MathText.prettify(#"p\,\theta_i"#) == "p θ_i")
        #expect(MathText.prettify(#"a\;b\:c\!d"#) == "a b cd")
        #expect(MathText.prettify(#"\{0, 1\}"#) == "{0, 1}")
    }

    @Test func everyFractionFormReadsAsADivision() {
        #expect(MathText.prettify(#"\tfrac12"#) == "1/2")
        #expect(MathText.prettify(#"\tfrac{1}{2}"#) == "1/2")
        #expect(MathText.prettify(#"\dfrac{a}{b}"#) == "a/b")
        #expect(MathText.prettify(#"\frac\alpha2"#) == "α/2")
        #expect(MathText.prettify(#"x \tfrac 1 2"#) == "x 1/2")
    }

    @Test func compoundPartsGetParentheses() {
        #expect(MathText.prettify(#"f'(x) \approx \frac{f(x + h) - f(x - h)}{2h}"#) == "f'(x) ≈ (f(x + h) - f(x - h))/(2h)")
        #expect(MathText.prettify(#"\frac{1}{\sqrt{d_k}}"#) == "1/√d_k")
        #expect(MathText.prettify(#"\frac{QK^T}{\sqrt{d}}"#) == "QKᵀ/√d")
        #expect(MathText.prettify(#"\frac{e^{x_i}}{\sum_j e^{x_j}}"#) == "e^(x_i)/(Σ_j e^(x_j))")
        #expect(MathText.prettify(#"\frac{N}{df(t)}"#) == "N/df(t)")
        #expect(MathText.prettify(#"\frac{(a+b)}{c}"#) == "(a+b)/c")
        #expect(MathText.prettify(#"\frac{\partial L}{\partial W} = G^\top X"#) == "∂L/∂W = Gᵀ X")
        #expect(MathText.prettify(#"\frac{\text{count}}{|d|}"#) == "count/|d|")
        #expect(MathText.prettify(#"\tfrac12(1 + \cos x)"#) == "(1/2)(1 + cos x)")
        #expect(MathText.prettify(#"\frac{1}{N} \sum_n x_n"#) == "1/N Σ_n x_n")
    }

    @Test func aFractionAfterAWordOperatorIsItsArgument() {
        #expect(MathText.prettify(#"\mathrm{idf}(t) = \ln \frac{N}{df(t)}"#) == "idf(t) = ln(N/df(t))")
        #expect(MathText.prettify(#"\log\frac{1}{p}"#) == "log(1/p)")
        #expect(MathText.prettify(#"q(y)\min(1, p)"#) == "q(y) min(1, p)")
    }

    @Test func sizedDelimitersArePlainOnes() {
        #expect(MathText.prettify(#"\left( \frac{a}{b} \right)^2"#) == "(a/b)²")
        #expect(MathText.prettify(#"\bigl[x\bigr]"#) == "[x]")
        #expect(MathText.prettify(#"\left. f \right|_0"#) == "f|_0")
        #expect(MathText.prettify(#"\left\{ x \right\}"#) == "{x}")
    }

    /// Through the Markdown parser, which keeps TeX escapes such as `\,` and `\{` inside math.
    @Test func thinSpaceSurvivesMarkdownParsing() {
        let doc = MarkdownParser.parse(#"The gradient $p\,\theta_i$ and $\{0, 1\}$, not $a,b$."#)
        let text = MarkdownRenderer(options: RenderOptions(width: 80)).render(doc)
        #expect(text == "The gradient p θ_i and {0, 1}, not a,b.")
        let display = MarkdownParser.parse(#"$$f'(x) \approx \frac{f(x + h) - f(x - h)}{2h}\,.$$"#)
        #expect(MarkdownRenderer(options: RenderOptions(width: 80)).render(display)
            == "    f'(x) ≈ (f(x + h) - f(x - h))/(2h) .")
    }
}
