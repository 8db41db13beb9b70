import Foundation
import Tensors

/// Why an HNSW index file could not be written or read back. Each message says what to do.
public enum HNSWFileError: Error, Equatable, CustomStringConvertible {
    case cannotWrite(path: String, reason: String)
    case cannotRead(path: String, reason: String)
    /// The file does not start with the index magic bytes: it is some other file.
    case notAnIndex(path: String)
    case unsupportedVersion(path: String, found: UInt32, supported: UInt32)
    /// The file ends before the data its header announces.
    case truncated(path: String)
    /// The bytes do not match the checksum written with them: the file was damaged.
    case checksumMismatch(path: String)
    /// The checksum holds but the contents make no sense (a link to a node that does not exist…).
    case inconsistent(path: String, reason: String)

    public var description: String {
        switch self {
        case .cannotWrite(let path, let reason): return "cannot write the index to \(path): \(reason). Check that the folder exists and is writable."
        case .cannotRead(let path, let reason): return "cannot read the index file \(path): \(reason)."
        case .notAnIndex(let path): return "\(path) is not an HNSW index file (wrong magic bytes). Pass a file written by HNSWIndex.save(to:)."
        case .unsupportedVersion(let path, let found, let supported):
            return "\(path) is an HNSW index of format version \(found); this program reads version \(supported). Rebuild the index with this version."
        case .truncated(let path): return "\(path) is shorter than its header says: the file was cut off. Rebuild the index and save it again."
        case .checksumMismatch(let path): return "\(path) is damaged (its checksum does not match its contents). Rebuild the index and save it again."
        case .inconsistent(let path, let reason): return "\(path) is not a valid index: \(reason). Rebuild the index and save it again."
        }
    }
}

/// Saving and loading an ``HNSWIndex``.
///
/// Layout (little-endian): the 8 magic bytes `LLMCHNSW`, a `UInt32` format version (1), the
/// header (dimension, M, efConstruction, efSearch, node count, entry point, top level, the
/// level generator's state), then per node its id, level, deleted flag, vector and the links
/// of each of its layers, and last an FNV-1a 64-bit checksum of every byte before it. A
/// damaged file is rejected with a ``HNSWFileError``, never half-loaded.
extension HNSWIndex {
    public static let fileMagic = Array("LLMCHNSW".utf8)
    public static let fileVersion: UInt32 = 1

    public func save(to url: URL) throws(HNSWFileError) {
        var w = ByteWriter()
        w.bytes(Self.fileMagic)
        w.u32(Self.fileVersion)
        for value in [dimension, m, efConstruction, efSearch] { w.u32(UInt32(value)) }
        w.u64(UInt64(nodeCount))
        w.i64(Int64(entryPoint))
        w.i64(Int64(maxLevel))
        w.u64(rng.state)
        for node in 0..<nodeCount {
            w.i64(Int64(externalIDs[node]))
            w.u8(UInt8(levels[node]))
            w.u8(deleted[node] ? 1 : 0)
            for x in vectors[(node * dimension)..<((node + 1) * dimension)] { w.u32(x.bitPattern) }
            for layer in 0...levels[node] {
                let links = neighbors(node, layer: layer)
                w.u32(UInt32(links.count))
                for l in links { w.u32(UInt32(bitPattern: l)) }
            }
        }
        w.u64(FNV1a.hash(w.data))
        do {
            try Data(w.data).write(to: url, options: .atomic)
        } catch {
            throw .cannotWrite(path: url.path, reason: error.localizedDescription)
        }
    }

