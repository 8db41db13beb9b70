import Foundation

/// Turns an ``ImportedCourse`` into the files of a course in our format — both roadmaps, the
/// notebooks page, and per chapter `lesson.md` and `lesson.zh-TW.md` — and writes them.
///
/// Writing goes into a hidden folder beside `Lessons/` that is renamed into place at the
/// end, so a failed import leaves nothing that blocks the next attempt.
///
/// ```swift
/// let files = CourseSkeletonWriter.files(for: course)
/// try CourseSkeletonWriter.write(course, to: outURL)
/// ```
public enum CourseSkeletonWriter {
    /// The files to write: paths relative to the output folder, and their text.
    public static func files(for course: ImportedCourse) -> [(path: String, text: String)] {
        let main = course.roadmap
        let english = main.language == .english ? main : nil
        let chinese = main.language == .english ? course.translation : main
        var files: [(String, String)] = []
        let notebooks = [(english, CourseLanguage.english), (chinese, .traditionalChinese)].compactMap { edition, language in
            edition.flatMap { $0.notebooks.isEmpty ? nil : (language, $0) }
        }
        for (language, edition) in notebooks {
            files.append(("Lessons/\(notebooksFile(language))", SkeletonText.notebooks(edition, language: language)))
        }
        let notebookLinks = notebooks.map { notebooksFile($0.0) }
        files.append(("Lessons/roadmap.md", RoadmapText.text(course, edition: english, language: .english,
                                                             notebooks: notebookLinks.first)))
        files.append(("Lessons/roadmap.zh-TW.md", RoadmapText.text(course, edition: chinese, language: .traditionalChinese,
                                                                   notebooks: notebookLinks.last)))
        for (p, part) in main.parts.enumerated() {
            for (c, chapter) in part.chapters.enumerated() {
                let id = chapter.id
                let zh = course.chineseChapter(part: p, chapter: c)
                let englishText: String
                if english != nil {
                    englishText = SkeletonText.metadata(id: id) + SkeletonText.lesson(chapter, language: .english)
                } else {
                    englishText = SkeletonText.englishPlaceholder(chapter, id: id)
                }
                let chineseText: String
                if let zh, english != nil, !course.unchecked.contains(id) {
                    chineseText = SkeletonText.translated(SkeletonText.lesson(zh, language: .traditionalChinese),
                                                          sourceHash: SHA256.sourceHash(Array(englishText.utf8)))
                } else if let zh {
                    let note = english == nil ? nil : SkeletonText.uncheckedPairNote(id: id)
                    chineseText = SkeletonText.unmarked(SkeletonText.lesson(zh, language: .traditionalChinese), note: note)
                } else {
                    chineseText = SkeletonText.unmarked(SkeletonText.lesson(chapter, language: .english),
                                                        note: SkeletonText.untranslatedCopyNote(id: id))
                }
                files.append(("Lessons/\(id)/lesson.md", englishText))
                files.append(("Lessons/\(id)/lesson.zh-TW.md", chineseText))
            }
        }
        return files
    }

    /// Images to copy: where each is read from, and its path relative to the output folder.
    static func assets(for course: ImportedCourse) -> [(from: URL, to: String)] {
        var out: [(URL, String)] = []
        func add(_ roadmap: UpstreamRoadmap?, _ folder: URL?) {
            guard let roadmap, let folder else { return }
            for asset in roadmap.assets { out.append((folder.appendingPathComponent(asset), "Lessons/\(asset)")) }
            for part in roadmap.parts {
                for chapter in part.chapters {
                    for asset in chapter.assets { out.append((folder.appendingPathComponent(asset), "Lessons/\(chapter.id)/\(asset)")) }
                }
            }
        }
        add(course.roadmap, course.sourceFolder)
        add(course.translation, course.translationFolder)
        var seen = Set<String>()
        return out.filter { seen.insert($0.1).inserted }
    }

    static func notebooksFile(_ language: CourseLanguage) -> String {
        language == .english ? "notebooks.md" : "notebooks.\(language.tag).md"
    }

    /// Writes the skeleton under `folder`; refuses to overwrite an existing `Lessons/`.
    public static func write(_ course: ImportedCourse, to folder: URL) throws(ImportError) {
        let fm = FileManager.default
        let lessons = folder.appendingPathComponent("Lessons")
        var isFolder: ObjCBool = false
        if fm.fileExists(atPath: folder.path, isDirectory: &isFolder), !isFolder.boolValue {
            throw .outputIsFile(path: folder.path)
        }
        if fm.fileExists(atPath: lessons.path, isDirectory: &isFolder) {
            guard isFolder.boolValue else { throw .outputIsFile(path: lessons.path) }
            if let existing = try? fm.contentsOfDirectory(atPath: lessons.path), !existing.isEmpty {
                throw .outputExists(path: folder.path)
            }
        }
        let createdFolder = !fm.fileExists(atPath: folder.path)
        let staging = folder.appendingPathComponent(".Lessons.import-\(UUID().uuidString.prefix(8))")
        var current = folder.path
        do {
            try fm.createDirectory(at: staging, withIntermediateDirectories: true)
            for (path, text) in files(for: course) {
                let url = staging.appendingPathComponent(String(path.dropFirst("Lessons/".count)))
                current = url.path
                try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(text.utf8).write(to: url)
            }
            for (from, path) in assets(for: course) {
                let url = staging.appendingPathComponent(String(path.dropFirst("Lessons/".count)))
                current = url.path
                try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try fm.copyItem(at: from, to: url)
            }
            current = lessons.path
            if fm.fileExists(atPath: lessons.path) { try fm.removeItem(at: lessons) }  // empty, checked above
            try fm.moveItem(at: staging, to: lessons)
        } catch {
            try? fm.removeItem(at: staging)
            if createdFolder { try? fm.removeItem(at: folder) }
            throw .cannotWrite(path: current, reason: Self.reason(error))
        }
    }

    /// A readable cause instead of "NSCocoaErrorDomain error 512".
    static func reason(_ error: any Error) -> String {
        let ns = error as NSError
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain,
           let message = strerror(Int32(underlying.code)) {
            return String(cString: message)
        }
        if ns.domain == NSPOSIXErrorDomain, let message = strerror(Int32(ns.code)) { return String(cString: message) }
        switch ns.code {
        case NSFileNoSuchFileError, NSFileReadNoSuchFileError: return "a file it needed is gone"
        case NSFileWriteOutOfSpaceError: return "the disk is full"
        case NSFileWriteNoPermissionError, NSFileReadNoPermissionError: return "permission denied"
        case NSFileWriteFileExistsError: return "a file of that name already exists"
        default: return ns.localizedDescription
        }
    }
}
