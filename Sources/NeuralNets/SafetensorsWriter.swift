import Foundation
import Tensors

/// Writing safetensors checkpoints.
public enum Safetensors {
    /// Storage type for written tensors.
    public enum StorageType: String, Sendable { case F32, F16, BF16 }

    /// The bytes of a safetensors file holding `tensors` (names sorted, data packed in that order,
    /// header padded with spaces to a multiple of 8 bytes as the reference implementation does).
    public static func encode(_ tensors: [String: Tensor], as type: StorageType = .F32,
                              metadata: [String: String] = [:]) -> Data {
        let names = tensors.keys.sorted()
        let elementSize = type == .F32 ? 4 : 2
        var entries: [String] = []
        if !metadata.isEmpty {
            let pairs = metadata.keys.sorted().map { "\(jsonString($0)):\(jsonString(metadata[$0]!))" }
            entries.append("\"__metadata__\":{\(pairs.joined(separator: ","))}")
        }
        var offset = 0
        for name in names {
            let tensor = tensors[name]!
            let size = tensor.count * elementSize
            let shape = tensor.shape.map(String.init).joined(separator: ",")
            entries.append("\(jsonString(name)):{\"dtype\":\"\(type.rawValue)\",\"shape\":[\(shape)],\"data_offsets\":[\(offset),\(offset + size)]}")
            offset += size
        }
        var header = Array(("{" + entries.joined(separator: ",") + "}").utf8)
        while header.count % 8 != 0 { header.append(UInt8(ascii: " ")) }
        var data = Data(capacity: 8 + header.count + offset)
        withUnsafeBytes(of: UInt64(header.count).littleEndian) { data.append(contentsOf: $0) }
        data.append(contentsOf: header)
        for name in names {
            let tensor = tensors[name]!
            switch type {
            case .F32:
                let words = tensor.scalars.map { $0.bitPattern.littleEndian }
                words.withUnsafeBytes { data.append(contentsOf: $0) }
            case .F16, .BF16:
                let halves = (type == .F16 ? tensor.float16Bits() : tensor.bfloat16Bits()).map(\.littleEndian)
                halves.withUnsafeBytes { data.append(contentsOf: $0) }
            }
        }
        return data
    }

    /// Writes `tensors` to `url` atomically.
    public static func save(_ tensors: [String: Tensor], to url: URL, as type: StorageType = .F32,
                            metadata: [String: String] = [:]) throws(SafetensorsError) {
        do { try encode(tensors, as: type, metadata: metadata).write(to: url, options: .atomic) } catch {
            throw .unreadable(file: url.path, reason: "cannot write: \(error.localizedDescription)")
        }
    }

    /// Reads every float tensor of a file.
    public static func load(_ url: URL) throws(SafetensorsError) -> [String: Tensor] {
        try SafetensorsFile(url: url).allTensors()
    }

    /// A JSON string literal (Foundation's encoder does the escaping).
    private static func jsonString(_ text: String) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .withoutEscapingSlashes
        return (try? encoder.encode(text)).map { String(decoding: $0, as: UTF8.self) } ?? "\"\""
    }
}

extension Module {
    /// Saves the parameters by dotted name as a safetensors file.
    public func save(to url: URL, as type: Safetensors.StorageType = .F32, metadata: [String: String] = [:]) throws(SafetensorsError) {
        try Safetensors.save(stateDict(), to: url, as: type, metadata: metadata)
    }

    /// Loads parameters from a safetensors file (names must match; see ``loadStateDict(_:strict:)``).
    public func load(from url: URL, strict: Bool = true) throws {
        try loadStateDict(Safetensors.load(url), strict: strict)
    }
}
