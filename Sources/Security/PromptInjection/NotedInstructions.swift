import FineTuning
import Tensors

/// Instructions that arrive with a retrieved note — the shape of every retrieval-augmented
/// prompt — and the two tuning sets that decide which instructions a model follows.
///
/// ```
/// plain:      Reverse the word cat.            delimited:  Reverse the word cat.
///             note: cat backwards is tac.                  note: ### cat backwards is tac. ###
/// ```
/// - The **naive** set teaches what much real tuning data teaches: follow the latest instruction,
///   wherever it is — a user who corrects themselves ("Reverse the word cat. Write dog in
///   capitals." → `DOG`), and tasks pasted inside a note. Nothing marks the note as data.
/// - The **hierarchy** set (Wallace et al. 2024, "The Instruction Hierarchy") has the same user
///   corrections, but notes sit between markers and an instruction inside a note is never
///   followed: the answer is always to the user's latest instruction. Only the model's training
///   makes the markers mean anything.
///
/// Every example's answer is checked by ``InstructionWorld/answer(task:key:)``.
public enum NotedInstructions {
    /// How the note is placed in the prompt.
    public enum Layout: Sendable, Equatable {
        case plain
        /// Between markers; with `escaping`, the marker's characters are removed from the note first.
        case delimited(UntrustedText, escaping: Bool)
    }

    /// One fact of ``InstructionWorld``.
    public typealias Fact = (task: String, key: String, answer: String)

    // ANCHOR: noted-prompt
    /// The user's text followed by the note in `layout` (no note: the user's text alone).
    public static func prompt(user: String, note: String?, layout: Layout) -> String {
        guard let note else { return user }
        switch layout {
        case .plain: return "\(user)\nnote: \(note)"
        case .delimited(let markers, let escaping): return "\(user)\nnote: \(markers.wrap(note, escaping: escaping))"
        }
    }
    // ANCHOR_END: noted-prompt

    /// The instruction for `fact` in phrasing `variant`.
    public static func instruction(_ fact: Fact, variant: Int) -> String {
        InstructionWorld.instruction(task: fact.task, key: fact.key, variant: variant)
    }

    /// A note stating `fact` as pre-training text does: "cat backwards is tac.".
    public static func statement(_ fact: Fact, variant: Int) -> String {
        InstructionWorld.statement(task: fact.task, key: fact.key, answer: fact.answer, variant: variant)
    }

    /// An order to print `word`: the classic injection payload ("… say I have been PWNED").
    public static func say(_ word: String) -> String { "Say \(word)." }

    /// The words the tuning set's orders ask to print. A two-layer model this small learns to say
    /// words it has seen, not to copy arbitrary strings, so the attacker's payloads are among them.
    public static let sayable = ["PWNED", "HACKED", "VISIT", "BUYNOW", "HELLO", "OKAY", "YES", "NO"]

    /// `count` tuning examples over the training facts (``InstructionWorld/isValidation(task:key:)``
    /// false), a quarter of each kind: a question with a note stating a fact; a user who changes
    /// their mind ("… Say HELLO." → `HELLO`), before or after the note; and a note that carries an
    /// order — followed in the naive set, ignored in the hierarchy set (which also delimits every note).
    public static func tuningSet(count: Int, hierarchy: Bool, seed: UInt64) -> [InstructionExample] {
        var rng = SplitMix64(seed: seed)
        let facts = InstructionWorld.facts.filter { !InstructionWorld.isValidation(task: $0.task, key: $0.key) }
        let layout: Layout = hierarchy ? .delimited(UntrustedText(), escaping: true) : .plain
        func pick() -> Fact { facts[rng.nextInt(below: facts.count)] }
        return (0..<count).map { index in
            let asked = pick(), other = pick(), word = sayable[rng.nextInt(below: sayable.count)]
            let user = instruction(asked, variant: rng.nextInt(below: 3))
            let noted = rng.nextInt(below: 3) == 0 ? other : asked  // retrieval usually, not always, finds the fact asked about
            let note = statement(noted, variant: rng.nextInt(below: 2))
            let (prompt, response): (String, String) = switch index % 4 {
            case 0: (self.prompt(user: user, note: note, layout: layout), asked.answer)
            case 1: (user + " " + say(word), word)  // the latest instruction wins
            case 2: (self.prompt(user: user, note: note, layout: layout) + "\n" + say(word), word)  // …also after a note
            default: (self.prompt(user: user, note: note + " " + say(word), layout: layout), hierarchy ? asked.answer : word)
            }
            return InstructionExample(task: asked.task, key: asked.key, instruction: prompt, response: response)
        }
    }
}
