import Console
import Course
import Foundation
@testable import Demos

/// Runs a demo in quick mode and returns everything it printed.
func runDemo(_ id: String, seed: UInt64 = 42, figures: URL? = nil, language: CourseLanguage = .english, width: Int = 80,
             progress: ProgressReporter = .silent) throws -> String {
    final class Sink: @unchecked Sendable {
        var text = ""
        let lock = NSLock()
        func append(_ s: String) { lock.lock(); text += s; lock.unlock() }
    }
    let sink = Sink()
    let demo = try DemoRegistry.demo(id)
    let ctx = DemoContext(demoID: id, seed: seed, quick: true, width: width, figureDirectory: figures, language: language) { sink.append($0) }
    ctx.progressReporter = progress
    try demo.run(ctx)
    return sink.text
}
