/// A metadata value of a GGUF file (the key/value section before the tensors).
///
/// Type tags as the GGUF v3 specification numbers them: uint8 0, int8 1, uint16 2, int16 3,
/// uint32 4, int32 5, float32 6, bool 7, string 8, array 9, uint64 10, int64 11, float64 12.
public enum GGUFValue: Equatable, Sendable {
    case uint8(UInt8), int8(Int8), uint16(UInt16), int16(Int16)
    case uint32(UInt32), int32(Int32), float32(Float), bool(Bool)
    case string(String)
    /// Elements all of one type (`elementType` is the tag, kept for empty arrays).
    case array(elementType: UInt32, [GGUFValue])
    case uint64(UInt64), int64(Int64), float64(Double)

    public var typeTag: UInt32 {
        switch self {
        case .uint8: 0
        case .int8: 1
        case .uint16: 2
        case .int16: 3
        case .uint32: 4
        case .int32: 5
        case .float32: 6
        case .bool: 7
        case .string: 8
        case .array: 9
        case .uint64: 10
        case .int64: 11
        case .float64: 12
        }
    }

    /// An array of strings (token lists, merges).
    public static func strings(_ values: [String]) -> GGUFValue { .array(elementType: 8, values.map { .string($0) }) }
    /// An array of int32 (token types).
    public static func int32s(_ values: [Int32]) -> GGUFValue { .array(elementType: 5, values.map { .int32($0) }) }

    /// The value as an integer, if it is one.
    public var integer: Int? {
        switch self {
        case .uint8(let v): Int(v)
        case .int8(let v): Int(v)
        case .uint16(let v): Int(v)
        case .int16(let v): Int(v)
        case .uint32(let v): Int(v)
        case .int32(let v): Int(v)
        case .uint64(let v): Int(exactly: v)
        case .int64(let v): Int(v)
        default: nil
        }
    }

    public var string: String? { if case .string(let s) = self { s } else { nil } }

    public var float: Double? {
        switch self {
        case .float32(let v): Double(v)
        case .float64(let v): v
        default: nil
        }
    }
}
