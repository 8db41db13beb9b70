import Foundation
@testable import Site

/// A tiny course written into a temporary folder: two lessons in two editions, one exercise,
/// an included source region, math, a run step and text that must be escaped.
struct SiteFixture {
    let root: URL
    let out: URL

    init(extraLesson: String? = nil) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("site-fixture-\(UUID().uuidString)")
        out = root.appendingPathComponent("site-out")
        try write("Lessons/roadmap.md", """
        # Tiny Course

        ## Basics

        1. [First steps](first/lesson.md)
        2. [Second steps](second/lesson.md)
        3. [Not yet](missing/lesson.md)
        """)
        try write("Lessons/roadmap.zh-TW.md", """
        # 小小課程

        ## 基礎

        1. [第一步](first/lesson.zh-TW.md)
        2. [第二步](second/lesson.zh-TW.md)
        3. [還沒有](missing/lesson.zh-TW.md)
        """)
        try write("Lessons/first/lesson.md", extraLesson ?? """
        <!-- lesson
        id: first
        demos: curve
        exercises: add-one
        -->
        # First steps

        Intro with <script>alert("x")</script> & "quotes" and 'single'.

        ## Gradient descent

        The update is $w \\leftarrow w - \\eta \\nabla L$ and costs $5 or $10.

        $$
        L = \\frac{1}{n} \\sum_i (y_i - \\hat y_i)^2
        $$

        ```swift include=Sources/Demo/Add.swift#add
        ```

        ```run curve
        llmcourse run curve
        ```

        See [the next lesson](../second/lesson.md#tokens) and [the exercise](../../Exercises/add-one/exercise.md).

        | a | b |
        |---|--:|
        | 1 | 2 |

        ## Gradient descent
        """)
        try write("Lessons/first/lesson.zh-TW.md", """
        <!-- translation
        source-hash: 000000000000
        -->
        # 第一步

        ## 梯度下降

        注意力機制讓模型
        看見整個句子。

        損失為 $L$。
        """)
        try write("Lessons/second/lesson.md", "# Second steps\n\n## Tokens\n\nByte pair encoding merges pairs.\n")
        try write("Exercises/add-one/exercise.md", """
        <!-- exercise
        id: add-one
        lesson: first
        -->
        # Add one

        Write `addOne`.

        ## Hints

        - Use `+`.
        - Return `x + 1`.
        """)
        try write("Exercises/add-one/exercise.zh-TW.md", "# 加一\n\n寫出 `addOne`。\n")
        try write("Exercises/add-one/AddOne.swift", "func addOne(_ x: Int) -> Int {\n    // TODO: add one\n    0\n}\n")
        try write("Sources/Demo/Add.swift", """
        import Foundation

        // ANCHOR: add
        /// Adds one.
        public func add(_ x: Int) -> Int {
            return x + 1 // "one"
        }
        // ANCHOR_END: add
        """)
    }

    func write(_ path: String, _ text: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func read(_ sitePath: String) throws -> String {
        try String(contentsOf: out.appendingPathComponent(sitePath), encoding: .utf8)
    }

    /// A figure source whose demo `curve` writes one SVG, counting its runs in `runs`.
    static func countingFigures(_ runs: RunCounter) -> FigureSource {
        FigureSource(inputs: { $0 == "curve" ? ["Sources/Demo"] : nil }, render: { id, folder in
            runs.increment()
            try Data("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"></svg>".utf8)
                .write(to: folder.appendingPathComponent("\(id)-loss.svg"))
            return ["loss"]
        })
    }

    func remove() { try? FileManager.default.removeItem(at: root) }
}

final class RunCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func increment() { lock.lock(); count += 1; lock.unlock() }
    var value: Int { lock.lock(); defer { lock.unlock() }; return count }
}
