import Course
import Figures
import FineTuning
import Foundation
import Tensors

/// `llmcourse run near-duplicates`: generated instructions with planted near-duplicates
/// (typos, extra words, case and spacing), removed by exact deduplication and by MinHash + LSH;
/// the LSH candidates scored against every pair's exact Jaccard; the S-curve, in theory and
/// as measured.
enum NearDuplicatesDemo {
    static let demo = Demo(
        id: "near-duplicates",
        summary: "Near-duplicate instructions: exact deduplication vs MinHash + LSH, candidate precision and recall, the S-curve",
        inputs: ["Sources/FineTuning/Data", "Sources/FineTuning/SFT", "Sources/Demos/FineTuning"]
    ) { context in try run(context) }

    static let threshold = 0.7
    static let shingleSize = 4
    static let numPerm = 128

    /// The ways a copy of an instruction is changed.
    enum Change: CaseIterable {
        case typo, extraWords, caseAndSpacing

        var name: String {
            switch self {
            case .typo: "a typo"
            case .extraWords: "extra words"
            case .caseAndSpacing: "case and spacing"
            }
        }
    }

    /// A changed copy of an example (the answer stays).
    static func variant(of example: InstructionExample, _ change: Change, rng: inout SplitMix64) -> InstructionExample {
        var copy = example
        switch change {
        case .typo:
            var words = example.instruction.split(separator: " ").map { Array($0) }
            let long = words.indices.filter { words[$0].filter(\.isLetter).count >= 4 }
            let w = long.isEmpty ? 0 : long[rng.nextInt(below: long.count)]
            let letters = words[w].indices.filter { words[w][$0].isLetter }
            let i = letters[rng.nextInt(below: max(1, letters.count - 1))]
            switch rng.nextInt(below: 3) {
            case 0 where i + 1 < words[w].count: words[w].swapAt(i, i + 1)   // "teh"
            case 1: words[w].remove(at: i)                                     // "th"
            default: words[w].insert(words[w][i], at: i)                       // "thhe"
            }
            copy.instruction = words.map { String($0) }.joined(separator: " ")
        case .extraWords:
            let before = ["Please ", "Quick question: ", "Hi! "], after = [" Thanks!", " Answer briefly.", " Be concise."]
            if rng.nextInt(below: 2) == 0 {
                copy.instruction = before[rng.nextInt(below: 3)] + example.instruction.prefix(1).lowercased() + example.instruction.dropFirst()
            } else {
                copy.instruction = example.instruction + after[rng.nextInt(below: 3)]
            }
        case .caseAndSpacing:
            copy.instruction = rng.nextInt(below: 2) == 0 ? example.instruction.uppercased()
                : example.instruction.replacingOccurrences(of: " ", with: "  ") + " "
        }
        return copy
    }

    static func text(_ example: InstructionExample) -> String { example.instruction + " " + example.response }

    static func run(_ ctx: DemoContext) throws {
        // Unique instructions, then a changed copy of about one in three, appended after them.
        var rng = SplitMix64(seed: ctx.seed)
        let originals = DataCleaning.deduplicate(InstructionWorld.rawInstructions(count: ctx.quick ? 300 : 3000, faultRate: 0, seed: ctx.seed)).kept
        var planted: [(example: InstructionExample, change: Change, origin: Int)] = []
        for (index, example) in originals.enumerated() where rng.nextInt(below: 3) == 0 {
            let change = Change.allCases[rng.nextInt(below: Change.allCases.count)]
            planted.append((variant(of: example, change, rng: &rng), change, index))
        }
        planted.shuffle(using: &rng)

        ctx.heading(ctx.tr("Instructions with planted near-duplicates"))
        ctx.say("{0} distinct instructions, then {1} changed copies of some of them; Jaccard of {2}-character shingles, copy vs original:",
                "\(originals.count)", "\(planted.count)", "\(shingleSize)")
        let shingle = { (example: InstructionExample) in Shingles.characters(text(example), k: shingleSize) }
        ctx.table([ctx.tr("kind of copy"), ctx.tr("planted"), ctx.tr("lowest J"), ctx.tr("mean J"), ctx.tr("for example")], Change.allCases.map { change in
            let ofKind = planted.filter { $0.change == change }
            let jaccards = ofKind.map { MinHash.exactJaccard(shingle($0.example), shingle(originals[$0.origin])) }
            return [ctx.tr(change.name), "\(ofKind.count)", fixed(jaccards.min() ?? 0, 2), fixed(jaccards.reduce(0, +) / Double(max(1, jaccards.count)), 2),
                    ofKind.first.map { text($0.example).debugDescription } ?? ""]
        })

        // Exact deduplication, then MinHash + LSH on what is left.
        let (unique, exactRemoved) = DataCleaning.deduplicate(originals + planted.map(\.example))
        let texts = unique.map(text)
        let isPlanted = Set(planted.map { text($0.example) })
        let stepAt = { (t: Double) in NearDuplicates(threshold: t, shingles: .characters(shingleSize), minHash: MinHash(numPerm: numPerm, seed: ctx.seed)) }
        let step = stepAt(threshold)
        let report = step.run(texts)

        ctx.heading(ctx.tr("Exact deduplication vs MinHash + LSH"))
        ctx.say("MinHash: {0} permutations; LSH for Jaccard ≥ {1}: {2} bands of {3} rows", "\(numPerm)", fixed(threshold, 1),
                "\(step.bands.bands)", "\(step.bands.rows)")
        let removedTexts = Set(report.removed.map { texts[$0.index] }), survivors = Set(texts)
        ctx.table([ctx.tr("kind of copy"), ctx.tr("planted"), ctx.tr("exact dedup"), "MinHash + LSH", ctx.tr("left")], Change.allCases.map { change in
            let ofKind = planted.filter { $0.change == change }.map { text($0.example) }
            let exact = ofKind.filter { !survivors.contains($0) }.count
            let near = ofKind.filter { removedTexts.contains($0) }.count
            return [ctx.tr(change.name), "\(ofKind.count)", "\(exact)", "\(near)", "\(ofKind.count - exact - near)"]
        })
        ctx.say("exact deduplication removed {0} texts; MinHash + LSH removed {1} more", "\(exactRemoved)", "\(report.removed.count)")
        for removal in report.removed.prefix(4) {
            ctx.say("  removed {0} ≈ kept {1} (J = {2})", texts[removal.index].debugDescription, texts[removal.keptIndex].debugDescription,
                    fixed(removal.jaccard, 2))
        }

        // The threshold trades missed copies against distinct instructions that merely look alike.
        ctx.heading(ctx.tr("Choosing the threshold"))
        var lookAlike: (Double, NearDuplicates.Removal)?
        ctx.table([ctx.tr("threshold"), "(b, r)", ctx.tr("copies removed"), ctx.tr("distinct instructions removed")], [0.5, 0.6, 0.7, 0.8, 0.9].map { t in
            let s = stepAt(t), r = s.run(texts)
            let wrong = r.removed.filter { !isPlanted.contains(texts[$0.index]) }
            if lookAlike == nil, let first = wrong.first { lookAlike = (t, first) }
            return [fixed(t, 1), "(\(s.bands.bands), \(s.bands.rows))", "\(r.removed.count - wrong.count)", "\(wrong.count)"]
        })
        if let (t, removal) = lookAlike {
            ctx.say("at {0}, {1} goes as a copy of {2} (J = {3}): a different fact in the same template",
                    fixed(t, 1), texts[removal.index].debugDescription, texts[removal.keptIndex].debugDescription, fixed(removal.jaccard, 2))
        }

        try candidateQuality(ctx, step: step, texts: texts, report: report)
    }

