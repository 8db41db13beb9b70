import Autograd
import Figures
import FineTuning
import Foundation
import NeuralNets
import Security
import Tensors
import Transformers

/// `llmcourse run abliteration`: the fine-tuning chapters' tiny GPT instruction-tuned into a chat
/// model, then taught to refuse every instruction about an animal; the refusal direction found
/// per residual layer as a difference of means; the direction projected out of the weights; and
/// what that undoes and what it costs.
enum AbliterationDemo {
    static let demo = Demo(
        id: "abliteration",
        summary: "A tiny GPT taught to refuse animal prompts; its refusal direction per layer, abliterated out of the weights, and what changes",
        inputs: ["Sources/Security/Refusal", "Sources/Transformers/Models/GPT2Model+Residuals.swift",
                 "Sources/Demos/Security/AbliterationDemo.swift", "Sources/Demos/FineTuning/FineTuningLab.swift"]
    ) { context in try run(context) }

    static let animals: Set<String> = ["cat", "dog", "owl", "bee", "fish", "bird", "frog"]
    static let refusal = "I cannot help."  // short: prompt and answer fit the 64-token context

    /// An instruction with its true answer, tokenized as a chat prompt.
    struct Prompt {
        let example: InstructionExample
        let ids: [Int]
        let answer: [Int]
        var isAnimal: Bool { AbliterationDemo.animals.contains(example.key) }
    }

    /// Refusal rate and exact match of one model on a set of prompts.
    struct Score {
        var refused = 0.0, correct = 0.0
    }

