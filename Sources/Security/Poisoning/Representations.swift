import Autograd
import Transformers

/// What a defender looks at to find poisoned examples: the model's own view of each prompt.
///
/// For a causal language model the natural choice is the final hidden state (after the last
/// layer norm) at the prompt's last token: the vector from which the model predicts the first
/// token of its answer, so it must already encode whatever decides that answer — including a
/// trigger that makes the answer the attacker's.
///
/// ```
/// prompt ids  [Tᵢ]  → hiddenStates → [1, Tᵢ, C] → row Tᵢ − 1 → [C]
/// n prompts         → R [n, C]
/// ```
public enum Representations {
    /// One row per prompt: the final hidden state at its last token, [n, C]. Prompts may differ
    /// in length (each runs on its own, so no padding enters the states).
    public static func lastTokenStates(_ model: any LanguageModel, prompts: [[Int]]) -> [[Double]] {
        model.setTraining(false)
        return withNoGrad {
            prompts.map { ids in
                precondition(!ids.isEmpty, "Representations: an empty prompt has no last token")
                let states = model.hiddenStates(ids, batchSize: 1, cache: nil).value  // [1, T, C]
                let width = states.shape[2]
                return states.scalars[(states.count - width)...].map(Double.init)
            }
        }
    }
}
