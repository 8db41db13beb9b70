import Foundation
import Tensors

/// A safetensors checkpoint, opened for reading.
///
/// The format (Hugging Face): 8 bytes little-endian `N`, then `N` bytes of JSON, then the data.
/// The JSON maps each tensor name to `{"dtype": "F32", "shape": [2, 3], "data_offsets": [begin, end]}`,
/// byte offsets into the data section; an optional `"__metadata__"` holds string pairs.
///
/// Opening validates every entry (known dtype, sizes that agree with the shape, offsets inside
/// the file, no overlaps) before any tensor is read, so a damaged file is an error that names
/// the file, never an out-of-bounds read. Large files are memory-mapped: a tensor's bytes are
/// only touched when ``tensor(_:)`` converts it.
///
/// ```swift
/// let file = try SafetensorsFile(url: URL(fileURLWithPath: "model.safetensors"))
/// let wte = try file.tensor("wte.weight")           // F32, F16 or BF16 → Float32 tensor
/// try model.loadStateDict(file.allTensors())
/// ```
public struct SafetensorsFile {
    public struct Entry: Sendable, Equatable {
        public let dtype: SafetensorsDType
        public let shape: [Int]
        /// Byte range within the data section.
        public let range: Range<Int>
    }

    public let url: URL
    public let metadata: [String: String]
    public let entries: [String: Entry]
    private let data: Data
    private let dataStart: Int

    /// Names of all tensors, sorted.
    public var tensorNames: [String] { entries.keys.sorted() }

    public init(url: URL) throws(SafetensorsError) {
        let file = url.path
        let data: Data
        do { data = try Data(contentsOf: url, options: .alwaysMapped) } catch {
            throw .unreadable(file: file, reason: error.localizedDescription)
        }
        try self.init(data: data, url: url)
    }

    /// Parses bytes already in memory; `url` is only used to name the file in errors.
    public init(data: Data, url: URL) throws(SafetensorsError) {
        let file = url.path
        guard data.count >= 8 else { throw .truncated(file: file, reason: "\(data.count) bytes, the 8-byte header length is missing") }
        let headerLength = data.withUnsafeBytes { UInt64(littleEndian: $0.loadUnaligned(fromByteOffset: 0, as: UInt64.self)) }
        guard headerLength <= UInt64(data.count - 8) else {
            throw .truncated(file: file, reason: "header length \(headerLength) exceeds the \(data.count - 8) bytes after it")
        }
        let headerStart = data.startIndex + 8
        let headerBytes = data[headerStart..<(headerStart + Int(headerLength))]
        let json: Any
        do { json = try JSONSerialization.jsonObject(with: headerBytes) } catch {
            throw .badHeader(file: file, reason: "not JSON")
        }
        guard let header = json as? [String: Any] else { throw .badHeader(file: file, reason: "the JSON is not an object") }
        let dataLength = data.count - 8 - Int(headerLength)
        var metadata: [String: String] = [:]
        var entries: [String: Entry] = [:]
        for (name, value) in header {
            if name == "__metadata__" {
                guard let pairs = value as? [String: Any] else { throw .badHeader(file: file, reason: "__metadata__ is not an object") }
                for (key, item) in pairs {
                    guard let text = item as? String else { throw .badHeader(file: file, reason: "__metadata__ value for \(key) is not a string") }
                    metadata[key] = text
                }
                continue
            }
            entries[name] = try Self.parseEntry(name: name, value: value, dataLength: dataLength, file: file)
        }
        // Tensors must not share bytes.
        let ordered = entries.sorted { $0.value.range.lowerBound < $1.value.range.lowerBound }
        for (previous, next) in zip(ordered, ordered.dropFirst()) where next.value.range.lowerBound < previous.value.range.upperBound {
            throw .badEntry(file: file, tensor: next.key, reason: "its bytes overlap those of \(previous.key)")
        }
        self.url = url
        self.data = data
        self.dataStart = 8 + Int(headerLength)
        self.metadata = metadata
        self.entries = entries
    }

