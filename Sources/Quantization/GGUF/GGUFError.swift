/// Why a GGUF file could not be read or written; each case says how to fix it.
public enum GGUFError: Error, Equatable, CustomStringConvertible {
    case notGGUF(firstBytes: [UInt8])
    case unsupportedVersion(UInt32)
    case truncated(at: Int, needed: Int, fileSize: Int)
    case unknownValueType(UInt32, key: String)
    case unsupportedTensorType(UInt32, tensor: String)
    case badAlignment(Int)
    case tensorOutOfBounds(tensor: String, end: Int, fileSize: Int)
    case misalignedTensor(tensor: String, offset: Int, alignment: Int)
    case notWholeBlocks(tensor: String, innermost: Int, blockSize: Int)
    case implausibleCount(what: String, count: UInt64)
    case invalidString(at: Int)

    public var description: String {
        switch self {
        case .notGGUF(let bytes):
            return "not a GGUF file: it starts with \(bytes.map { String(format: "%02x", $0) }.joined(separator: " ")) instead of \"GGUF\"; check the path"
        case .unsupportedVersion(let v):
            return "GGUF version \(v) is not supported (only 3); convert the file with a current llama.cpp"
        case .truncated(let at, let needed, let size):
            return "the GGUF file is truncated: \(needed) more bytes needed at offset \(at), but the file has \(size) bytes; download or write it again"
        case .unknownValueType(let t, let key):
            return "metadata key \"\(key)\" has unknown value type \(t); the file is corrupt or from a newer GGUF revision"
        case .unsupportedTensorType(let t, let name):
            return "tensor \"\(name)\" uses ggml type \(t); this reader knows F32 (0), F16 (1), Q4_0 (2) and Q8_0 (8)"
        case .badAlignment(let a):
            return "general.alignment \(a) is not a positive multiple of 8"
        case .tensorOutOfBounds(let name, let end, let size):
            return "tensor \"\(name)\" ends at byte \(end), past the end of the \(size)-byte file; the file is truncated or corrupt"
        case .misalignedTensor(let name, let offset, let alignment):
            return "tensor \"\(name)\" starts at data offset \(offset), not a multiple of the alignment \(alignment); the file is corrupt"
        case .notWholeBlocks(let name, let innermost, let block):
            return "tensor \"\(name)\": its innermost dimension \(innermost) is not a multiple of the block size \(block); store it as F16 or F32 instead"
        case .implausibleCount(let what, let count):
            return "the file claims \(count) \(what), more than it could hold; it is corrupt"
        case .invalidString(let at):
            return "the string at offset \(at) is not valid UTF-8; the file is corrupt"
        }
    }
}
