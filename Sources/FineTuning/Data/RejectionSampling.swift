/// Rejection sampling for synthetic data: ask a generator for k candidate answers per prompt and
/// keep only those a verifier accepts (a unit test, an exact checker, a judge). STaR, ReST and
/// the "rejection-sampling fine-tuning" of Llama 2 build training sets this way.
///
/// ```
/// candidates(x) = { y₁ … y_k },  y_j ~ sampler(x)
/// kept(x)       = { y_j : verify(x, y_j) }            (at most `keepPerPrompt` of them, first drawn first)
/// acceptance    = Σ_x |{ y_j : verify(x, y_j) }| / (k · #prompts)
/// ```
/// The acceptance rate is the cost: 1/acceptance draws buy one verified example. Prompts where
/// nothing passes are the ones the generator cannot do yet; they give no data at all.
///
/// ```swift
/// let result = RejectionSampling.run(prompts: sums, candidatesPerPrompt: 8,
///                                    sample: { prompt, j in model.sample(prompt, seed: j) },
///                                    verify: { prompt, answer in answer == prompt.truth })
/// result.acceptanceRate
/// ```
public enum RejectionSampling {
    public struct Result<Prompt, Candidate> {
        /// The accepted (prompt, candidate) pairs, in prompt order.
        public let accepted: [(prompt: Prompt, candidate: Candidate)]
        /// Per prompt, how many of its k candidates passed (before `keepPerPrompt`).
        public let passedPerPrompt: [Int]
        public let candidatesPerPrompt: Int

        /// Candidates drawn in all.
        public var drawn: Int { passedPerPrompt.count * candidatesPerPrompt }
        /// Passed / drawn.
        public var acceptanceRate: Double {
            drawn == 0 ? 0 : Double(passedPerPrompt.reduce(0, +)) / Double(drawn)
        }
        /// Prompts none of whose candidates passed.
        public var promptsWithoutAnswer: Int { passedPerPrompt.filter { $0 == 0 }.count }
    }

    // ANCHOR: run
    /// Draws `candidatesPerPrompt` candidates per prompt (`sample(prompt, j)` for j = 0…k−1) and
    /// keeps up to `keepPerPrompt` of those `verify` accepts.
    public static func run<Prompt, Candidate>(
        prompts: [Prompt], candidatesPerPrompt k: Int, keepPerPrompt: Int = .max,
        sample: (Prompt, Int) throws -> Candidate, verify: (Prompt, Candidate) -> Bool
    ) rethrows -> Result<Prompt, Candidate> {
        precondition(k > 0 && keepPerPrompt > 0, "RejectionSampling: k and keepPerPrompt must be positive")
        var accepted: [(prompt: Prompt, candidate: Candidate)] = []
        var passed: [Int] = []
        for prompt in prompts {
            var count = 0
            for j in 0..<k {
                let candidate = try sample(prompt, j)
                guard verify(prompt, candidate) else { continue }
                if count < keepPerPrompt { accepted.append((prompt, candidate)) }
                count += 1
            }
            passed.append(count)
        }
        return Result(accepted: accepted, passedPerPrompt: passed, candidatesPerPrompt: k)
    }
    // ANCHOR_END: run
}
