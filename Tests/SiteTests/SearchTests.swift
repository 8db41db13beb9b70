import Course
import Foundation
@testable import Site
import Testing

/// Search as a learner uses it: readable excerpts, single CJK characters, British spellings,
/// typos. The page's JavaScript twin is exercised by Scripts/browser-test.py.
@Suite struct SearchTests {
    func index(_ docs: [(String, String)]) -> SearchIndex {
        var index = SearchIndex(language: .english)
        for (url, text) in docs { index.add(url: url, page: url, section: "", text: text) }
        return index
    }

    @Test func excerptsShowFormulasAsText() throws {
        // One converter for the terminal and the site: ``MathText`` in Course.
        for tex in ["\\text{round}(127 \\cdot w / s)", "\\frac{QK^\\top}{\\sqrt{d}}",
                    "\\mathrm{softmax}(x_i) \\le 1,\\; \\theta_i = 10000^{-2i/d}"] {
            let text = [Inline.math(tex: tex, display: false)].readableText
            #expect(!text.contains("\\") && !text.contains("{"), "\(tex) → \(text)")
        }
        #expect([Inline.math(tex: "\\text{round}(127 \\cdot w / s)", display: false)].readableText.contains("round(127 · w / s)"))

        let f = try SiteFixture()
        defer { f.remove() }
        _ = try SiteBuilder(root: f.root, output: f.out).build()
        let en = try f.read("assets/search-en.js")
        #expect(en.contains("The update is w ← w - η ∇L and costs $5 or $10."))
        #expect(en.contains("L = 1/n Σ_i (y_i"), "display math as the terminal shows it")
        #expect(!en.contains("\\\\leftarrow") && !en.contains("\\\\frac"), "no raw TeX in previews")
    }

    @Test func singleCJKCharactersMatch() {
        #expect(SearchTokenizer.indexTerms("量化") == ["量化", "量", "化"])
        #expect(SearchTokenizer.terms("量化") == ["量化"], "queries still match by bigrams")
        var zh = SearchIndex(language: .traditionalChinese)
        zh.add(url: "q.html", page: "量化", section: "", text: "把權重量化成 4 位元。")
        zh.add(url: "o.html", page: "其他", section: "", text: "注意力機制")
        #expect(zh.search("量").map(\.url) == ["q.html"])
        #expect(zh.search("權重量化").map(\.url) == ["q.html"])
    }

    @Test func britishAndAmericanSpellingsAreOneTerm() {
        #expect(SearchTokenizer.terms("quantise quantisation quantising normalised analyse")
                == ["quantize", "quantization", "quantizing", "normalized", "analyze"])
        #expect(SearchTokenizer.terms("rise wise this basis") == ["rise", "wise", "this", "basis"], "short words and -is stay")
        let i = index([("uk.html", "We quantise the weights."), ("us.html", "Quantization of weights.")])
        #expect(Set(i.search("quantize").map(\.url)) == ["uk.html"])
        #expect(Set(i.search("quantis").map(\.url)) == ["uk.html", "us.html"], "a half-typed British word finds both")
        #expect(Set(i.search("quantisation").map(\.url)) == ["us.html"])
    }

    @Test func typosFallBackToNearTerms() {
        #expect(FuzzyMatch.distance(Array("softmx"), Array("softmax"), limit: 1) == 1)
        #expect(FuzzyMatch.distance(Array("atention"), Array("attention"), limit: 2) == 1)
        #expect(FuzzyMatch.distance(Array("tranformre"), Array("transformer"), limit: 2) == 2)
        #expect(FuzzyMatch.allowedEdits("cat") == 0 && FuzzyMatch.allowedEdits("softmx") == 1 && FuzzyMatch.allowedEdits("tranformre") == 2)
        let i = index([("s.html", "The softmax turns scores into probabilities."), ("t.html", "A transformer block.")])
        #expect(i.search("softmx").map(\.url) == ["s.html"])
        #expect(i.search("tranformre").map(\.url) == ["t.html"])
        #expect(i.search("scroes softmax").map(\.url) == ["s.html"], "each word may be a typo")
        #expect(i.search("blok").map(\.url) == ["t.html"])
        #expect(i.search("bat").isEmpty, "no fuzzy matching under four letters")
    }

    @Test func scriptCarriesTheSameRules() {
        let js = SiteScript.source
        #expect(js.contains("[\"isations\", \"izations\"]") && js.contains("[\"yse\", \"yze\"]"))
        #expect(js.contains("n >= 8 ? 2 : n >= 4 ? 1 : 0"))
        #expect(js.contains("document.createElement(\"mark\")"), "matches are highlighted")
        #expect(!js.contains("innerHTML"), "results are built from DOM nodes, never HTML strings")
        // Swift and JavaScript list the same suffixes in the same order.
        let swiftPairs = SearchTokenizer.spellingSuffixes.map { "[\"\($0.0)\", \"\($0.1)\"]" }
        var at = js.startIndex
        for pair in swiftPairs {
            guard let r = js.range(of: pair, range: at..<js.endIndex) else { Issue.record("\(pair) missing from the script"); return }
            at = r.upperBound
        }
    }
}

@Suite struct SearchIndexFileTests {
    @Test func jsonStringsAreValidAndScriptSafe() throws {
        let s = "a\"b\\c\n\t</script>\u{2028}\u{01}量"
        let json = try scriptSafeJSON([s])
        #expect(!json.contains("<") && !json.contains("\u{2028}"), "nothing a script or a JS string cannot hold")
        #expect(json.contains("\\u003c/script>") && json.contains("\\u2028"))
        let decoded = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String]
        #expect(decoded == [s])
    }
}