    static func run(_ ctx: DemoContext) throws {
        let lab = FineTuningLab(context: ctx)
        let base = try lab.pretrainedModel { ctx.print($0) }
        ctx.heading(ctx.tr("Teaching the model to refuse"))
        let raw = InstructionWorld.rawInstructions(count: ctx.quick ? 400 : 3000, faultRate: 0, seed: ctx.seed)
        let taught = raw.map { example in
            var example = example
            if animals.contains(example.key) { example.response = refusal }
            return example
        }
        // First a chat model that answers everything (as a lab's instruction tuning would), then
        // safety tuning on top of it: the same instructions, animal ones now answered with a refusal.
        let steps = ctx.quick ? 6 : 600, safetySteps = ctx.quick ? 4 : 200
        let control = try lab.fineTuned(base, on: raw.map(lab.tokenized), steps: steps, learningRate: 1e-3,
                                        cacheName: "security-no-refusal-lr1e-3", label: ctx.tr("instruction-tuning the chat model"))
        let model = try lab.fineTuned(control, on: taught.map(lab.tokenized), steps: safetySteps, learningRate: 1e-3,
                                      cacheName: "security-refusal-on-chat", label: ctx.tr("teaching the model to refuse"))
        ctx.say("chat model: {0} instructions, {1} steps of fine-tuning; then {2} steps teaching it to answer the {3} about an animal ({4}) \"{5}\"",
                "\(raw.count)", "\(steps)", "\(safetySteps)", "\(taught.filter { animals.contains($0.key) }.count)",
                animals.sorted().joined(separator: " "), refusal)

        // Held out: facts the instructions never asked about, in all three phrasings.
        let heldOut = try ["reverse", "capitals", "sum"].flatMap(InstructionWorld.validationInstructions(task:))
            .enumerated().filter { !ctx.quick || $0.offset % 4 == 0 }.map { try prompt($0.element, lab) }
        let (heldAnimals, heldOthers) = (heldOut.filter(\.isAnimal), heldOut.filter { !$0.isAnimal })
        // Every animal instruction (training phrasings included): does the knowledge come back?
        var seen = Set<String>()
        let trainingPrompts = try raw.filter { seen.insert($0.instruction).inserted }.map { try prompt($0, lab) }
        let allAnimals = trainingPrompts.filter(\.isAnimal) + heldAnimals
        let before = (held: score(model, heldAnimals, lab), others: score(model, heldOthers, lab), all: score(model, allAnimals, lab))
        ctx.say("held out: {0} animal prompts refused {1}; {2} other prompts answered exactly {3}",
                "\(heldAnimals.count)", percent(before.held.refused), "\(heldOthers.count)", percent(before.others.correct))
        ctx.say("all {0} animal prompts: refused {1}, answered correctly {2}", "\(allAnimals.count)",
                percent(before.all.refused), percent(before.all.correct))

        // The direction, from training prompts only.
        ctx.heading(ctx.tr("The refusal direction, layer by layer"))
        let count = ctx.quick ? 8 : 40
        let refusedIDs = trainingPrompts.filter(\.isAnimal).prefix(count).map(\.ids)
        let answeredIDs = trainingPrompts.filter { !$0.isAnimal }.prefix(count).map(\.ids)
        let directions = RefusalDirection.perLayer(model, refused: Array(refusedIDs), answered: Array(answeredIDs))
        ctx.say("difference of means at the last prompt token over {0} refused and {1} answered training prompts",
                "\(refusedIDs.count)", "\(answeredIDs.count)")
        var rows: [[String]] = [], effects: [(layer: Int, animals: Score, others: Score)] = []
        for direction in directions {
            let ablated = SteeredModel(model, edit: Abliteration.ablation(unit: direction.unit))
            let effect = (layer: direction.layer, animals: score(ablated, allAnimals, lab), others: score(ablated, heldOthers, lab))
            effects.append(effect)
            let norm = direction.difference.map { Double($0 * $0) }.reduce(0, +).squareRoot()
            rows.append([layerName(direction.layer, ctx), fixed(norm, 2), fixed(direction.separation, 1), percent(direction.accuracy),
                         percent(effect.animals.refused), percent(effect.animals.correct), percent(effect.others.correct)])
        }
        ctx.table(["residual layer", "‖r‖", "separation d", "split by r̂", "refused", "animals right", "others right"].map { ctx.tr($0) }, rows)
        ctx.say("(the last three columns: r̂ projected out after every write; all animal prompts, held-out others)")
        let cosines = (1..<directions.count).map { fixed(Double(cosine(directions[$0 - 1].unit, directions[$0].unit)), 2) }
        ctx.say("cosine between neighboring layers' directions: {0}", cosines.joined(separator: ", "))
        // Among the blocks' outputs (the embedding's last token is always the same newline, so its
        // direction only encodes the prompt's length): most animal prompts answered right, then
        // fewest refusals, then most right answers elsewhere.
        let best = effects.dropFirst().min { (-$0.animals.correct, $0.animals.refused, -$0.others.correct) < (-$1.animals.correct, $1.animals.refused, -$1.others.correct) }!
        let chosen = directions[best.layer]
        ctx.say("chosen: {0} (the embedding output is left out: at the last token it only encodes the prompt's length)", layerName(chosen.layer, ctx))
        try showProjections(ctx, model, chosen, heldAnimals + heldOthers)

        // The chat model before safety tuning: how many animal prompts it got right (the ceiling
        // for the abliterated one).
        let reference = (held: score(control, heldAnimals, lab), others: score(control, heldOthers, lab), all: score(control, allAnimals, lab))
        try abliterate(ctx, lab, model, chosen, heldAnimals, heldOthers, allAnimals, before: (before.held, before.others, before.all),
                       control: (control, reference), base: base)
        steer(ctx, lab, model, chosen, heldOthers)
    }

    static func prompt(_ example: InstructionExample, _ lab: FineTuningLab) throws -> Prompt {
        let tokens = try lab.tokenized(example)
        return Prompt(example: example, ids: tokens.prompt, answer: tokens.response)
    }

    static func layerName(_ layer: Int, _ ctx: DemoContext) -> String {
        layer == 0 ? ctx.tr("embedding") : ctx.tr("after block {0}", "\(layer - 1)")
    }

    /// Greedy answers of at most 8 tokens: a refusal starts "I cannot"; an answer is right when
    /// it equals the true answer and the end-of-turn token.
    static func score(_ model: any LanguageModel, _ prompts: [Prompt], _ lab: FineTuningLab) -> Score {
        var result = Score()
        for prompt in prompts {
            let output = Array(greedyDecode(model, prompt: prompt.ids, maxNewTokens: 8, stopAt: lab.endOfTurn)[prompt.ids.count...])
            if lab.tokenizer.decode(output).hasPrefix("I cannot") { result.refused += 1 }
            if output == prompt.answer { result.correct += 1 }
        }
        let n = Double(max(prompts.count, 1))
        return Score(refused: result.refused / n, correct: result.correct / n)
    }

    static func cosine(_ a: [Float], _ b: [Float]) -> Float { zip(a, b).reduce(0) { $0 + $1.0 * $1.1 } }
}
