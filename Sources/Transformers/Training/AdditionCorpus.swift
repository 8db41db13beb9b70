import Tensors

/// A generated pre-training corpus: multi-digit additions mixed with short template sentences.
///
/// Lines look like `47+385=432` and `the small robot reads a red book.` Addition is a good first
/// pre-training task because success is exact and measurable: after training, the prompt
/// `"47+385="` must continue with `"432\n"`. A fixed tenth of all `(a, b)` pairs
/// (``isHeldOut(_:_:)``) never appears in training, so accuracy on them measures
/// generalization rather than memorization.
///
/// ```swift
/// let text = AdditionCorpus(maximumOperand: 999).text(lines: 20_000, seed: 1)
/// ```
public struct AdditionCorpus: Sendable {
    /// Operands are drawn from `0...maximumOperand`.
    public var maximumOperand: Int
    /// Share of lines that are sentences rather than sums.
    public var sentenceShare: Double
    /// Write each sum's digits least significant first (`47+385=234` for 432). A left-to-right
    /// model then produces the ones digit first and carries forward, like written addition, and
    /// learns much faster (Lee et al. 2023, "Teaching Arithmetic to Small Transformers").
    public var reversesAnswers: Bool
    /// Zero-pad operands to the width of `maximumOperand` and answers to one digit more
    /// (`07+85=092`), so every digit of a sum sits at the same offset from the `=`.
    public var padsNumbers: Bool

    public init(maximumOperand: Int = 999, sentenceShare: Double = 0.2, reversesAnswers: Bool = false,
                padsNumbers: Bool = false) {
        self.maximumOperand = maximumOperand
        self.sentenceShare = sentenceShare
        self.reversesAnswers = reversesAnswers
        self.padsNumbers = padsNumbers
    }

    /// The prompt and expected answer for one sum in this corpus's notation.
    public func format(_ a: Int, _ b: Int) -> (prompt: String, answer: String) {
        let width = String(maximumOperand).count
        func pad(_ n: Int, _ w: Int) -> String {
            let digits = String(n)
            return padsNumbers ? String(repeating: "0", count: max(0, w - digits.count)) + digits : digits
        }
        let sum = pad(a + b, width + 1)
        return ("\(pad(a, width))+\(pad(b, width))=", reversesAnswers ? String(sum.reversed()) : sum)
    }

    /// The line for one sum, without the newline: `"47+385=432"` (or `"47+385=234"` reversed).
    public static func problem(_ a: Int, _ b: Int, reversed: Bool = false) -> String {
        "\(a)+\(b)=\(answer(a, b, reversed: reversed))"
    }

    /// The text after `=`.
    public static func answer(_ a: Int, _ b: Int, reversed: Bool = false) -> String {
        reversed ? String(String(a + b).reversed()) : String(a + b)
    }

    /// Whether the pair is reserved for evaluation (a fixed pseudo-random tenth).
    public static func isHeldOut(_ a: Int, _ b: Int) -> Bool {
        var mixer = SplitMix64(seed: UInt64(a) &* 1_000_003 &+ UInt64(b))
        return mixer.next() % 10 == 0
    }

    /// `lines` lines of training text (held-out pairs excluded), each ending in `"\n"`.
    public func text(lines: Int, seed: UInt64) -> String {
        var rng = SplitMix64(seed: seed)
        var out = ""
        for _ in 0..<lines {
            if rng.nextUniformDouble() < sentenceShare {
                out += sentence(&rng) + "\n"
            } else {
                var (a, b) = operands(&rng)
                while Self.isHeldOut(a, b) { (a, b) = operands(&rng) }
                let (prompt, answer) = format(a, b)
                out += prompt + answer + "\n"
            }
        }
        return out
    }

    /// `count` held-out pairs for measuring accuracy.
    public func heldOutProblems(count: Int, seed: UInt64) -> [(Int, Int)] {
        var rng = SplitMix64(seed: seed)
        var result: [(Int, Int)] = []
        while result.count < count {
            let (a, b) = operands(&rng)
            if Self.isHeldOut(a, b) { result.append((a, b)) }
        }
        return result
    }

    /// Operands with a uniform number of digits (so short numbers are not rare).
    func operands(_ rng: inout SplitMix64) -> (Int, Int) {
        let digits = String(maximumOperand).count
        func one() -> Int {
            let length = 1 + rng.nextInt(below: digits)
            let upper = min(maximumOperand, Int(pow10(length)) - 1)
            return rng.nextInt(below: upper + 1)
        }
        return (one(), one())
    }

    func pow10(_ n: Int) -> Double { (0..<n).reduce(1.0) { value, _ in value * 10 } }

    static let subjects = ["the small robot", "a curious cat", "my teacher", "the old model", "every student", "a tired bird"]
    static let verbs = ["reads", "writes", "counts", "finds", "likes", "draws"]
    static let objects = ["a red book", "the next token", "two numbers", "a long story", "the answer", "many words"]

    func sentence(_ rng: inout SplitMix64) -> String {
        let s = Self.subjects[rng.nextInt(below: Self.subjects.count)]
        let v = Self.verbs[rng.nextInt(below: Self.verbs.count)]
        let o = Self.objects[rng.nextInt(below: Self.objects.count)]
        return "\(s) \(v) \(o)."
    }
}
