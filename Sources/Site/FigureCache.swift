import Console
import Course
import Foundation

/// How the site gets demo figures without depending on the ML modules: the command passes
/// in what the demo registry knows.
public struct FigureSource: Sendable {
    /// The files and folders (relative to the course root) whose contents decide a demo's
    /// output, or nil if there is no such demo.
    public var inputs: @Sendable (_ demoID: String) -> [String]?
    /// Runs the demo in a language, writing `<demo-id>-<name>.svg` files (English) or
    /// `<demo-id>-<name>.zh-TW.svg` files into the folder; returns the figure names in the order
    /// the demo showed them (empty: file-name order).
    public var render: @Sendable (_ demoID: String, _ language: CourseLanguage, _ folder: URL) throws -> [String]
    /// Whether `render` draws each edition's figures in its language; when false the English
    /// figures serve every edition.
    public var rendersLanguages: Bool
    /// Seed the demos are run with; part of the cache key.
    public var seed: UInt64
    /// Whether demos run their short path (fewer steps: quicker builds, rougher figures);
    /// part of the cache key so quick figures never stand in for full ones.
    public var quick: Bool

    public init(seed: UInt64 = 42, quick: Bool = false, inputs: @escaping @Sendable (String) -> [String]?,
                render: @escaping @Sendable (String, URL) throws -> [String]) {
        self.seed = seed
        self.quick = quick
        self.inputs = inputs
        self.render = { id, _, folder in try render(id, folder) }
        self.rendersLanguages = false
    }

    /// A source whose demos draw figures in each edition's language.
    public init(seed: UInt64 = 42, quick: Bool = false, inputs: @escaping @Sendable (String) -> [String]?,
                renderIn render: @escaping @Sendable (String, CourseLanguage, URL) throws -> [String]) {
        self.seed = seed
        self.quick = quick
        self.inputs = inputs
        self.render = render
        self.rendersLanguages = true
    }
}

/// Keeps each demo's SVG figures in a cache folder keyed by a hash of the demo's inputs, so a
/// rebuild after no change runs no demo at all.
///
/// Layout: `<cache>/<demo-id>/key` (the hex hash), `order` (figure files in the demo's order)
/// and the figures beside them; a translated edition's figures sit in `<cache>/<demo-id>.zh-TW/`.
/// The key is
/// FNV-1a 64 over the demo id, the seed, a format version, and each input file's path and bytes
/// (folders walked in sorted order).
final class FigureCache {
    let cacheFolder: URL
    let root: URL
    let source: FigureSource
    private(set) var ran: [String] = []
    private(set) var reused: [String] = []
    private(set) var failures: [String] = []
    private var resolved: [String: [String]] = [:]
    /// Every figure file handed out so far, for the build to keep.
    var allFiles: [String] { resolved.values.flatMap { $0 } }
    private var keys: [String: String] = [:]

    let timeout: Double

    init(cacheFolder: URL, root: URL, source: FigureSource, timeout: Double = FigureCache.defaultTimeout) {
        self.timeout = timeout
        self.cacheFolder = cacheFolder
        self.root = root
        self.source = source
    }

    /// The figure file names of `demo` in `language`'s edition, produced or reused, copied into
    /// `outFigures`.
    func figures(_ demo: String, _ language: CourseLanguage = .english, into outFigures: URL) -> [String] {
        // Without translated rendering every edition shows the English figures.
        let language = source.rendersLanguages ? language : .english
        let slot = demo + language.fileSuffix
        if let known = resolved[slot] { return known }
        guard let inputs = source.inputs(demo) else {
            if language == .english || resolved[demo] == nil {
                failures.append("run \(demo): no demo with this id; check the id with `llmcourse run --list`")
            }
            resolved[slot] = []
            return []
        }
        let fm = FileManager.default
        let folder = cacheFolder.appendingPathComponent(slot)
        let keyFile = folder.appendingPathComponent("key")
        let key = storedKey(demo, inputs, language)
        if (try? String(contentsOf: keyFile, encoding: .utf8)) == key {
            if !ran.contains(demo) && !reused.contains(demo) { reused.append(demo) }
        } else {
            try? fm.removeItem(at: folder)
            do {
                try fm.createDirectory(at: folder, withIntermediateDirectories: true)
                let names = try runWithTimeout(demo, language, folder)
                try Data(names.map { "\(demo)-\($0)\(language.fileSuffix).svg" }.joined(separator: "\n").utf8)
                    .write(to: folder.appendingPathComponent("order"), options: .atomic)
                try Data(key.utf8).write(to: keyFile, options: .atomic)
                reused.removeAll { $0 == demo }
                if !ran.contains(demo) { ran.append(demo) }
            } catch {
                failures.append("run \(demo)\(language == .english ? "" : " (\(language.tag))"): the demo failed (\(error)); its figures are left out")
                resolved[slot] = []
                return []
            }
        }
        let present = ((try? fm.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".svg") }.sorted()
        let order = ((try? String(contentsOf: folder.appendingPathComponent("order"), encoding: .utf8)) ?? "")
            .split(separator: "\n").map(String.init).filter(present.contains)
        let files = order + present.filter { !order.contains($0) }
        try? fm.createDirectory(at: outFigures, withIntermediateDirectories: true)
        for f in files {
            let dest = outFigures.appendingPathComponent(f)
            if !SiteFiles.sameContents(folder.appendingPathComponent(f), dest) {
                try? fm.removeItem(at: dest)
                try? fm.copyItem(at: folder.appendingPathComponent(f), to: dest)
            }
        }
        resolved[slot] = files
        return files
    }

