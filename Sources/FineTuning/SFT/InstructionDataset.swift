import Tensors

/// One instruction and its answer, with the task and the fact it asks about (for splitting and checking).
public struct InstructionExample: Sendable, Equatable, Hashable {
    public var task: String
    /// The fact the instruction asks about, e.g. the word `cat` or the sum `3+5`.
    public var key: String
    public var instruction: String
    public var response: String

    public init(task: String, key: String, instruction: String, response: String) {
        self.task = task
        self.key = key
        self.instruction = instruction
        self.response = response
    }
}

/// A generated instruction data set over a small "world" of facts: word reversal, capitals and
/// one-digit sums, each asked in several phrasings.
///
/// The same facts appear as plain sentences in ``pretrainingText(lines:seed:)`` ("the reverse
/// of cat is tac."), so a model pre-trained on that text *knows* them; fine-tuning only has to
/// teach it to answer in the chat format. A fixed fifth of the facts (``isValidation(_:)``)
/// never appears in the fine-tuning set, so exact match on them measures whether the format
/// transfers to knowledge the instructions never showed.
///
/// Generation deliberately adds the faults real data has — repeated examples, wrong answers,
/// empty answers — so the cleaning steps have something to remove.
public enum InstructionWorld {
    public static let words = ["cat", "dog", "sun", "map", "red", "box", "pen", "cup", "hat", "owl", "bee", "fig",
                               "tree", "lamp", "fish", "bird", "milk", "rain", "star", "frog", "kite", "moon", "ship", "bell"]
    public static let tasks = ["reverse", "capitals", "sum"]

    /// Every fact: task and key with its true answer.
    public static var facts: [(task: String, key: String, answer: String)] {
        words.map { ("reverse", $0, String($0.reversed())) } + words.map { ("capitals", $0, $0.uppercased()) }
            + (0...9).flatMap { a in (0...9).map { b in ("sum", "\(a)+\(b)", "\(a + b)") } }
    }

    /// The true answer for a task and key, or nil when the key is malformed.
    public static func answer(task: String, key: String) -> String? {
        switch task {
        case "reverse": return String(key.reversed())
        case "capitals": return key.uppercased()
        case "sum":
            let parts = key.split(separator: "+").compactMap { Int($0) }
            return parts.count == 2 ? "\(parts[0] + parts[1])" : nil
        default: return nil
        }
    }

    /// Whether the fact is held out of fine-tuning (a fixed pseudo-random fifth, per task).
    public static func isValidation(task: String, key: String) -> Bool {
        var hash: UInt64 = 1469598103934665603
        for byte in (task + "/" + key).utf8 { hash = (hash ^ UInt64(byte)) &* 1099511628211 }
        var mixer = SplitMix64(seed: hash)
        return mixer.next() % 5 == 0
    }

    /// A plain sentence stating a fact (pre-training text).
    public static func statement(task: String, key: String, answer: String, variant: Int) -> String {
        switch task {
        case "reverse": variant % 2 == 0 ? "the reverse of \(key) is \(answer)." : "\(key) backwards is \(answer)."
        case "capitals": variant % 2 == 0 ? "\(key) in capitals is \(answer)." : "\(key) written big is \(answer)."
        default: variant % 2 == 0 ? "\(key.replacingOccurrences(of: "+", with: " plus ")) is \(answer)." : "\(key)=\(answer)."
        }
    }

    /// An instruction asking for a fact, in one of several phrasings.
    public static func instruction(task: String, key: String, variant: Int) -> String {
        switch task {
        case "reverse": ["Reverse the word \(key).", "Write \(key) backwards.", "What is \(key) reversed?"][variant % 3]
        case "capitals": ["Write \(key) in capitals.", "Uppercase the word \(key).", "What is \(key) in capitals?"][variant % 3]
        default:
            { let p = key.split(separator: "+"); return ["What is \(p[0]) plus \(p[1])?", "Add \(p[0]) and \(p[1]).", "Compute \(p[0])+\(p[1])."][variant % 3] }()
        }
    }

    /// `lines` lines of pre-training text: every fact (training and validation alike) stated in sentences.
    public static func pretrainingText(lines: Int, seed: UInt64) -> String {
        var rng = SplitMix64(seed: seed)
        let all = facts
        return (0..<lines).map { _ in
            let f = all[rng.nextInt(below: all.count)]
            return statement(task: f.task, key: f.key, answer: f.answer, variant: rng.nextInt(below: 2)) + "\n"
        }.joined()
    }

    /// `count` raw instruction examples for training facts, with faults: about `faultRate` of them
    /// have a wrong or empty answer, and facts repeat.
    public static func rawInstructions(count: Int, faultRate: Double = 0.1, seed: UInt64) -> [InstructionExample] {
        var rng = SplitMix64(seed: seed)
        let training = facts.filter { !isValidation(task: $0.task, key: $0.key) }
        return (0..<count).map { _ in
            let f = training[rng.nextInt(below: training.count)]
            var response = f.answer
            if rng.nextUniformDouble() < faultRate {
                response = rng.nextUniformDouble() < 0.3 ? "" : String(f.answer.shuffled(using: &rng)) + "x"
            }
            return InstructionExample(task: f.task, key: f.key, instruction: instruction(task: f.task, key: f.key, variant: rng.nextInt(below: 3)),
                                      response: response)
        }
    }

    /// Every held-out fact of one task in each of its three phrasings: a larger exact-match set
    /// for a single skill (a model may know a fact in one phrasing and miss it in another).
    public static func validationInstructions(task: String) -> [InstructionExample] {
        facts.filter { $0.task == task && isValidation(task: $0.task, key: $0.key) }.flatMap { f in
            (0..<3).map { variant in
                InstructionExample(task: f.task, key: f.key, instruction: instruction(task: f.task, key: f.key, variant: variant),
                                   response: f.answer)
            }
        }
    }

    /// One clean example per validation fact (first phrasing), for exact-match evaluation.
    public static func validationInstructions() -> [InstructionExample] {
        facts.filter { isValidation(task: $0.task, key: $0.key) }.enumerated().map { index, f in
            InstructionExample(task: f.task, key: f.key, instruction: instruction(task: f.task, key: f.key, variant: index), response: f.answer)
        }
    }
}
