import Console
import Course
import Foundation

/// Generates the whole static site from a course folder.
///
/// Usage:
/// ```swift
/// let report = try SiteBuilder(root: courseRoot, output: outFolder, figures: figureSource).build()
/// print(report.summary)
/// ```
/// Output layout (English at the top, the translation under `zh-TW/`):
/// `index.html`, `lessons/<id>.html`, `exercises/<id>.html`,
/// `zh-TW/…` (the same pages), `source/<path>.html` (included Swift files), `files/<path>`
/// (other linked files), `figures/<demo>-<name>.svg` (and `…-<name>.zh-TW.svg`, the Chinese
/// edition's), `assets/` (style, script, search
/// indexes, KaTeX).
public struct SiteBuilder {
    public var root: URL
    public var output: URL
    public var figures: FigureSource?
    /// Where demo figures are cached between builds.
    public var figureCache: URL
    /// Seconds one demo may run before its figures are left out (`LLMCOURSE_DEMO_TIMEOUT`).
    public var demoTimeout: Double = FigureCache.defaultTimeout
    /// Where "edit this page" links point (`--repository-url`); none when nil.
    public var editLink: EditLink?
    /// Where the build reports its long stages: each demo run for figures, then the pages.
    public var progress: ProgressReporter = .silent

    public init(root: URL, output: URL, figures: FigureSource? = nil, figureCache: URL? = nil) {
        self.root = root
        self.output = output
        self.figures = figures
        self.figureCache = figureCache ?? root.appendingPathComponent(".llmcourse/site-cache/figures")
    }

    public func build() throws -> SiteBuildReport {
        let start = Date()
        let course: SiteCourse
        do {
            course = SiteCourse(try CourseLoader.load(root: root))
        } catch {
            throw SiteError(error, root: root.path)
        }
        try SiteOutput.prepare(output)
        var writer = SiteOutput(folder: output)
        let linker = SiteLinker(course: course)
        let files = RepositoryFiles(root: root)
        let cache = figures.map { FigureCache(cacheFolder: figureCache, root: root, source: $0, timeout: demoTimeout) }
        let figuresOut = output.appendingPathComponent("figures")
        var warnings: [String] = []
        let katex = KaTeXBundle.folder()
        // Demos first, one counted step each, so a long first build says what it is running;
        // the pages then find every figure ready.
        cache?.prepare(course.demoIDs, into: figuresOut, progress: progress)
        let stages = progress.task("pages", total: CourseLanguage.allCases.count + 1, lineEvery: 0)
        defer { stages.finish() }

        for lang in CourseLanguage.allCases {
            stages.note(lang.rawValue)
            var pages = LanguagePages(course: course, lang: lang, linker: linker, files: files, hasKaTeX: katex != nil,
                                      editLink: editLink) { demo in
                cache?.figures(demo, lang, into: figuresOut) ?? []
            }
            try pages.render(into: &writer)
            warnings += pages.warnings
            let script = pages.index.script()
            if script.utf8.count > 10 << 20 {
                // Very large indexes freeze phones (mdBook saw 38 MB crash mobile Safari).
                warnings.append("\(SitePaths.searchIndex(lang)): the search index is \(script.utf8.count >> 20) MB; keep it under 10 MB")
            }
            try writer.write(SitePaths.searchIndex(lang), script)
            stages.advance()
        }
        stages.note("source pages")
        let sourceSidebar = SourcePage.sidebar(for: course)
        for path in linker.sourcePages.sorted() {
            let page = SourcePage(path: path, text: files.text(path) ?? "", course: course, sidebar: sourceSidebar)
            try writer.write(SitePaths.sourcePage(path), page.html())
        }
        for path in linker.copiedFiles.sorted() {
            try SiteFiles.copyIfChanged(root.appendingPathComponent(path), output.appendingPathComponent(SitePaths.copiedFile(path)))
            writer.keep(SitePaths.copiedFile(path))
        }
        stages.advance()
        if let cache {
            warnings += cache.failures
            for f in cache.allFiles { writer.keep(SitePaths.figure(f)) }
        }
        try writer.write(SitePaths.asset("site.css"), StyleSheet.source)
        try writer.write(SitePaths.asset("site.js"), SiteScript.source)
        if let katex { for p in try KaTeXBundle.copy(from: katex, into: output) { writer.keep(p) } }
        try writer.removeStale()
        // Warnings may repeat per edition (the English text stands in for a missing translation).
        var seen = Set<String>()
        return SiteBuildReport(
            pages: writer.pagesWritten, warnings: warnings.filter { seen.insert($0).inserted },
            demosRun: cache?.ran ?? [], demosReused: cache?.reused ?? [],
            mathBundled: katex != nil, seconds: Date().timeIntervalSince(start))
    }
}

