/// A value in a chunk's metadata: its source, language, date, section number…
public enum MetadataValue: Hashable, Sendable, Codable {
    case string(String)
    case number(Double)
    case bool(Bool)
}

/// Metadata of one chunk.
public typealias Metadata = [String: MetadataValue]

/// A condition on metadata, evaluated before (or while) searching, so that "only the 2024
/// manuals, in Chinese" is an exact rule rather than a hope about similarity.
///
/// ```swift
/// let filter: MetadataFilter = .all([.equals("lang", .string("zh-TW")), .range("year", 2023...2025)])
/// filter.matches(["lang": .string("zh-TW"), "year": .number(2024)])    // true
/// exact.search(q, k: 5, where: { filter.matches(metadata[$0]) })
/// ```
public indirect enum MetadataFilter: Hashable, Sendable {
    case equals(String, MetadataValue)
    case oneOf(String, Set<MetadataValue>)
    /// A number in a closed range; a missing or non-number value fails.
    case range(String, ClosedRange<Double>)
    case all([MetadataFilter])
    case any([MetadataFilter])
    case not(MetadataFilter)

    public func matches(_ metadata: Metadata) -> Bool {
        switch self {
        case .equals(let key, let value): return metadata[key] == value
        case .oneOf(let key, let values): return metadata[key].map(values.contains) ?? false
        case .range(let key, let range):
            if case .number(let x)? = metadata[key] { return range.contains(x) }
            return false
        case .all(let filters): return filters.allSatisfy { $0.matches(metadata) }
        case .any(let filters): return filters.contains { $0.matches(metadata) }
        case .not(let filter): return !filter.matches(metadata)
        }
    }
}

extension VectorIndex {
    /// Search among the vectors whose id passes `filter`, on any index: ask for more results
    /// until `k` pass or the index is exhausted. (``ExactIndex/search(_:k:where:)`` filters
    /// inside the scan instead, which never needs a retry.)
    public func search(_ query: [Float], k: Int, passing filter: (Int) -> Bool) -> [SearchHit] {
        var fetch = max(k, 1) * 4
        while true {
            let hits = search(query, k: fetch)
            let kept = hits.filter { filter($0.id) }
            if kept.count >= k || hits.count < fetch || fetch >= count { return Array(kept.prefix(k)) }
            fetch *= 4
        }
    }
}
