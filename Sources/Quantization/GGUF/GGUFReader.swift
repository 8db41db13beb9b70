import Foundation

extension GGUFFile {
    public init(contentsOf url: URL) throws {
        try self.init(bytes: [UInt8](try Data(contentsOf: url)))
    }

    // ANCHOR: gguf-read
    /// Parses and validates a whole GGUF v3 file held in memory.
    public init(bytes: [UInt8]) throws {
        var r = ByteReader(bytes: bytes)
        let magic = try r.take(4)
        guard Array(magic) == Self.magic else { throw GGUFError.notGGUF(firstBytes: Array(magic)) }
        let version = try r.integer(UInt32.self)
        guard version == Self.version else { throw GGUFError.unsupportedVersion(version) }
        let tensorCount = try r.count("tensors", minimumBytesEach: 24)
        let metadataCount = try r.count("metadata entries", minimumBytesEach: 12)
        var metadata: [(key: String, value: GGUFValue)] = []
        for _ in 0..<metadataCount {
            let key = try r.string()
            metadata.append((key, try r.value(type: try r.integer(UInt32.self), key: key)))
        }
        var infos: [(name: String, shape: [Int], type: GGMLTensorType, offset: Int)] = []
        for _ in 0..<tensorCount {
            let name = try r.string()
            let dims = try r.integer(UInt32.self)
            guard dims <= 8 else { throw GGUFError.implausibleCount(what: "dimensions of tensor \(name)", count: UInt64(dims)) }
            var ne: [Int] = []
            for _ in 0..<dims {
                let d = try r.integer(UInt64.self)
                guard d <= UInt64(bytes.count) * 2 else { throw GGUFError.implausibleCount(what: "elements along a dimension of \(name)", count: d) }
                ne.append(Int(d))
            }
            let rawType = try r.integer(UInt32.self)
            guard let type = GGMLTensorType(rawValue: rawType) else { throw GGUFError.unsupportedTensorType(rawType, tensor: name) }
            let offset = try r.integer(UInt64.self)
            guard offset <= UInt64(bytes.count) else { throw GGUFError.tensorOutOfBounds(tensor: name, end: Int(clamping: offset), fileSize: bytes.count) }
            infos.append((name, ne.reversed(), type, Int(offset)))
        }
        self.init(metadata: metadata, tensors: [])
        let align = alignment
        guard align > 0, align % 8 == 0 else { throw GGUFError.badAlignment(align) }
        let dataStart = Self.padded(r.position, to: align)
        for info in infos {
            guard info.offset % align == 0 else { throw GGUFError.misalignedTensor(tensor: info.name, offset: info.offset, alignment: align) }
            let count = info.shape.reduce(1, *)
            guard (info.shape.last ?? 1) % info.type.blockSize == 0 else {
                throw GGUFError.notWholeBlocks(tensor: info.name, innermost: info.shape.last ?? 1, blockSize: info.type.blockSize)
            }
            let start = dataStart + info.offset, end = start + info.type.byteCount(values: count)
            guard end <= bytes.count else { throw GGUFError.tensorOutOfBounds(tensor: info.name, end: end, fileSize: bytes.count) }
            tensors.append(GGUFTensor(name: info.name, shape: info.shape, type: info.type, data: Array(bytes[start..<end])))
        }
    }
    // ANCHOR_END: gguf-read
}

/// Little-endian reads with bounds checks that become ``GGUFError/truncated(at:needed:fileSize:)``.
struct ByteReader {
    let bytes: [UInt8]
    var position = 0

    mutating func take(_ n: Int) throws -> ArraySlice<UInt8> {
        guard n >= 0, position + n <= bytes.count else {
            throw GGUFError.truncated(at: position, needed: n, fileSize: bytes.count)
        }
        defer { position += n }
        return bytes[position..<(position + n)]
    }

    mutating func integer<T: FixedWidthInteger>(_ type: T.Type) throws -> T {
        readLittleEndian(try take(MemoryLayout<T>.size), as: T.self)
    }

    /// A count that must fit in the rest of the file at `minimumBytesEach` per item.
    mutating func count(_ what: String, minimumBytesEach: Int) throws -> Int {
        let n = try integer(UInt64.self)
        guard n <= UInt64(max(0, bytes.count - position) / minimumBytesEach) else { throw GGUFError.implausibleCount(what: what, count: n) }
        return Int(n)
    }

    mutating func string() throws -> String {
        let start = position
        let length = try count("bytes of a string", minimumBytesEach: 1)
        guard let s = String(validating: try take(length), as: UTF8.self) else { throw GGUFError.invalidString(at: start) }
        return s
    }

    mutating func value(type: UInt32, key: String) throws -> GGUFValue {
        switch type {
        case 0: return .uint8(try integer(UInt8.self))
        case 1: return .int8(try integer(Int8.self))
        case 2: return .uint16(try integer(UInt16.self))
        case 3: return .int16(try integer(Int16.self))
        case 4: return .uint32(try integer(UInt32.self))
        case 5: return .int32(try integer(Int32.self))
        case 6: return .float32(Float(bitPattern: try integer(UInt32.self)))
        case 7: return .bool(try integer(UInt8.self) != 0)
        case 8: return .string(try string())
        case 9:
            let elementType = try integer(UInt32.self)
            let n = try count("elements of array \(key)", minimumBytesEach: 1)
            var elements: [GGUFValue] = []
            elements.reserveCapacity(n)
            for _ in 0..<n { elements.append(try value(type: elementType, key: key)) }
            return .array(elementType: elementType, elements)
        case 10: return .uint64(try integer(UInt64.self))
        case 11: return .int64(try integer(Int64.self))
        case 12: return .float64(Double(bitPattern: try integer(UInt64.self)))
        default: throw GGUFError.unknownValueType(type, key: key)
        }
    }
}
