import Foundation

/// `llmcourse import`: reads an upstream-style README (and optionally its Traditional Chinese
/// fork) and writes a course skeleton.
///
/// ```swift
/// let course = try CourseImporter.importRoadmap(from: englishURL, translation: chineseURL, to: outURL)
/// print(course.roadmap.summary) // "3 parts, 19 chapters, 60 topics, 90 references, 15 notebooks"
/// course.skipped.forEach { print($0) } // what the course does not carry, with README lines
/// ```
public enum CourseImporter {
    /// Parses the inputs, pairs the editions, chooses ids and writes the skeleton into
    /// `output` (which must not hold `Lessons/` yet).
    /// - Parameters:
    ///   - translation: the Traditional Chinese README of the same roadmap; its chapters are
    ///     paired with the English ones by position and take their ids.
    ///   - ids: a file of `<part>.<chapter> <id>` (or `<derived-id> <id>`) lines choosing ids.
    @discardableResult
    public static func importRoadmap(from input: URL, translation: URL? = nil, ids: URL? = nil,
                                     to output: URL) throws(ImportError) -> ImportedCourse {
        var roadmap = try UpstreamRoadmapParser.parse(read(input), path: input.path, baseFolder: input.deletingLastPathComponent())
        var chinese: UpstreamRoadmap?
        if let translation {
            guard roadmap.language == .english else { throw .translationLanguage(path: input.path, expected: .english) }
            let parsed = try UpstreamRoadmapParser.parse(read(translation), path: translation.path,
                                                         baseFolder: translation.deletingLastPathComponent())
            guard parsed.language == .traditionalChinese else {
                throw .translationLanguage(path: translation.path, expected: .traditionalChinese)
            }
            chinese = parsed
        }
        if let ids {
            try ChapterIDs.apply(mapping: read(ids), path: ids.path, to: &roadmap)
        }
        var course = ImportedCourse(roadmap: roadmap, translation: chinese, sourceName: input.lastPathComponent,
                                    sourceFolder: input.deletingLastPathComponent(),
                                    translationFolder: translation?.deletingLastPathComponent(), translationPath: translation?.path,
                                    translationName: translation?.lastPathComponent)
        course.pairTranslation()
        try CourseSkeletonWriter.write(course, to: output)
        return course
    }

    /// The text of a README or ids file, with a clear error for a folder, standard input, a
    /// pipe or a device (reading those would hang or fail with a system error).
    static func read(_ url: URL) throws(ImportError) -> String {
        let path = url.path
        // stat follows symlinks, so `/dev/stdin` is seen as the pipe or terminal behind it.
        var info = stat()
        guard stat(path, &info) == 0 else { throw .inputMissing(path: path) }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: throw .inputIsFolder(path: path)
        case S_IFREG: break
        default: throw .inputNotAFile(path: path)
        }
        guard let data = FileManager.default.contents(atPath: path) else { throw .inputMissing(path: path) }
        guard let text = String(data: data, encoding: .utf8) else { throw .notARoadmap(path: path, reason: .notUTF8) }
        return text
    }
}

/// What one import read: the main README's roadmap, the paired translation, and everything
/// left out or changed on the way (with README lines).
public struct ImportedCourse: Sendable {
    /// The main README: English, or Traditional Chinese when imported on its own.
    public var roadmap: UpstreamRoadmap
    /// The Traditional Chinese README, chapter ids taken from ``roadmap`` by position.
    public var translation: UpstreamRoadmap?
    public var sourceName: String
    var sourceFolder: URL?
    var translationFolder: URL?
    var translationPath: String?
    var translationName: String?
    /// Problems found pairing the editions (chapters with no partner, or whose sections differ).
    var pairing: [UpstreamRoadmap.Skipped] = []
    /// Ids whose Chinese text pairs by position but not by shape (another number of sections):
    /// a fork made from an older README may have its chapters in another order, so this text is
    /// written without a `source-hash` and lint lists it until someone checks it.
    var unchecked: Set<String> = []

    public var skipped: [UpstreamRoadmap.Skipped] {
        roadmap.skipped + (translation?.skipped ?? []) + pairing
    }

    /// The Chinese chapters take the English ids by position; a chapter without a partner, or
    /// whose sections differ from its partner's, is reported (the English lesson then gets an
    /// untranslated copy, or the Chinese text without a `source-hash`).
    mutating func pairTranslation() {
        guard var chinese = translation else { return }
        for p in chinese.parts.indices {
            for c in chinese.parts[p].chapters.indices {
                let mine = chinese.parts[p].chapters[c]
                if p < roadmap.parts.count, c < roadmap.parts[p].chapters.count {
                    let english = roadmap.parts[p].chapters[c]
                    chinese.parts[p].chapters[c].id = english.id
                    let (zhSections, enSections) = (Self.sectionCount(mine), Self.sectionCount(english))
                    if zhSections != enSections {
                        unchecked.insert(english.id)
                        pairing.append(.init(file: translationPath ?? "translation", line: mine.line,
                                             what: "chapter `\(mine.title)`, paired with `\(english.title)`",
                                             why: "\(zhSections) sections against \(enSections) in English: check that the two pair up; written without a source-hash, so lint lists it"))
                    }
                } else {
                    pairing.append(.init(file: translationPath ?? "translation", line: mine.line,
                                         what: "chapter `\(mine.title)`", why: "the English README has no chapter \(c + 1) in part \(p + 1) to pair it with"))
                }
            }
        }
        translation = chinese
    }

    /// Lessons written without a translation checked against English (lint lists them).
    public var untranslatedCount: Int {
        guard roadmap.language == .english else { return roadmap.chapterCount }
        var n = 0
        for (p, part) in roadmap.parts.enumerated() {
            for (c, chapter) in part.chapters.enumerated()
            where chineseChapter(part: p, chapter: c) == nil || unchecked.contains(chapter.id) { n += 1 }
        }
        return n
    }

    /// The `##` sections a chapter's lesson will have (an empty one gets a References section).
    static func sectionCount(_ chapter: UpstreamRoadmap.Chapter) -> Int {
        let sections = chapter.body.reduce(0) { if case .section = $1 { $0 + 1 } else { $0 } }
        return chapter.body.isEmpty ? 1 : sections
    }

    /// The Chinese edition of the chapter at a position, if the editions pair there.
    func chineseChapter(part p: Int, chapter c: Int) -> UpstreamRoadmap.Chapter? {
        let chinese = roadmap.language == .traditionalChinese ? roadmap : translation
        guard let chinese, p < chinese.parts.count, c < chinese.parts[p].chapters.count else { return nil }
        return chinese.parts[p].chapters[c]
    }
}
