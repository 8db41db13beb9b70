import CourseSearch
import Figures
import Foundation
import Retrieval

/// `llmcourse run course-embeddings`: the bi-encoder `llmcourse ask` uses, trained on the
/// course's own text with InfoNCE; what it learned, its sections in three indexes, and the
/// model folder it is saved as.
enum CourseEmbeddingsDemo {
    static let demo = Demo(id: "course-embeddings", summary: "A bi-encoder trained on the course's text with InfoNCE: pairs, loss, neighbors, indexes, folder",
                           inputs: CourseRetrievalLab.inputs) { ctx in
        let index = try CourseRetrievalLab.index()
        let pairs = index.encoderTrainingPairs(leavingOut: CourseRetrievalLab.leftOut)
        let aligned = index.alignedSections(leavingOut: CourseRetrievalLab.leftOut).count
        let headings = index.sections.filter { !CourseRetrievalLab.leftOut.contains($0.lessonID) }.count
        ctx.heading(ctx.tr("1. Training pairs cut from the lessons (no labeled question is used)"))
        ctx.table([ctx.tr("kind"), ctx.tr("pairs")], [
            [ctx.tr("heading ↔ its section"), String(headings)],
            [ctx.tr("a sentence ↔ the rest of its section"), String(pairs.count - headings - 2 * aligned)],
            [ctx.tr("English section ↔ Chinese section (both ways)"), String(2 * aligned)],
        ])

        ctx.heading(ctx.tr("2. InfoNCE with in-batch negatives: 64 pairs a batch, τ = 0.05, Adam"))
        let result = CourseRetrievalLab.trainEncoder(index, ctx)
        let encoder = result.encoder
        ctx.say("{0} terms × {1} dimensions = {2} parameters; mean loss {3} after the first epoch, {4} after the last (chance: ln 64 = {5})",
                String(encoder.vocabulary.count), String(encoder.dimension), String(encoder.embeddings.count),
                fixed(result.losses.first!, 3), fixed(result.losses.last!, 3), fixed(log(64.0), 3))
        var plot = LinePlot(title: ctx.tr("InfoNCE loss per epoch"), xLabel: ctx.tr("epoch"), yLabel: ctx.tr("loss"))
        plot.add(ctx.tr("train"), ys: result.losses)
        try ctx.show("loss", plot, height: 8)

        ctx.heading(ctx.tr("3. What it learned: each term's nearest terms (cosine)"))
        let vectors = (0..<encoder.vocabulary.count).map { encoder.termVector($0) }
        var rows: [[String]] = []
        for term in ["cache", "量化", "attention", "梯度"] {
            guard let id = encoder.vocabulary.id(term) else { continue }
            let near = vectors.indices.filter { $0 != id }
                .sorted { VectorMath.dot(vectors[id], vectors[$0]) > VectorMath.dot(vectors[id], vectors[$1]) }.prefix(4)
            rows.append([term, near.map { encoder.vocabulary.terms[$0] }.joined(separator: " ")])
        }
        ctx.table([ctx.tr("term"), ctx.tr("nearest")], rows)

        ctx.heading(ctx.tr("4. The sections in three indexes ({0} vectors of {1} dimensions)", String(index.sections.count), String(encoder.dimension)))
        var exact = ExactIndex(dimension: encoder.dimension), int8 = Int8Index(dimension: encoder.dimension)
        for (i, s) in index.sections.enumerated() {
            let v = encoder.encode(CourseRetriever.passage(s))
            exact.add(v, id: i)
            int8.add(v, id: i)
        }
        let questions = try CourseRetrievalLab.questions(quick: ctx.quick).questions.map { encoder.encode($0.question) }
        let truth = questions.map { Set(exact.search($0, k: 10).map(\.id)) }
        func recall(_ search: ([Float]) -> [SearchHit]) -> Double {
            Double(zip(questions, truth).reduce(0) { $0 + Set(search($1.0).map(\.id)).intersection($1.1).count }) / Double(questions.count * 10)
        }
        var hnswRows: [[String]] = [], curve: [Double] = []
        let efs = [10, 20, 40, 80]
        let hnsw = HNSWIndex(dimension: encoder.dimension, m: 8, efConstruction: 64, seed: ctx.seed)
        for i in 0..<exact.count { hnsw.add(Array(exact.vectors[(i * encoder.dimension)..<((i + 1) * encoder.dimension)]), id: i) }
        for ef in efs {
            hnsw.efSearch = ef
            let r = recall { hnsw.search($0, k: 10) }
            curve.append(r)
            hnswRows.append(["HNSW M = 8, efSearch = \(ef)", String(Int(hnsw.bytesPerVector)), fixed(r, 3)])
        }
        ctx.table([ctx.tr("index"), ctx.tr("bytes per vector"), "recall@10"],
                  [[ctx.tr("exact (float32)"), String(Int(exact.bytesPerVector)), "1.000"],
                   [ctx.tr("int8 codes + scale"), String(Int(int8.bytesPerVector)), fixed(recall { int8.search($0, k: 10) }, 3)]] + hnswRows)
        var recallPlot = LinePlot(title: ctx.tr("HNSW recall@10 against efSearch"), xLabel: "efSearch", yLabel: "recall@10")
        recallPlot.add("HNSW", xs: efs.map(Double.init), ys: curve)
        try ctx.show("hnsw-recall", recallPlot, height: 8)

        ctx.heading(ctx.tr("5. Saved as a model folder, and loaded back"))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("course-bi-encoder-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try BiEncoderFolder.save(encoder, to: folder)
        for file in ["config.json", "vocab.txt", "model.safetensors"] {
            let size = (try? FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent(file).path)[.size] as? Int) ?? 0
            ctx.say("{0}: {1} bytes", file, String(size))
        }
        ctx.say("loaded back: {0}", try BiEncoderFolder.load(folder) == encoder ? ctx.tr("identical") : ctx.tr("different"))
    }
}
