import Course
import Foundation

/// Section embeddings from an expensive embedder (a language model's hidden states), kept in
/// the state folder so a second question does not run the model over every section again.
///
/// One file per embedder and course version, `ask-embeddings-<key>.f32`: the 8 bytes
/// `LLMCEMB1`, the section count and dimension (UInt32, little-endian), then the vectors as
/// Float32. `key` hashes what the vectors depend on (the lessons' fingerprint and the model
/// folder's files); a file whose size disagrees with its header is ignored and rewritten.
public struct SectionEmbeddingCache {
    static let magic = Array("LLMCEMB1".utf8)
    public var stateDirectory: URL

    public init(stateDirectory: URL) { self.stateDirectory = stateDirectory }

    public func fileURL(key: String) -> URL { stateDirectory.appendingPathComponent("ask-embeddings-\(key).f32") }

    /// The cached `[count, dimension]` vectors, or nil when missing or damaged.
    public func load(key: String, count: Int, dimension: Int) -> [Float]? {
        guard let data = FileManager.default.contents(atPath: fileURL(key: key).path),
              data.count == 16 + 4 * count * dimension, Array(data.prefix(8)) == Self.magic else { return nil }
        let header = data.subdata(in: 8..<16).withUnsafeBytes { ($0.loadUnaligned(fromByteOffset: 0, as: UInt32.self).littleEndian,
                                                                 $0.loadUnaligned(fromByteOffset: 4, as: UInt32.self).littleEndian) }
        guard header == (UInt32(count), UInt32(dimension)) else { return nil }
        return data.subdata(in: 16..<data.count).withUnsafeBytes { raw in
            (0..<(count * dimension)).map { Float(bitPattern: raw.loadUnaligned(fromByteOffset: 4 * $0, as: UInt32.self).littleEndian) }
        }
    }

    /// Saves the vectors; a cache that cannot be written is skipped (the answer matters more).
    public func save(_ vectors: [Float], key: String, count: Int, dimension: Int) {
        var data = Data(Self.magic)
        withUnsafeBytes(of: UInt32(count).littleEndian) { data.append(contentsOf: $0) }
        withUnsafeBytes(of: UInt32(dimension).littleEndian) { data.append(contentsOf: $0) }
        vectors.map { $0.bitPattern.littleEndian }.withUnsafeBytes { data.append(contentsOf: $0) }
        try? FileManager.default.createDirectory(at: stateDirectory, withIntermediateDirectories: true)
        try? data.write(to: fileURL(key: key), options: .atomic)
    }

    /// A key for a model folder: SHA-256 of the lessons' fingerprint and each file's name, size
    /// and modification time (reading gigabytes of weights to hash them would cost more than
    /// the embeddings).
    public static func key(modelFolder: URL, lessonsFingerprint: String) -> String {
        var hash = SHA256()
        hash.update(Array(lessonsFingerprint.utf8))
        let fm = FileManager.default
        for name in ((try? fm.contentsOfDirectory(atPath: modelFolder.path)) ?? []).sorted() {
            let attributes = try? fm.attributesOfItem(atPath: modelFolder.appendingPathComponent(name).path)
            let size = (attributes?[.size] as? NSNumber)?.intValue ?? 0
            let time = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            hash.update(Array("\(name)\n\(size)\n\(time)\n".utf8))
        }
        return String(SHA256.hex(hash.finalize()).prefix(16))
    }
}
