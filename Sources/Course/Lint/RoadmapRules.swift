/// Problems the parsers already found (malformed metadata, missing titles, bad chapter items).
struct FormatRule: LintRule {
    let name = "format"
    func check(_ context: LintContext) -> [LintProblem] { context.course.diagnostics }
}

/// Each roadmap edition: lessons listed twice, links to lessons that do not exist, and lesson
/// folders the English roadmap does not list.
struct RoadmapRule: LintRule {
    let name = "roadmap"

    func check(_ context: LintContext) -> [LintProblem] {
        var problems: [LintProblem] = []
        let course = context.course
        for roadmap in course.roadmaps.values {
            var firstLine: [String: Int] = [:]
            for entry in roadmap.entries {
                if let line = firstLine[entry.lessonID] {
                    problems.append(LintProblem(path: roadmap.path, at: entry.range.start,
                        message: "duplicate lesson id '\(entry.lessonID)' (first listed on line \(line)): list each lesson once"))
                    continue
                }
                firstLine[entry.lessonID] = entry.range.start.line
                let file = "Lessons/\(entry.lessonID)/\(roadmap.language.lessonFileName)"
                let english = "Lessons/\(entry.lessonID)/\(CourseLanguage.english.lessonFileName)"
                // A translated roadmap pointing at a missing translation is the translation rule's report.
                let missing = roadmap.language == .english ? !context.exists(file) : !context.exists(file) && !context.exists(english)
                if missing {
                    problems.append(LintProblem(path: roadmap.path, at: entry.range.start,
                        message: "roadmap links to missing lesson \(file): create it or fix the link"))
                }
            }
        }
        let listed = Set(course.roadmap.lessonIDs)
        for id in course.lessons.keys.sorted() where !listed.contains(id) {
            let editions = course.lessons[id] ?? [:]
            let path = (editions[.english] ?? editions.values.sorted { $0.path < $1.path }.first)?.path ?? "Lessons/\(id)"
            problems.append(LintProblem(path: path, line: 1, column: 1,
                message: "lesson '\(id)' is not in the roadmap: add `[Title](\(id)/lesson.md)` to a part's list in \(CourseLoader.roadmapPath), or remove the folder"))
        }
        return problems
    }
}

/// Every translated roadmap exists and has the English structure: the same parts, the same
/// chapters and sub-lessons in the same order.
struct RoadmapEditionsRule: LintRule {
    let name = "roadmap-editions"

    func check(_ context: LintContext) -> [LintProblem] {
        let english = context.course.roadmap
        var problems: [LintProblem] = []
        for language in CourseLanguage.allCases where language != .english {
            guard let translated = context.course.roadmaps[language] else {
                problems.append(LintProblem(path: english.path, line: 1, column: 1,
                    message: "missing translation Lessons/\(language.roadmapFileName): translate the roadmap with the same parts and chapters"))
                continue
            }
            if translated.parts.count != english.parts.count {
                problems.append(LintProblem(path: translated.path, line: 1, column: 1,
                    message: "this edition has \(count(translated.parts.count, "part")) but \(english.path) has \(english.parts.count): both editions have the same parts in the same order"))
            }
            for (mine, theirs) in zip(translated.parts, english.parts) {
                problems += compare(mine.chapters, theirs.chapters, where: "part '\(mine.title)'",
                                    at: mine.range.start, path: translated.path, englishPath: english.path)
            }
        }
        return problems
    }

    private func compare(_ mine: [RoadmapEntry], _ theirs: [RoadmapEntry], where place: String,
                         at position: SourcePosition, path: String, englishPath: String) -> [LintProblem] {
        for (i, (a, b)) in zip(mine, theirs).enumerated() {
            if a.lessonID != b.lessonID {
                return [LintProblem(path: path, at: a.range.start,
                    message: "entry \(i + 1) of \(place) is '\(a.lessonID)' but '\(b.lessonID)' in \(englishPath): both editions list the same lessons in the same order")]
            }
            let nested = compare(a.subLessons, b.subLessons, where: "'\(a.lessonID)'", at: a.range.start, path: path, englishPath: englishPath)
            if !nested.isEmpty { return nested }
        }
        if mine.count != theirs.count {
            return [LintProblem(path: path, at: position,
                message: "\(place) lists \(count(mine.count, "lesson")) here but \(theirs.count) in \(englishPath): both editions list the same lessons in the same order")]
        }
        return []
    }
}

/// "1 part", "3 parts".
func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
