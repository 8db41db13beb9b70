import Foundation
import Testing
import Tensors
@testable import NeuralNets

@Suite struct SafetensorsTests {
    let url = URL(fileURLWithPath: "/checkpoints/model.safetensors")
    let tensors = ["b.bias": Tensor([0.5, -1]), "a.weight": Tensor([[1, 2, 3], [4, 5, 6.25]])]

    @Test func roundTripInEveryStorageType() throws {
        for type in [Safetensors.StorageType.F32, .F16, .BF16] {
            let data = Safetensors.encode(tensors, as: type, metadata: ["format": "pt", "note": "quote \" ok"])
            let file = try SafetensorsFile(data: data, url: url)
            #expect(file.tensorNames == ["a.weight", "b.bias"])
            #expect(file.metadata == ["format": "pt", "note": "quote \" ok"])
            #expect(file.entries["a.weight"]?.dtype.rawValue == type.rawValue)
            #expect(try file.tensor("a.weight") == tensors["a.weight"])   // all values exact in 16 bits
            #expect(try file.tensor("b.bias") == tensors["b.bias"])
        }
    }

    @Test func layoutFollowsTheFormat() throws {
        let data = Safetensors.encode(["x": Tensor([1])])
        let headerLength = data.prefix(8).enumerated().reduce(0) { $0 | Int($1.element) << (8 * $1.offset) }
        #expect(headerLength % 8 == 0)
        let header = String(decoding: data[8..<(8 + headerLength)], as: UTF8.self)
        #expect(header.hasPrefix(#"{"x":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}}"#))
        #expect(Array(data.suffix(4)) == [0x00, 0x00, 0x80, 0x3F])   // 1.0 little-endian
    }

    @Test func savesAndLoadsAModuleThroughADisk() throws {
        var rng = SplitMix64(seed: 1)
        let a = MLP([3, 4, 2], rng: &rng), b = MLP([3, 4, 2], rng: &rng)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("numerics-\(UInt32.random(in: 0...UInt32.max)).safetensors")
        defer { try? FileManager.default.removeItem(at: file) }
        try a.save(to: file)
        try b.load(from: file)
        #expect(a.stateDict() == b.stateDict())
    }

    func header(_ json: String, dataBytes: Int) -> Data {
        var data = Data()
        withUnsafeBytes(of: UInt64(json.utf8.count).littleEndian) { data.append(contentsOf: $0) }
        data.append(contentsOf: Array(json.utf8))
        data.append(Data(count: dataBytes))
        return data
    }

    func expectError(_ data: Data, containing text: String) {
        do {
            _ = try SafetensorsFile(data: data, url: url)
            Issue.record("expected an error containing \(text)")
        } catch {
            #expect(error.description.contains(text), "\(error)")
            #expect(error.description.contains("/checkpoints/model.safetensors"))
        }
    }

    @Test func corruptFilesGiveClearErrors() throws {
        expectError(Data([1, 2, 3]), containing: "truncated")
        expectError(header("{}", dataBytes: 0).prefix(6) + Data([0xFF, 0xFF]), containing: "truncated")
        expectError(header("{nope", dataBytes: 0), containing: "not JSON")
        expectError(header(#"{"x":{"dtype":"F99","shape":[1],"data_offsets":[0,4]}}"#, dataBytes: 4), containing: "unknown dtype F99")
        expectError(header(#"{"x":{"dtype":"F32","shape":[2],"data_offsets":[0,4]}}"#, dataBytes: 4), containing: "needs 8 bytes")
        expectError(header(#"{"x":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}}"#, dataBytes: 4), containing: "ends at byte 8")
        expectError(header(#"{"x":{"dtype":"F32","shape":[1],"data_offsets":[4,0]}}"#, dataBytes: 4), containing: "reversed")
        expectError(header(#"{"x":{"dtype":"F32","shape":[-1],"data_offsets":[0,4]}}"#, dataBytes: 4), containing: "non-negative")
        expectError(header(#"{"x":{"dtype":"U8","shape":[4611686018427387904,4],"data_offsets":[0,4]}}"#, dataBytes: 4), containing: "too large")
        expectError(header(#"{"x":{"dtype":"F32","shape":[1],"data_offsets":[0,4]},"y":{"dtype":"F32","shape":[1],"data_offsets":[2,6]}}"#, dataBytes: 8), containing: "overlap")
        expectError(header(#"{"__metadata__":{"k":1}}"#, dataBytes: 0), containing: "not a string")
        let good = try SafetensorsFile(data: header(#"{"q":{"dtype":"I8","shape":[4],"data_offsets":[0,4]}}"#, dataBytes: 4), url: url)
        #expect(try good.rawBytes("q").count == 4)
        #expect(throws: SafetensorsError.unsupportedType(file: url.path, tensor: "q", dtype: "I8")) { try good.tensor("q") }
        #expect(throws: SafetensorsError.missingTensor(file: url.path, tensor: "zz")) { try good.tensor("zz") }
        #expect(throws: SafetensorsError.self) { try SafetensorsFile(url: URL(fileURLWithPath: "/nonexistent/x.safetensors")) }
    }
}
