import Foundation

extension GGUFFile {
    // ANCHOR: gguf-write
    /// The file's bytes. `general.alignment` is added (32) when missing.
    public func encoded() throws -> [UInt8] {
        var entries = metadata
        if self["general.alignment"] == nil { entries.insert(("general.alignment", .uint32(UInt32(Self.defaultAlignment))), at: 0) }
        let align = alignment
        guard align > 0, align % 8 == 0 else { throw GGUFError.badAlignment(align) }
        var out = Self.magic
        appendLittleEndian(Self.version, to: &out)
        appendLittleEndian(UInt64(tensors.count), to: &out)
        appendLittleEndian(UInt64(entries.count), to: &out)
        for (key, value) in entries {
            Self.appendString(key, to: &out)
            appendLittleEndian(value.typeTag, to: &out)
            Self.append(value, to: &out)
        }
        var offset = 0
        for t in tensors {
            Self.appendString(t.name, to: &out)
            appendLittleEndian(UInt32(t.shape.count), to: &out)
            for d in t.shape.reversed() { appendLittleEndian(UInt64(d), to: &out) }   // ne[0] = innermost
            appendLittleEndian(t.type.rawValue, to: &out)
            appendLittleEndian(UInt64(offset), to: &out)
            offset += Self.padded(t.data.count, to: align)
        }
        out += [UInt8](repeating: 0, count: Self.padded(out.count, to: align) - out.count)
        for t in tensors {
            out += t.data
            out += [UInt8](repeating: 0, count: Self.padded(t.data.count, to: align) - t.data.count)
        }
        return out
    }
    // ANCHOR_END: gguf-write

    public func write(to url: URL) throws {
        try Data(try encoded()).write(to: url, options: .atomic)
    }

    static func padded(_ n: Int, to align: Int) -> Int { (n + align - 1) / align * align }

    static func appendString(_ s: String, to out: inout [UInt8]) {
        let utf8 = Array(s.utf8)
        appendLittleEndian(UInt64(utf8.count), to: &out)
        out += utf8
    }

    static func append(_ value: GGUFValue, to out: inout [UInt8]) {
        switch value {
        case .uint8(let v): out.append(v)
        case .int8(let v): out.append(UInt8(bitPattern: v))
        case .uint16(let v): appendLittleEndian(v, to: &out)
        case .int16(let v): appendLittleEndian(v, to: &out)
        case .uint32(let v): appendLittleEndian(v, to: &out)
        case .int32(let v): appendLittleEndian(v, to: &out)
        case .float32(let v): appendLittleEndian(v.bitPattern, to: &out)
        case .bool(let v): out.append(v ? 1 : 0)
        case .string(let s): appendString(s, to: &out)
        case .array(let type, let elements):
            appendLittleEndian(type, to: &out)
            appendLittleEndian(UInt64(elements.count), to: &out)
            for e in elements { append(e, to: &out) }
        case .uint64(let v): appendLittleEndian(v, to: &out)
        case .int64(let v): appendLittleEndian(v, to: &out)
        case .float64(let v): appendLittleEndian(v.bitPattern, to: &out)
        }
    }
}
