import Foundation

/// `llmcourse import`: reads an upstream-style README and writes a course skeleton.
///
/// ```swift
/// let roadmap = try CourseImporter.importRoadmap(from: readmeURL, to: outURL)
/// print(roadmap.summary) // "3 parts, 19 chapters, 60 topics, 90 references, 15 notebooks"
/// ```
public enum CourseImporter {
    /// Parses `input`, writes the skeleton into `output` (which must not hold `Lessons/` yet)
    /// and returns what was read.
    @discardableResult
    public static func importRoadmap(from input: URL, to output: URL) throws -> UpstreamRoadmap {
        guard let data = FileManager.default.contents(atPath: input.path) else {
            throw CourseError.unreadableFile(path: input.path, reason: "no such file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ImportError.notARoadmap(path: input.path, reason: "the file is not UTF-8 text")
        }
        let roadmap = try UpstreamRoadmapParser.parse(text, path: input.path)
        try CourseSkeletonWriter.write(roadmap, sourceName: input.lastPathComponent, to: output)
        return roadmap
    }
}