/// What a build did.
public struct SiteBuildReport: Sendable {
    public var pages: Int
    public var warnings: [String]
    public var demosRun: [String]
    public var demosReused: [String]
    public var mathBundled: Bool
    public var seconds: Double

    public var summary: String {
        var s = "\(pages) pages in \(String(format: "%.2f", seconds)) s; figures: \(demosRun.count) demos run, \(demosReused.count) reused from the cache"
        if !mathBundled { s += "; KaTeX not found (install libjs-katex), formulas are shown as TeX" }
        return s
    }
}

/// Writes the site's files and removes, at the end, files an earlier build left that this one
/// did not write. Refuses to take over a non-empty folder that is not a site.
struct SiteOutput {
    static let marker = ".llmcourse-site"
    let folder: URL
    private var written: Set<String> = [marker]
    private(set) var pagesWritten = 0

    init(folder: URL) {
        self.folder = folder
    }

    static func prepare(_ folder: URL) throws {
        let fm = FileManager.default
        let items = (try? fm.contentsOfDirectory(atPath: folder.path)) ?? []
        if !items.isEmpty && !items.contains(marker) {
            throw SiteError.unwritable(folder.path, reason: "the folder is not empty and holds no earlier site (\(marker) missing)")
        }
        do {
            try fm.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data("generated by llmcourse site build\n".utf8).write(to: folder.appendingPathComponent(marker))
        } catch {
            throw SiteError.unwritable(folder.path, reason: error.localizedDescription)
        }
    }

    mutating func write(_ sitePath: String, _ text: String) throws {
        let url = folder.appendingPathComponent(sitePath)
        let data = Data(text.utf8)
        do {
            if (try? Data(contentsOf: url)) != data {
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try data.write(to: url)
            }
        } catch {
            throw SiteError.unwritable(url.path, reason: error.localizedDescription)
        }
        written.insert(sitePath)
        if sitePath.hasSuffix(".html") { pagesWritten += 1 }
    }

    mutating func keep(_ sitePath: String) { written.insert(sitePath) }

    func removeStale() throws {
        let fm = FileManager.default
        guard let walker = fm.enumerator(atPath: folder.path) else { return }
        var stale: [String] = []
        while let item = walker.nextObject() as? String {
            var isDir: ObjCBool = false
            if fm.fileExists(atPath: folder.appendingPathComponent(item).path, isDirectory: &isDir), !isDir.boolValue, !written.contains(item) {
                stale.append(item)
            }
        }
        for item in stale { try? fm.removeItem(at: folder.appendingPathComponent(item)) }
    }
}

extension SiteCourse {
    /// Demos the lessons run, in reading order, each once (every edition: a translation may
    /// name a demo its English partner does not).
    var demoIDs: [String] {
        var seen = Set<String>()
        return lessonOrder.flatMap { id in
            CourseLanguage.allCases.flatMap { lesson(id, $0).lesson.runSteps.map(\.demoID) }
        }.filter { !$0.isEmpty && seen.insert($0).inserted }
    }
}
