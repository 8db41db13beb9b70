import Console
import Course
import Foundation

/// A runnable lesson step: `llmcourse run <id>`, a `run <id>` block in a lesson, or a figure
/// the site build renders.
///
/// A demo writes its narrative output through ``DemoContext/print(_:)`` and its figures through
/// ``DemoContext/figure(_:svg:terminal:)`` so the same run serves the terminal and the site.
public struct Demo: Sendable {
    public let id: String
    /// One line saying what the learner will see.
    public let summary: String
    /// Files and folders (relative to the package root) whose contents decide the demo's output;
    /// the site hashes them to cache figures.
    public let inputs: [String]
    public let run: @Sendable (DemoContext) throws -> Void

    public init(id: String, summary: String, inputs: [String] = [], run: @escaping @Sendable (DemoContext) throws -> Void) {
        self.id = id
        self.summary = summary
        self.inputs = inputs
        self.run = run
    }
}

/// Where a demo's text and figures go.
public final class DemoContext: @unchecked Sendable {
    /// Seed for every random choice the demo makes; the same seed gives the same output.
    public let seed: UInt64
    /// When true the demo should take a shorter path (fewer steps) — used by tests.
    public let quick: Bool
    /// Terminal columns available for text figures.
    public let width: Int
    /// Folder where figures are written as `<demo-id>-<name>.svg` (`…-<name>.zh-TW.svg` in
    /// Chinese, so both editions' figures can share a folder), if any.
    public let figureDirectory: URL?
    /// The language the demo narrates in and labels its figures with.
    public let language: CourseLanguage
    private let write: @Sendable (String) -> Void
    private let demoID: String
    public private(set) var figures: [String] = []
    /// Where ``progress(_:total:)`` reports long work; silent unless the runner sets one.
    public var progressReporter: ProgressReporter = .silent
    var progressTasks: [ProgressTask] = []

    public init(demoID: String, seed: UInt64 = 42, quick: Bool = false, width: Int = 80,
                figureDirectory: URL? = nil, language: CourseLanguage = .english, write: @escaping @Sendable (String) -> Void) {
        self.demoID = demoID
        self.seed = seed
        self.quick = quick
        self.width = width
        self.figureDirectory = figureDirectory
        self.language = language
        self.write = write
    }

    public func print(_ line: String = "") { emit(wrapped(line) + "\n") }

    func writeRaw(_ text: String) { write(text) }

    /// The file a figure is written to: `<demo-id>-<name>.svg`, `<demo-id>-<name>.zh-TW.svg`.
    public func figureFileName(_ name: String) -> String { "\(demoID)-\(name)\(language.fileSuffix).svg" }

    /// Shows a figure: the terminal rendering goes to the output, the SVG to the figure folder.
    public func figure(_ name: String, svg: String, terminal: String) throws {
        emit(terminal + "\n")  // a figure keeps its own layout: never wrapped
        figures.append(name)
        guard let dir = figureDirectory else { return }
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try Data(svg.utf8).write(to: dir.appendingPathComponent(figureFileName(name)), options: .atomic)
    }
}

public enum DemoError: Error, CustomStringConvertible {
    case unknown(String, known: [String])

    public var description: String {
        switch self {
        case .unknown(let id, let known):
            return "no demo named '\(id)'. Known demos: \(known.joined(separator: ", ")). Run `llmcourse run --list` to see them all."
        }
    }
}