    public static func load(from url: URL) throws(HNSWFileError) -> HNSWIndex {
        let path = url.path
        let bytes: [UInt8]
        do { bytes = Array(try Data(contentsOf: url)) } catch { throw .cannotRead(path: path, reason: error.localizedDescription) }
        guard bytes.count >= 8, Array(bytes[0..<8]) == fileMagic else { throw .notAnIndex(path: path) }
        guard bytes.count >= 8 + 4 + 8 else { throw .truncated(path: path) }
        var r = ByteReader(bytes: bytes, offset: 8, end: bytes.count - 8)
        let version = try r.u32(path)
        guard version == fileVersion else { throw .unsupportedVersion(path: path, found: version, supported: fileVersion) }
        // Checksum before anything else: a damaged file must not be half-trusted.
        var tail = ByteReader(bytes: bytes, offset: bytes.count - 8)
        guard try tail.u64(path) == FNV1a.hash(bytes[..<(bytes.count - 8)]) else { throw .checksumMismatch(path: path) }

        let dimension = Int(try r.u32(path)), m = Int(try r.u32(path))
        let efConstruction = Int(try r.u32(path)), efSearch = Int(try r.u32(path))
        let nodeCount = Int(try r.u64(path))
        let entry = Int(try r.i64(path)), top = Int(try r.i64(path)), rngState = try r.u64(path)
        guard dimension > 0, m >= 2, efConstruction > 0, efSearch > 0, nodeCount >= 0,
              nodeCount <= bytes.count / max(4 * dimension, 1) else {
            throw .inconsistent(path: path, reason: "impossible header values")
        }
        guard (nodeCount == 0 && entry == -1) || (0..<nodeCount).contains(entry) else {
            throw .inconsistent(path: path, reason: "entry point \(entry) outside 0..<\(nodeCount)")
        }
        let index = HNSWIndex(dimension: dimension, m: m, efConstruction: efConstruction, efSearch: efSearch)
        index.rng = SplitMix64(seed: rngState)   // the seed is the state
        index.entryPoint = entry
        index.maxLevel = top
        for node in 0..<nodeCount {
            let id = Int(try r.i64(path)), level = Int(try r.u8(path)), isDeleted = try r.u8(path) == 1
            guard level <= 30, node != entry || level == top else { throw .inconsistent(path: path, reason: "node \(node) has level \(level)") }
            for _ in 0..<dimension { index.vectors.append(Float(bitPattern: try r.u32(path))) }
            index.appendNodeStorage(id: id, level: level, deleted: isDeleted)
            for layer in 0...level {
                let n = Int(try r.u32(path))
                guard n <= (layer == 0 ? 2 * m : m) else { throw .inconsistent(path: path, reason: "node \(node) has \(n) links on layer \(layer)") }
                var links: [Int32] = []
                for _ in 0..<n {
                    let l = Int32(bitPattern: try r.u32(path))
                    guard (0..<Int32(nodeCount)).contains(l) else { throw .inconsistent(path: path, reason: "link to node \(l) of \(nodeCount)") }
                    links.append(l)
                }
                index.setNeighbors(node, layer: layer, links)
            }
            if !isDeleted {
                guard index.nodeForID.updateValue(node, forKey: id) == nil else { throw .inconsistent(path: path, reason: "id \(id) appears twice") }
                index.liveCount += 1
            }
        }
        guard r.offset == bytes.count - 8 else { throw .inconsistent(path: path, reason: "\(bytes.count - 8 - r.offset) unexpected bytes after the last node") }
        return index
    }
}

/// The 64-bit Fowler–Noll–Vo hash (FNV-1a): one xor and one multiply per byte, enough to
/// notice a damaged file (it is no defence against a deliberate forgery).
enum FNV1a {
    static func hash<C: Collection>(_ bytes: C) -> UInt64 where C.Element == UInt8 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        return h
    }
}

struct ByteWriter {
    var data: [UInt8] = []
    mutating func bytes(_ b: [UInt8]) { data += b }
    mutating func u8(_ v: UInt8) { data.append(v) }
    mutating func u32(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { data += $0 } }
    mutating func u64(_ v: UInt64) { withUnsafeBytes(of: v.littleEndian) { data += $0 } }
    mutating func i64(_ v: Int64) { u64(UInt64(bitPattern: v)) }
}

struct ByteReader {
    let bytes: [UInt8]
    var offset: Int
    /// Reads stop here: the body of an index file ends where its checksum begins.
    var end: Int

    init(bytes: [UInt8], offset: Int, end: Int? = nil) {
        self.bytes = bytes
        self.offset = offset
        self.end = end ?? bytes.count
    }

    mutating func take(_ n: Int, _ path: String) throws(HNSWFileError) -> UInt64 {
        guard offset + n <= end else { throw .truncated(path: path) }
        var v: UInt64 = 0
        for i in 0..<n { v |= UInt64(bytes[offset + i]) << (8 * UInt64(i)) }
        offset += n
        return v
    }
    mutating func u8(_ path: String) throws(HNSWFileError) -> UInt8 { UInt8(try take(1, path)) }
    mutating func u32(_ path: String) throws(HNSWFileError) -> UInt32 { UInt32(try take(4, path)) }
    mutating func u64(_ path: String) throws(HNSWFileError) -> UInt64 { try take(8, path) }
    mutating func i64(_ path: String) throws(HNSWFileError) -> Int64 { Int64(bitPattern: try take(8, path)) }
}
