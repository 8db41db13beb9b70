import Testing
import Fundamentals

/// Porter's steps 1–3 against the examples of his 1980 paper, each run through the whole
/// stemmer, so a step-2 example also passes through step 3 (radicalli → radical → radic).
@Suite struct PorterStemmerTests {
    static let examples: [(String, String)] = [
        // step 1a
        ("caresses", "caress"), ("ponies", "poni"), ("ties", "ti"), ("caress", "caress"), ("cats", "cat"),
        // step 1b
        ("feed", "feed"), ("agreed", "agree"), ("plastered", "plaster"), ("bled", "bled"), ("motoring", "motor"),
        ("sing", "sing"), ("conflated", "conflate"), ("troubled", "trouble"), ("sized", "size"), ("hopping", "hop"),
        ("tanned", "tan"), ("falling", "fall"), ("hissing", "hiss"), ("fizzed", "fizz"), ("failing", "fail"), ("filing", "file"),
        // step 1c
        ("happy", "happi"), ("sky", "sky"),
        // step 2
        ("relational", "relate"), ("conditional", "condition"), ("rational", "rational"), ("valenci", "valence"),
        ("digitizer", "digitize"), ("conformabli", "conformable"), ("radicalli", "radic"), ("differentli", "different"),
        ("vileli", "vile"), ("analogousli", "analogous"), ("vietnamization", "vietnamize"), ("predication", "predic"),
        ("operator", "operate"), ("feudalism", "feudal"), ("decisiveness", "decisive"), ("hopefulness", "hope"),
        ("callousness", "callous"), ("formaliti", "formal"), ("sensitiviti", "sensitive"), ("sensibiliti", "sensible"),
        // step 3
        ("triplicate", "triplic"), ("formative", "form"), ("formalize", "formal"), ("electriciti", "electric"),
        ("electrical", "electric"), ("hopeful", "hope"), ("goodness", "good"),
    ]

    @Test func porterPaperExamples() {
        for (word, stem) in Self.examples {
            #expect(PorterStemmer.stem(word) == stem, "\(word)")
        }
    }

    @Test func relatedFormsShareAStem() {
        #expect(Set(["connect", "connected", "connecting", "connection"].map(PorterStemmer.stem)).count <= 2)
        #expect(Set(["train", "trains", "trained", "training"].map(PorterStemmer.stem)) == ["train"])
        // Irregular forms are beyond suffix stripping.
        #expect(PorterStemmer.stem("went") == "went")
        #expect(PorterStemmer.stem("mice") == "mice")
    }
}
