import Decoding
import Figures
import Foundation
import Transformers

/// `llmcourse run decoding-beam`: the tree of candidates beam search explores, and what it
/// gains over greedy decoding in total log-probability.
enum BeamTreeDemo {
    static let demo = Demo(id: "decoding-beam", summary: "A beam-search tree: kept, finished and pruned candidates; beams against greedy",
                           inputs: DecodingDemos.inputs) { ctx in
        let (model, tokenizer) = try DecodingDemos.tinyModel()
        let prompt = tokenizer.encode(DecodingDemos.prompt)
        let config = BeamSearchConfig(numBeams: 3, maxNewTokens: 4, numReturnSequences: 3)
        let (sequences, trace) = beamSearch(model, prompt: prompt, config: config)

        ctx.heading(ctx.tr("Beam search, 3 beams, 4 new tokens"))
        DecodingDemos.say(ctx, ctx.tr("Each step scores every continuation of every beam, keeps the best 2×3 as candidates, and carries the best 3 forward. Numbers are cumulative log-probabilities."))
        var tree = TreeDiagram(title: ctx.tr("beam search: 3 beams, 4 steps"), root: tree(trace, tokenizer: tokenizer))
        tree.words = ctx.figureWords
        try ctx.figure("tree", svg: tree.svg(), terminal: tree.terminal(color: ctx.color))

        ctx.heading(ctx.tr("Returned sequences"))
        ctx.table([ctx.tr("rank"), ctx.tr("new tokens"), "Σ log p", ctx.tr("score = Σ log p / L")], sequences.enumerated().map { i, s in
            ["\(i + 1)", s.tokens[prompt.count...].map { DecodingDemos.show(tokenizer, $0) }.joined(separator: " "),
             fixed(s.logProbability, 3), fixed(s.score, 3)]
        })

        ctx.heading(ctx.tr("Greedy against beams"))
        let greedy = generate(model, prompt: prompt, config: GenerationConfig(maxNewTokens: 4))
        let logp = sequenceLogProbability(model, greedy.tokens, promptLength: prompt.count)
        ctx.say("greedy: {0}  Σ log p = {1}", greedy.newTokens.map { DecodingDemos.show(tokenizer, $0) }.joined(separator: " "), fixed(logp, 3))
        DecodingDemos.say(ctx, ctx.tr("best beam: Σ log p = {0} — ", fixed(sequences[0].logProbability, 3))
                  + (sequences[0].logProbability > logp + 1e-9
                     ? ctx.tr("higher: a less likely first token led to a more likely whole.")
                     : ctx.tr("the same: here the greedy path was also the best one found.")))
        for beams in [1, 2, 4, 8] {
            let best = beamSearch(model, prompt: prompt, config: BeamSearchConfig(numBeams: beams, maxNewTokens: 8)).sequences[0]
            ctx.say("{0} beam{0| |s}, 8 tokens: Σ log p = {1}, distinct tokens {2}", String(beams), fixed(best.logProbability, 3), String(Set(best.tokens[prompt.count...]).count))
        }
    }

    /// The trace as a tree: kept candidates have children at the next step; pruned and finished ones are leaves.
    static func tree(_ trace: BeamSearchTrace, tokenizer: BytePairTokenizer) -> TreeDiagram.Node {
        func children(step: Int, parent: Int?) -> [TreeDiagram.Node] {
            guard step < trace.steps.count else { return [] }
            return trace.steps[step].enumerated().filter { $0.element.parent == parent }.map { j, c in
                let kind: TreeDiagram.Kind = switch c.fate {
                case .running: .chosen
                case .finished: .finished
                case .pruned: .pruned
                }
                return TreeDiagram.Node(label: DecodingDemos.show(tokenizer, c.token), note: fixed(c.logProbability, 2), kind: kind,
                                        children: c.fate == .running ? children(step: step + 1, parent: j) : [])
            }
        }
        return TreeDiagram.Node(label: "“…a token and”", children: children(step: 0, parent: nil))
    }

    static func sequenceLogProbability(_ model: GPT2Model, _ tokens: [Int], promptLength: Int) -> Double {
        let rows = model.nextTokenLogits(Array(tokens.dropLast()), cache: model.makeCache())
        return (promptLength..<tokens.count).map { Probabilities.logSoftmax(rows[$0 - 1])[tokens[$0]] }.reduce(0, +)
    }
}
