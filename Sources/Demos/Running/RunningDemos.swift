import Foundation

/// Demos of the running-LLMs lesson: chat templates and structured output.
enum RunningDemos {
    static let all: [Demo] = [
        ChatTemplatesDemo.demo,
        StructuredOutputDemo.demo,
        FewShotDemo.demo,
    ]

    /// The repository root, found from this file's place in it.
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let lessonFolder = root.appendingPathComponent("Lessons/running-llms")
}
