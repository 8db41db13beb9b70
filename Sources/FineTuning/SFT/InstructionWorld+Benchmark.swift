import Evaluation
import Tensors

/// Benchmarks over the facts of ``InstructionWorld``, for the evaluation chapter.
extension InstructionWorld {
    /// One four-way multiple-choice question per fact: the opening of its statement ("the
    /// reverse of cat is") and four endings, the true one and three plausible wrong ones — the
    /// word unchanged or scrambled, another word's answer, a sum off by one or with its digits
    /// glued together. The choices differ in length (" 9." against " 12."), which is what
    /// separates `acc` from `acc_norm`.
    public static func multipleChoice(seed: UInt64) -> [MultipleChoice.Question] {
        var rng = SplitMix64(seed: seed)
        return facts.map { fact in
            let (question, _) = statementParts(task: fact.task, key: fact.key, answer: fact.answer)
            var wrong: [String] = []
            for candidate in distractors(task: fact.task, key: fact.key, answer: fact.answer, rng: &rng)
            where candidate != fact.answer && !wrong.contains(candidate) && wrong.count < 3 {
                wrong.append(candidate)
            }
            var choices = ([fact.answer] + wrong).map { " \($0)." }
            for i in stride(from: choices.count - 1, to: 0, by: -1) { choices.swapAt(i, rng.nextInt(below: i + 1)) }
            return MultipleChoice.Question(question: question, choices: choices, answer: choices.firstIndex(of: " \(fact.answer).")!)
        }
    }

    /// A fact's statement split before its answer: ("3 plus 5 is", "3 plus 5 is 8.").
    public static func statementParts(task: String, key: String, answer: String) -> (prompt: String, sentence: String) {
        let sentence = statement(task: task, key: key, answer: answer, variant: 0)
        return (String(sentence.dropLast(answer.count + 2)), sentence)
    }

    static func distractors(task: String, key: String, answer: String, rng: inout SplitMix64) -> [String] {
        func other(_ pool: [String]) -> String { pool[rng.nextInt(below: pool.count)] }
        switch task {
        case "reverse":
            let scrambled = String(key.dropFirst()) + String(key.prefix(1))
            let sameLength = words.filter { $0.count == key.count && $0 != key }
            return [key, scrambled, String(other(sameLength).reversed()), String(answer.dropLast()), String(other(words).reversed())]
        case "capitals":
            return [key, key.prefix(1).uppercased() + key.dropFirst(), other(words.filter { $0 != key }).uppercased(), String(answer.dropLast())]
        default:
            let parts = key.split(separator: "+").map(String.init)
            let sum = Int(answer)!
            return ["\(sum + 1)", sum > 0 ? "\(sum - 1)" : "\(sum + 2)", parts[0] + parts[1], "\(sum + 10)"]
        }
    }
}
