import Console
import Foundation
@testable import Site
import Testing

/// A site build says which demo it is running for figures, and stays quiet when the cache has them.
@Suite struct SiteProgressTests {
    final class Log: @unchecked Sendable {
        let lock = NSLock()
        var text = ""
        var clock = 0.0
    }

    /// Plain lines, shown at once; each reading of the clock moves it a second.
    func reporter(_ log: Log) -> ProgressReporter {
        ProgressReporter(style: .lines, delay: 0, lineInterval: 0,
                         now: { log.lock.withLock { log.clock += 1; return log.clock } },
                         write: { s in log.lock.withLock { log.text += s } })
    }

    @Test func eachDemoRunForFiguresIsNamed() throws {
        let f = try SiteFixture()
        defer { f.remove() }
        let log = Log()
        var builder = SiteBuilder(root: f.root, output: f.out, figures: SiteFixture.countingFigures(RunCounter()),
                                  figureCache: f.root.appendingPathComponent("cache"))
        builder.progress = reporter(log)
        _ = try builder.build()
        let lines = log.text.split(separator: "\n").map(String.init)
        #expect(lines.contains("figures: 0/1 (0%) curve"))
        #expect(lines.contains { $0.hasPrefix("figures: done, 1/1 in ") })
        #expect(lines.contains("pages: 0/3 (0%) en"))

        // Cached: no figures stage at all.
        log.lock.withLock { log.text = "" }
        _ = try builder.build()
        #expect(!log.text.contains("figures"))
    }
}
