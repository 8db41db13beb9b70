import Autograd
import Transformers

/// What a defender looks at to find poisoned examples: the model's own view of each example.
///
/// For a causal language model a sequence's final hidden state (after the last layer norm) at
/// its last token sums up everything the model read. Which sequence matters:
///
/// ```
/// the prompt alone          ids = prompt             the state that predicts the answer's first token
/// the whole example         ids = prompt ++ answer   the state at the answer's end-of-turn token
/// ids [T] → hiddenStates → [1, T, C] → row T − 1 → [C];   n sequences → R [n, C]
/// ```
///
/// At the prompt's last token the clean examples already differ widely (each is about to write
/// a different answer), and that spread can drown the poison's shift. At the end of the whole
/// example the clean ones all sit at the same place in the conversation and look alike, while
/// the poisoned ones carry an answer unlike any clean one: there the poison is the main
/// direction of variation, which is what spectral signatures need.
public enum Representations {
    /// One row per sequence: the final hidden state at its last token, [n, C]. Sequences may
    /// differ in length (each runs on its own, so no padding enters the states).
    public static func lastTokenStates(_ model: any LanguageModel, sequences: [[Int]]) -> [[Double]] {
        model.setTraining(false)
        return withNoGrad {
            sequences.map { ids in
                precondition(!ids.isEmpty, "Representations: an empty sequence has no last token")
                let states = model.hiddenStates(ids, batchSize: 1, cache: nil).value  // [1, T, C]
                let width = states.shape[2]
                return states.scalars[(states.count - width)...].map(Double.init)
            }
        }
    }
}
