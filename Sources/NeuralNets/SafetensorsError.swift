import Foundation

/// Why a safetensors file could not be read or written. Every case names the file.
public enum SafetensorsError: Error, Equatable, CustomStringConvertible {
    case unreadable(file: String, reason: String)
    case truncated(file: String, reason: String)
    case badHeader(file: String, reason: String)
    case unsupportedType(file: String, tensor: String, dtype: String)
    case badEntry(file: String, tensor: String, reason: String)
    case missingTensor(file: String, tensor: String)

    public var description: String {
        switch self {
        case let .unreadable(file, reason):
            "\(file): cannot read the file (\(reason)); check the path and permissions"
        case let .truncated(file, reason):
            "\(file): the file is truncated (\(reason)); download or save it again"
        case let .badHeader(file, reason):
            "\(file): the safetensors header is malformed (\(reason)); the file is damaged or not a safetensors file"
        case let .unsupportedType(file, tensor, dtype):
            "\(file): tensor \(tensor) has dtype \(dtype); only F32, F16 and BF16 convert to Float tensors (use rawBytes for others)"
        case let .badEntry(file, tensor, reason):
            "\(file): tensor \(tensor): \(reason); the file is damaged"
        case let .missingTensor(file, tensor):
            "\(file): no tensor named \(tensor); the file holds other names (list them with tensorNames)"
        }
    }
}

/// Element types a safetensors file may declare, with their sizes in bytes.
public enum SafetensorsDType: String, Sendable, CaseIterable {
    case F64, F32, F16, BF16, I64, I32, I16, I8, U8, BOOL

    public var byteSize: Int {
        switch self {
        case .F64, .I64: 8
        case .F32, .I32: 4
        case .F16, .BF16, .I16: 2
        case .I8, .U8, .BOOL: 1
        }
    }
}
