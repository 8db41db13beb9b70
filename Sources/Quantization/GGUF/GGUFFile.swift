import Foundation

/// One tensor of a GGUF file: its name, shape and encoded bytes.
///
/// `shape` is row-major as the course's tensors use it (`[rows, columns]`); the file stores the
/// dimensions reversed (ggml's `ne[0]` is the innermost, fastest-varying one).
public struct GGUFTensor: Sendable, Equatable {
    public let name: String
    public let shape: [Int]
    public let type: GGMLTensorType
    public let data: [UInt8]

    /// Encodes row-major `values` of `shape` as `type`. Quantised types need the innermost
    /// dimension to be a multiple of 32 (blocks never cross rows).
    public init(name: String, shape: [Int], values: [Float], type: GGMLTensorType) throws {
        let count = shape.reduce(1, *)
        guard values.count == count else {
            throw QuantizationError.shapeMismatch("tensor \(name): \(values.count) values for shape \(shape)")
        }
        guard (shape.last ?? 1) % type.blockSize == 0 else {
            throw GGUFError.notWholeBlocks(tensor: name, innermost: shape.last ?? 1, blockSize: type.blockSize)
        }
        try requireFinite(values, "tensor \(name)")
        self.init(name: name, shape: shape, type: type, data: type.encode(values))
    }

    public init(name: String, shape: [Int], type: GGMLTensorType, data: [UInt8]) {
        (self.name, self.shape, self.type, self.data) = (name, shape, type, data)
    }

    public var valueCount: Int { shape.reduce(1, *) }

    /// The values, decoded (dequantized) row-major.
    public func values() -> [Float] { type.decode(data[...], count: valueCount) }
}

/// A GGUF v3 file: metadata key/values and tensors (llama.cpp's model format).
///
/// ```
/// "GGUF" · version 3 · tensor count u64 · metadata count u64
/// metadata: key (u64 length + UTF-8) · type u32 · value
/// tensor infos: name · n_dims u32 · dims u64 (innermost first) · ggml type u32 · offset u64
/// padding to general.alignment (32) · tensor data, each tensor starting aligned
/// ```
///
/// ```swift
/// var file = GGUFFile()
/// file.metadata.append(("general.architecture", .string("gpt2")))
/// file.tensors.append(try GGUFTensor(name: "token_embd.weight", shape: [384, 64], values: w, type: .q8_0))
/// try file.write(to: url)
/// let back = try GGUFFile(contentsOf: url)
/// ```
public struct GGUFFile: Sendable {
    public static let magic: [UInt8] = Array("GGUF".utf8)
    public static let version: UInt32 = 3
    public static let defaultAlignment = 32

    /// Key/value pairs in file order.
    public var metadata: [(key: String, value: GGUFValue)]
    public var tensors: [GGUFTensor]

    public init(metadata: [(key: String, value: GGUFValue)] = [], tensors: [GGUFTensor] = []) {
        self.metadata = metadata
        self.tensors = tensors
    }

    public subscript(key: String) -> GGUFValue? { metadata.first { $0.key == key }?.value }

    public func tensor(named name: String) -> GGUFTensor? { tensors.first { $0.name == name } }

    /// Tensor data alignment: `general.alignment` if present, else 32.
    public var alignment: Int { self["general.alignment"]?.integer ?? Self.defaultAlignment }
}