    /// Produces the figures of every demo in `demos` whose cache is missing or stale, naming
    /// each on `progress` as it runs ("figures 3/22 quantization-compare"); cached ones cost
    /// nothing and are not counted.
    func prepare(_ demos: [String], into outFigures: URL, progress: ProgressReporter) {
        var seen = Set<String>()
        let languages: [CourseLanguage] = source.rendersLanguages ? CourseLanguage.allCases : [.english]
        // Each edition's figures: a translated edition runs the demo again in its language.
        let stale = demos.filter { seen.insert($0).inserted }
            .flatMap { demo in languages.map { (demo, $0) } }
            .filter { needsRun($0.0, $0.1) }
        guard !stale.isEmpty else { return }
        let task = progress.task("figures", total: stale.count, lineEvery: 0)
        for (demo, language) in stale {
            task.note(demo + (language == .english ? "" : " (\(language.tag))"))
            _ = figures(demo, language, into: outFigures)
            task.advance()
        }
        task.finish()
    }

    /// Whether `demo` has to run in `language`: it exists and those cached figures are missing
    /// or stale.
    func needsRun(_ demo: String, _ language: CourseLanguage = .english) -> Bool {
        let slot = demo + language.fileSuffix
        guard resolved[slot] == nil, let inputs = source.inputs(demo) else { return false }
        let keyFile = cacheFolder.appendingPathComponent(slot).appendingPathComponent("key")
        return (try? String(contentsOf: keyFile, encoding: .utf8)) != storedKey(demo, inputs, language)
    }

    /// The cache key, computed once per demo and edition: hashing large inputs twice would
    /// slow the build.
    private func storedKey(_ demo: String, _ inputs: [String], _ language: CourseLanguage) -> String {
        let slot = demo + language.fileSuffix
        if let known = keys[slot] { return known }
        let key = cacheKey(demo, inputs, language)
        keys[slot] = key
        return key
    }

    /// Seconds a demo may run before the build gives up on its figures
    /// (`LLMCOURSE_DEMO_TIMEOUT`, default 600): a stuck demo must not hang the site build.
    public static var defaultTimeout: Double {
        ProcessInfo.processInfo.environment["LLMCOURSE_DEMO_TIMEOUT"].flatMap(Double.init) ?? 600
    }

    private func runWithTimeout(_ demo: String, _ language: CourseLanguage, _ folder: URL) throws -> [String] {
        let outcome = DemoOutcome()
        let render = source.render
        let thread = Thread {
            outcome.finish(Result { try render(demo, language, folder) })
        }
        thread.stackSize = 8 << 20
        thread.start()
        guard let result = outcome.wait(seconds: timeout) else {
            throw FigureError.timedOut(seconds: timeout)
        }
        return try result.get()
    }

    func cacheKey(_ demo: String, _ inputs: [String], _ language: CourseLanguage = .english) -> String {
        var hash = FNV1a64()
        hash.add("llmcourse-figures/3\u{0}\(demo)\u{0}\(source.seed)\u{0}\(source.quick ? "quick\u{0}" : "")")
        // English keys are unchanged, so caches from before translated figures stay valid.
        if language != .english { hash.add("lang \(language.tag)\u{0}") }
        for input in inputs.sorted() {
            for file in SiteFiles.files(under: root.appendingPathComponent(input), relativeTo: input) {
                hash.add(file.path + "\u{0}")
                hash.add(file.data)
            }
        }
        return hash.hex
    }
}

enum FigureError: Error, CustomStringConvertible {
    case timedOut(seconds: Double)
    var description: String {
        switch self {
        case .timedOut(let s): return "did not finish within \(Int(s)) s (raise LLMCOURSE_DEMO_TIMEOUT if it is just slow)"
        }
    }
}

/// The result of a demo run on its own thread, handed back to the waiting build.
private final class DemoOutcome: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    private var result: Result<[String], Error>?

    func finish(_ r: Result<[String], Error>) {
        lock.lock(); result = r; lock.unlock()
        done.signal()
    }

    func wait(seconds: Double) -> Result<[String], Error>? {
        guard done.wait(timeout: .now() + seconds) == .success else { return nil }
        lock.lock(); defer { lock.unlock() }
        return result
    }
}

/// FNV-1a, 64-bit: a small, fast, stable hash for cache keys (not for security).
struct FNV1a64 {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func add(_ bytes: some Sequence<UInt8>) {
        for b in bytes {
            value ^= UInt64(b)
            value = value &* 0x0000_0100_0000_01b3
        }
    }

    mutating func add(_ string: String) { add(string.utf8) }
    mutating func add(_ data: Data) { data.withUnsafeBytes { add($0) } }

    var hex: String {
        let s = String(value, radix: 16)
        return String(repeating: "0", count: 16 - s.count) + s
    }
}
