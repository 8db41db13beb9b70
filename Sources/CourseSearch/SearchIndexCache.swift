import Course
import Foundation
import Retrieval

/// Keeps the built ``CourseSearchIndex`` in the state folder and rebuilds it only when a
/// lesson file changed.
///
/// The cache file `ask-index.json` records a fingerprint: the SHA-256 of the format version
/// and of every `Lessons/<id>/lesson*.md` file's name and bytes. Listing and hashing the
/// files costs far less than parsing them, so a question asked of an unchanged course skips
/// loading the course altogether. A cache that cannot be decoded is never trusted: it is
/// rebuilt, and ``Outcome/rebuiltDamaged`` says so.
///
/// ```swift
/// let cache = SearchIndexCache(courseRoot: root, stateDirectory: state)
/// let (index, outcome) = try cache.index { try CourseLoader.load(root: root) }
/// ```
public struct SearchIndexCache {
    public static let formatVersion = 3
    public static let fileName = "ask-index.json"

    public enum Outcome: Equatable, Sendable {
        /// The cached index matched the lessons.
        case reused
        /// No cache yet, or the lessons changed: built and saved.
        case built
        /// The cache file was unreadable or malformed: built again and saved over it.
        case rebuiltDamaged(reason: String)
    }

    public var courseRoot: URL
    public var stateDirectory: URL

    public init(courseRoot: URL, stateDirectory: URL) {
        self.courseRoot = courseRoot
        self.stateDirectory = stateDirectory
    }

    public var fileURL: URL { stateDirectory.appendingPathComponent(Self.fileName) }

    struct Stored: Codable {
        var format: Int
        var fingerprint: String
        var index: CourseSearchIndex
        var lexicon: TranslationLexicon
    }

    /// The index, from the cache when it is current, otherwise built from `loadCourse()` and saved.
    /// A cache that cannot be written is not an error: the answer matters more.
    public func index(loadCourse: () throws -> Course) throws -> (CourseSearchIndex, Outcome) {
        let (index, _, outcome) = try indexAndLexicon(loadCourse: loadCourse)
        return (index, outcome)
    }

    /// The index and the translation lexicon learned from its aligned sections, cached together.
    /// `building()` is called before a build, so a caller can say why the first question waits.
    public func indexAndLexicon(loadCourse: () throws -> Course, building: () -> Void = {}) throws -> (CourseSearchIndex, TranslationLexicon, Outcome) {
        let fingerprint = try Self.fingerprint(courseRoot: courseRoot)
        var outcome = Outcome.built
        if let data = FileManager.default.contents(atPath: fileURL.path) {
            do {
                let stored = try JSONDecoder().decode(Stored.self, from: data)
                if stored.format == Self.formatVersion && stored.fingerprint == fingerprint
                    && stored.index.sections.count == stored.index.bm25.documentCount
                    && stored.index.sections.count == stored.index.titles.documentCount {
                    return (stored.index, stored.lexicon, .reused)
                }
            } catch {
                outcome = .rebuiltDamaged(reason: error is DecodingError ? "not a readable index file" : error.localizedDescription)
            }
        }
        building()
        let index = CourseSearchIndex(course: try loadCourse())
        let lexicon = TranslationLexicon(pairs: index.alignedSections())
        if let data = try? JSONEncoder().encode(Stored(format: Self.formatVersion, fingerprint: fingerprint, index: index, lexicon: lexicon)) {
            try? FileManager.default.createDirectory(at: stateDirectory, withIntermediateDirectories: true)
            try? data.write(to: fileURL, options: .atomic)
        }
        return (index, lexicon, outcome)
    }

    /// SHA-256 over the format version and every lesson file (name and bytes), in name order.
    public static func fingerprint(courseRoot: URL) throws -> String {
        let lessons = courseRoot.appendingPathComponent("Lessons")
        let fm = FileManager.default
        var hash = SHA256()
        hash.update(Array("llmcourse-ask-\(formatVersion)\n".utf8))
        let folders = ((try? fm.contentsOfDirectory(atPath: lessons.path)) ?? []).sorted()
        for folder in folders {
            let dir = lessons.appendingPathComponent(folder)
            let files = ((try? fm.contentsOfDirectory(atPath: dir.path)) ?? []).filter { $0.hasPrefix("lesson") && $0.hasSuffix(".md") }.sorted()
            for file in files {
                guard let bytes = fm.contents(atPath: dir.appendingPathComponent(file).path) else { continue }
                hash.update(Array("\(folder)/\(file)\n\(bytes.count)\n".utf8))
                hash.update(bytes)
            }
        }
        return SHA256.hex(hash.finalize())
    }
}