    /// The LSH candidates against every pair's exact Jaccard, and the S-curve.
    static func candidateQuality(_ ctx: DemoContext, step: NearDuplicates, texts: [String], report: NearDuplicates.Report) throws {
        ctx.heading(ctx.tr("LSH candidates against every pair's exact Jaccard"))
        let sets = texts.map(step.shingles.shingles)
        let pairs = NearDuplicates.allSimilarPairs(sets, threshold: 0.3)     // every pair with J ≥ 0.3
        let candidates = Set(report.candidates ?? [])
        let truth = pairs.filter { $0.jaccard >= step.threshold }.map(\.pair)
        let found = truth.filter { candidates.contains($0) }.count
        let allPairs = texts.count * (texts.count - 1) / 2
        ctx.table([ctx.tr("pairs"), ctx.tr("number")], [
            [ctx.tr("all pairs of the {0} texts", "\(texts.count)"), "\(allPairs)"],
            [ctx.tr("with exact Jaccard ≥ {0}", fixed(step.threshold, 1)), "\(truth.count)"],
            [ctx.tr("LSH candidates (the only pairs compared)"), "\(candidates.count)"],
            [ctx.tr("candidates with Jaccard ≥ {0}", fixed(step.threshold, 1)), "\(found)"],
        ])
        ctx.say("candidate precision {0}, recall {1}; the all-pairs reference removes {2} texts, LSH {3}",
                fixed(Double(found) / Double(max(1, candidates.count)), 3), fixed(Double(found) / Double(max(1, truth.count)), 3),
                "\(step.runComparingAllPairs(texts).removed.count)", "\(report.removed.count)")

        // The S-curve: its formula, and the share of pairs in each band of similarity that LSH proposed.
        let bands = step.bands
        // "expected" averages 1 − (1 − J^r)^b over the pairs in the row, so both columns see the same similarities.
        ctx.table(["J", ctx.tr("pairs"), ctx.tr("candidates"), ctx.tr("share"), ctx.tr("expected")], (3...9).map { tenths in
            let (lo, hi) = (Double(tenths) / 10, Double(tenths + 1) / 10)
            let inRow = pairs.filter { $0.jaccard >= lo - 1e-9 && ($0.jaccard < hi - 1e-9 || tenths == 9) }
            let proposed = inRow.filter { candidates.contains($0.pair) }.count
            let n = Double(max(1, inRow.count))
            return ["\(fixed(lo, 1))–\(fixed(hi, 1))", "\(inRow.count)", "\(proposed)", fixed(Double(proposed) / n, 2),
                    fixed(inRow.map { bands.candidateProbability($0.jaccard) }.reduce(0, +) / n, 2)]
        })
        var plot = LinePlot(title: ctx.tr("P(candidate | Jaccard s) = 1 − (1 − s^r)^b"), xLabel: ctx.tr("Jaccard similarity s"), yLabel: ctx.tr("P(candidate)"))
        let s = (0...100).map { Double($0) / 100 }
        for (b, r) in [(bands.bands, bands.rows), (25, 5), (5, 25)] {
            plot.add("b = \(b), r = \(r)", xs: s, ys: s.map { LSHBands(bands: b, rows: r).candidateProbability($0) })
        }
        try ctx.show("s-curve", plot, height: 10)
        ctx.say("b = {0}, r = {1} is tuned for {2}; (25, 5) for 0.5 and (5, 25) for 0.9 move the step left and right",
                "\(bands.bands)", "\(bands.rows)", fixed(step.threshold, 1))
    }
}
