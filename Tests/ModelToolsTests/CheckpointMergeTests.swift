import Foundation
import ModelTools
import NeuralNets
import Tensors
import Testing
import Transformers

/// Merging real model folders: the tiny GPT-2 of the fixtures and a perturbed copy of it.
@Suite("Merging model folders")
struct CheckpointMergeTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/gpt2-tiny")

    /// A temporary folder with the fixture (`a`), a copy whose every weight moved by a seeded
    /// random amount (`b`), and room for outputs.
    struct Workspace {
        let root: URL
        var a: URL { root.appendingPathComponent("a") }
        var b: URL { root.appendingPathComponent("b") }

        init() throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("merge-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: fixture, to: root.appendingPathComponent("a"))
            try FileManager.default.copyItem(at: fixture, to: root.appendingPathComponent("b"))
            var rng = SplitMix64(seed: 5)
            var tensors = try Safetensors.load(b.appendingPathComponent("model.safetensors"))
            for (name, tensor) in tensors {
                tensors[name] = Tensor(shape: tensor.shape, scalars: tensor.scalars.map { $0 + 0.05 * rng.nextNormal() })
            }
            try Safetensors.save(tensors, to: b.appendingPathComponent("model.safetensors"))
        }

        func tensors(_ folder: URL) throws -> [String: Tensor] {
            try Safetensors.load(folder.appendingPathComponent("model.safetensors"))
        }

        func cleanUp() { try? FileManager.default.removeItem(at: root) }
    }

    static func maxDifference(_ x: [String: Tensor], _ y: [String: Tensor]) -> Float {
        x.keys.map { name in zip(x[name]!.scalars, y[name]!.scalars).map { abs($0 - $1) }.max() ?? 0 }.max() ?? 0
    }

    @Test func endpointsAndSelfMergesGiveTheModelBack() throws {
        let w = try Workspace()
        defer { w.cleanUp() }
        let (a, b) = (try w.tensors(w.a), try w.tensors(w.b))
        #expect(Self.maxDifference(try CheckpointMerge(models: [w.a, w.b], method: .slerp(t: 0)).mergedTensors(), a) < 1e-6)
        #expect(Self.maxDifference(try CheckpointMerge(models: [w.a, w.b], method: .slerp(t: 1)).mergedTensors(), b) < 1e-6)
        #expect(Self.maxDifference(try CheckpointMerge(models: [w.a, w.a], method: .linear).mergedTensors(), a) < 1e-6)
        #expect(Self.maxDifference(try CheckpointMerge(models: [w.b], base: w.a, method: .taskArithmetic).mergedTensors(), b) < 1e-5)
        #expect(Self.maxDifference(try CheckpointMerge(models: [w.b], base: w.a, method: .ties(density: 1)).mergedTensors(), b) < 1e-5)
        let halfway = try CheckpointMerge(models: [w.a, w.b], method: .linear).mergedTensors()
        #expect(Self.maxDifference(halfway, a) > 0.01)
    }

    @Test func theMergedFolderLoadsRunsAndSaysHowItWasMade() throws {
        let w = try Workspace()
        defer { w.cleanUp() }
        let out = w.root.appendingPathComponent("merged")
        let merge = CheckpointMerge(models: [w.a, w.b], method: .slerp(t: 0.5), storage: .F16)
        try merge.write(to: out)
        let file = try SafetensorsFile(url: out.appendingPathComponent("model.safetensors"))
        #expect(file.metadata["llmcourse.merge"]?.contains("\"method\":\"slerp\"") == true)
        #expect(file.metadata["llmcourse.merge"]?.contains("\"t\":0.5") == true)
        #expect(file.entries.values.allSatisfy { $0.dtype == .F16 })
        let model = try loadLanguageModel(directory: out)
        let tokenizer = try BytePairTokenizer(directory: out)
        let logits = model(tokenizer.encode("hello world")).value
        #expect(logits.shape[2] == model.vocabularySize)
        #expect(logits.scalars.allSatisfy { $0.isFinite })
        // Writing again replaces the folder and leaves no staging folder behind.
        try merge.write(to: out)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: w.root.path).filter { $0.contains("merging") }
        #expect(leftovers.isEmpty)
    }

    @Test func mismatchedOrMissingInputsAreClearErrors() throws {
        let w = try Workspace()
        defer { w.cleanUp() }
        // A model with one tensor fewer.
        let smaller = w.root.appendingPathComponent("smaller")
        try FileManager.default.copyItem(at: w.a, to: smaller)
        var tensors = try w.tensors(w.a)
        let dropped = tensors.keys.sorted().last!
        tensors[dropped] = nil
        try Safetensors.save(tensors, to: smaller.appendingPathComponent("model.safetensors"))
        let missing = #expect(throws: ModelFileError.self) { try CheckpointMerge(models: [w.a, smaller], method: .linear).mergedTensors() }
        #expect(missing?.problem.contains(dropped) == true)

        let noBase = #expect(throws: ModelFileError.self) { try CheckpointMerge(models: [w.a, w.b], method: .ties(density: 0.5)).mergedTensors() }
        #expect(noBase?.fix.contains("--base") == true)
        let three = #expect(throws: ModelFileError.self) { try CheckpointMerge(models: [w.a, w.b, w.a], method: .slerp(t: 0.5)).mergedTensors() }
        #expect(three?.problem.contains("exactly two") == true)
        let empty = #expect(throws: ModelFileError.self) { try CheckpointMerge(models: [w.root], method: .linear).mergedTensors() }
        #expect(empty?.problem.contains("no model.safetensors") == true)
        let intoInput = #expect(throws: ModelFileError.self) { try CheckpointMerge(models: [w.a, w.b], method: .linear).write(to: w.a) }
        #expect(intoInput?.problem.contains("one of the inputs") == true)
        // The refused write touched nothing.
        #expect(Self.maxDifference(try w.tensors(w.a), try Safetensors.load(Self.fixture.appendingPathComponent("model.safetensors"))) == 0)
    }
}
