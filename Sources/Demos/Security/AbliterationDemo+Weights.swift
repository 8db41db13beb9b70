import Autograd
import Figures
import FineTuning
import Foundation
import NeuralNets
import Security
import Tensors
import Transformers

/// The abliteration demo's later steps: the projections figure, the weight edit and its cost,
/// and activation addition.
extension AbliterationDemo {
    /// Held-out prompts at the chosen layer: along r̂ against the size of everything else.
    static func showProjections(_ ctx: DemoContext, _ model: GPT2Model, _ direction: RefusalDirection, _ prompts: [Prompt]) throws {
        let activations = RefusalDirection.lastTokenActivations(model, prompts: prompts.map(\.ids))[direction.layer]
        let points = activations.map { a -> (x: Double, y: Double) in
            let along = cosine(a, direction.unit)
            let rest = zip(a, direction.unit).map { $0 - along * $1 }
            return (Double(along), Double(rest.map { $0 * $0 }.reduce(0, +).squareRoot()))
        }
        try ctx.show("projections", ScatterPlot(title: ctx.tr("held-out prompts at the chosen layer"), points: points,
                                                classes: prompts.map { $0.isAnimal ? 0 : 1 },
                                                classNames: [ctx.tr("animal (refused)"), ctx.tr("other (answered)")],
                                                xLabel: ctx.tr("a · r̂"), yLabel: ctx.tr("‖a − (a · r̂) r̂‖")), height: 14)
    }

    /// Orthogonalizes the weights, checks the edit equals the inference-time projection, and
    /// compares the two models.
    static func abliterate(_ ctx: DemoContext, _ lab: FineTuningLab, _ model: GPT2Model, _ direction: RefusalDirection,
                           _ heldAnimals: [Prompt], _ heldOthers: [Prompt], _ allAnimals: [Prompt],
                           before: (held: Score, others: Score, all: Score),
                           control: (model: GPT2Model, score: (held: Score, others: Score, all: Score)), base: GPT2Model) throws {
        ctx.heading(ctx.tr("Abliteration: the direction projected out of the weights"))
        let abliterated = try Abliteration.abliterated(model, unit: direction.unit)
        let probe = heldAnimals.first?.ids ?? heldOthers[0].ids
        let (largest, difference) = withNoGrad { () -> (Float, Float) in
            let stream = abliterated.residualStream(probe)
            let c = direction.unit.count
            let largest = stream.flatMap { x in
                stride(from: 0, to: x.value.count, by: c).map { abs(cosine(Array(x.value.scalars[$0..<($0 + c)]), direction.unit)) }
            }.max() ?? 0
            let hooked = model.logits(probe, edit: Abliteration.ablation(unit: direction.unit)).value
            return (largest, abliterated(probe).value.maxAbsDifference(hooked))
        }
        ctx.say("rows of wte, wpe, every c_proj weight and bias: W ← W − (W r̂) r̂ᵀ ({0} matrices, {1} biases)",
                "\(2 + 2 * model.config.layerCount)", "\(2 * model.config.layerCount)")
        ctx.say("largest component along r̂ left in the residual stream: {0}; max |Δlogit| vs projecting at inference: {1}",
                sci(Double(largest)), sci(Double(difference)))
        let after = (held: score(abliterated, heldAnimals, lab), others: score(abliterated, heldOthers, lab),
                     all: score(abliterated, allAnimals, lab))
        let losses = (pretrainingLoss(model, lab, ctx), pretrainingLoss(abliterated, lab, ctx))
        let reference = control.score
        ctx.table(["model", "held-out animals refused", "all animals refused", "animals right", "others right", "pre-training loss"].map { ctx.tr($0) }, [
            [ctx.tr("base (pre-trained only)"), "-", "-", "-", "-", fixed(pretrainingLoss(base, lab, ctx), 3)],
            [ctx.tr("chat model (before refusal tuning)"), percent(reference.held.refused), percent(reference.all.refused), percent(reference.all.correct),
             percent(reference.others.correct), fixed(pretrainingLoss(control.model, lab, ctx), 3)],
            [ctx.tr("refusal-tuned"), percent(before.held.refused), percent(before.all.refused), percent(before.all.correct),
             percent(before.others.correct), fixed(losses.0, 3)],
            [ctx.tr("abliterated"), percent(after.held.refused), percent(after.all.refused), percent(after.all.correct),
             percent(after.others.correct), fixed(losses.1, 3)],
        ])
        ctx.say("(\"animals right\": the true reversal or capitals, over all {0} animal prompts)",
                "\(allAnimals.count)")
        if let example = allAnimals.first(where: { $0.example.task == "reverse" }) {
            ctx.say("asked \"{0}\": the tuned model says {1}, the abliterated one {2}", example.example.instruction,
                    answer(model, example, lab).debugDescription, answer(abliterated, example, lab).debugDescription)
        }
    }

    /// Adding the direction to prompts the model answers: does it now refuse them?
    static func steer(_ ctx: DemoContext, _ lab: FineTuningLab, _ model: GPT2Model, _ direction: RefusalDirection, _ others: [Prompt]) {
        ctx.heading(ctx.tr("Activation addition: r added to prompts the model answers"))
        let norm = direction.difference.map { $0 * $0 }.reduce(0, +).squareRoot()
        let rows = [0.5, 1, 2].map { multiple -> [String] in
            let steered = SteeredModel(model, edit: Abliteration.addition(unit: direction.unit, scale: Float(multiple) * norm, layer: direction.layer))
            let result = score(steered, others, lab)
            return [fixed(multiple, 1) + " ‖r‖", percent(result.refused), percent(result.correct)]
        }
        ctx.table(["added", "refused", "answered right"].map { ctx.tr($0) }, rows)
        ctx.say("(r added at every position, {0}; on the {1} held-out prompts that are not about animals)", layerName(direction.layer, ctx), "\(others.count)")
    }

    /// The greedy answer as text, up to the end of the turn.
    static func answer(_ model: any LanguageModel, _ prompt: Prompt, _ lab: FineTuningLab) -> String {
        lab.reply(model, to: prompt.ids, maxNewTokens: 26)
    }

    /// Mean next-token loss on fresh pre-training sentences, in windows of 48 tokens.
    static func pretrainingLoss(_ model: GPT2Model, _ lab: FineTuningLab, _ ctx: DemoContext) -> Double {
        let tokens = (try? lab.tokenizer.encode(InstructionWorld.pretrainingText(lines: ctx.quick ? 20 : 300, seed: ctx.seed &+ 99))) ?? []
        var total = 0.0, windows = 0
        withNoGrad {
            for start in stride(from: 0, to: tokens.count - 49, by: 48) {
                let window = Array(tokens[start..<(start + 49)])
                let logits = model(Array(window.dropLast()))
                total += Double(crossEntropy(logits, targets: Array(window.dropFirst())).value.scalar)
                windows += 1
            }
        }
        return total / Double(max(windows, 1))
    }
}