    private static func parseEntry(name: String, value: Any, dataLength: Int, file: String) throws(SafetensorsError) -> Entry {
        guard let fields = value as? [String: Any] else { throw .badEntry(file: file, tensor: name, reason: "entry is not an object") }
        guard let dtypeName = fields["dtype"] as? String else { throw .badEntry(file: file, tensor: name, reason: "dtype missing") }
        guard let dtype = SafetensorsDType(rawValue: dtypeName) else {
            throw .badEntry(file: file, tensor: name, reason: "unknown dtype \(dtypeName)")
        }
        guard let shapeValues = fields["shape"] as? [Any], let shape = Self.integers(shapeValues), shape.allSatisfy({ $0 >= 0 }) else {
            throw .badEntry(file: file, tensor: name, reason: "shape is not a list of non-negative integers")
        }
        guard let offsetValues = fields["data_offsets"] as? [Any], let offsets = Self.integers(offsetValues), offsets.count == 2 else {
            throw .badEntry(file: file, tensor: name, reason: "data_offsets is not a pair of integers")
        }
        let (begin, end) = (offsets[0], offsets[1])
        guard begin >= 0 && begin <= end else { throw .badEntry(file: file, tensor: name, reason: "data_offsets [\(begin), \(end)] are reversed or negative") }
        guard end <= dataLength else {
            throw .truncated(file: file, reason: "tensor \(name) ends at byte \(end) of a \(dataLength)-byte data section")
        }
        // Multiply with overflow checks: a hostile shape must not wrap around to a small size.
        var elements = 1
        for d in shape {
            let (product, overflow) = elements.multipliedReportingOverflow(by: d)
            guard !overflow else { throw .badEntry(file: file, tensor: name, reason: "shape \(shape) is too large") }
            elements = product
        }
        let (bytes, overflow) = elements.multipliedReportingOverflow(by: dtype.byteSize)
        guard !overflow && bytes == end - begin else {
            throw .badEntry(file: file, tensor: name, reason: "shape \(shape) of \(dtypeName) needs \(overflow ? "too many" : String(bytes)) bytes but data_offsets span \(end - begin)")
        }
        return Entry(dtype: dtype, shape: shape, range: begin..<end)
    }

    private static func integers(_ values: [Any]) -> [Int]? {
        var result: [Int] = []
        for value in values {
            guard let number = value as? NSNumber, let exact = Int(exactly: number.doubleValue),
                  number.doubleValue == number.doubleValue.rounded() else { return nil }
            result.append(exact)
        }
        return result
    }

    /// The raw little-endian bytes of a tensor (for dtypes other than floats, e.g. quantized weights).
    public func rawBytes(_ name: String) throws(SafetensorsError) -> Data {
        guard let entry = entries[name] else { throw .missingTensor(file: url.path, tensor: name) }
        let start = data.startIndex + dataStart
        return data[(start + entry.range.lowerBound)..<(start + entry.range.upperBound)]
    }

    /// A tensor converted to Float32. F32, F16 and BF16 are supported.
    public func tensor(_ name: String) throws(SafetensorsError) -> Tensor {
        guard let entry = entries[name] else { throw .missingTensor(file: url.path, tensor: name) }
        let bytes = try rawBytes(name)
        let count = entry.shape.reduce(1, *)
        switch entry.dtype {
        case .F32:
            return Tensor(shape: entry.shape) { out in
                bytes.withUnsafeBytes { raw in
                    for i in 0..<count {
                        out[i] = Float(bitPattern: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: 4 * i, as: UInt32.self)))
                    }
                }
            }
        case .F16, .BF16:
            let half = entry.dtype == .F16
            return Tensor(shape: entry.shape) { out in
                bytes.withUnsafeBytes { raw in
                    for i in 0..<count {
                        let bits = UInt16(littleEndian: raw.loadUnaligned(fromByteOffset: 2 * i, as: UInt16.self))
                        out[i] = half ? HalfPrecision.float(float16Bits: bits) : HalfPrecision.float(bfloat16Bits: bits)
                    }
                }
            }
        default:
            throw .unsupportedType(file: url.path, tensor: name, dtype: entry.dtype.rawValue)
        }
    }

    /// Every float tensor by name.
    public func allTensors() throws(SafetensorsError) -> [String: Tensor] {
        var result: [String: Tensor] = [:]
        for name in tensorNames { result[name] = try tensor(name) }
        return result
    }
}
