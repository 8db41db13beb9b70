// swift-tools-version: 6.0
import PackageDescription

/// Kernels stay fast even in `swift test` debug builds: the numeric targets are always optimised.
let optimised: [SwiftSetting] = [.unsafeFlags(["-O"])]
/// `sqrt` without the errno check, so square roots in numeric loops vectorise.
let noMathErrno: [SwiftSetting] = [.unsafeFlags(["-Xcc", "-fno-math-errno"])]

let package = Package(
    name: "llmcourse",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "llmcourse", targets: ["llmcourse"]),
        // The library learners' exercise files are compiled against (see Grader).
        .library(name: "LLMCourseKit", type: .dynamic, targets: ["LLMCourseKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),  // StudyGroup server
    ],
    targets: [
        // System libraries.
        .systemLibrary(name: "CCmark", pkgConfig: "libcmark", providers: [.apt(["libcmark-dev"])]),
        .systemLibrary(name: "COpenBLAS", pkgConfig: "openblas", providers: [.apt(["libopenblas-dev"])]),
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        .systemLibrary(name: "CLibPQ", pkgConfig: "libpq", providers: [.apt(["libpq-dev"])]),  // StudyGroup on PostgreSQL

        // Machine learning, bottom up. These never import the course plumbing.
        .target(name: "Tensors", dependencies: ["COpenBLAS"], swiftSettings: optimised + noMathErrno),
        .target(name: "Autograd", dependencies: ["Tensors"], swiftSettings: optimised),
        .target(name: "NeuralNets", dependencies: ["Autograd"], swiftSettings: optimised + noMathErrno),
        .target(name: "Transformers", dependencies: ["NeuralNets", "COpenBLAS"], swiftSettings: optimised),
        .target(name: "Decoding", dependencies: ["Transformers"], swiftSettings: optimised),
        .target(name: "Quantization", dependencies: ["Transformers"], swiftSettings: optimised),
        .target(name: "FineTuning", dependencies: ["Transformers"], swiftSettings: optimised),
        .target(name: "Alignment", dependencies: ["Transformers", "FineTuning"], swiftSettings: optimised),
        .target(name: "ModelTools", dependencies: ["Transformers"], swiftSettings: optimised),  // merge, evaluate
        .target(name: "Retrieval", dependencies: ["Tensors"], swiftSettings: optimised + noMathErrno),  // splitters, BM25, vector indexes, RAG
        .target(name: "Figures"),
        .target(name: "Demos", dependencies: ["Transformers", "Decoding", "Quantization", "FineTuning", "Alignment", "NeuralNets", "Figures", "Retrieval"]),
        // The call protocol between the trusted checks program and the learner's program.
        .target(name: "CheckProtocol"),
        // Everything an exercise file may `import LLMCourseKit` to use.
        .target(name: "LLMCourseKit", dependencies: ["CheckProtocol", "Tensors", "Autograd", "NeuralNets", "Transformers", "Decoding", "Quantization", "FineTuning", "Alignment", "Retrieval"]),

        // Course plumbing.
        .target(name: "Course", dependencies: ["CCmark"]),
        .target(name: "Progress"),
        .target(name: "Terminal", dependencies: ["Course", "Progress"]),
        .executableTarget(name: "RenderBench", dependencies: ["Terminal", "Course"]),  // Scripts/bench/render
        .executableTarget(name: "TransformersBench", dependencies: ["Transformers"], path: "Scripts/bench/transformers-swift"),
        .executableTarget(name: "GPTQBench", dependencies: ["Quantization"], path: "Scripts/bench/gptq-swift"),
        .executableTarget(name: "DecodingBench", dependencies: ["Decoding"], path: "Scripts/bench/decoding-swift"),
        .executableTarget(name: "RetrievalBench", dependencies: ["Retrieval"], path: "Scripts/bench/retrieval-swift", swiftSettings: optimised),
        .target(name: "Grader", dependencies: ["Course", "Progress", "CheckProtocol"]),
        .target(name: "CourseSearch", dependencies: ["Course", "Retrieval"]),  // llmcourse ask
        .target(name: "Site", dependencies: ["Course", "Figures"]),
        .target(name: "StudyGroup", dependencies: ["Grader", "Course", "CSQLite", "CLibPQ", .product(name: "Hummingbird", package: "hummingbird")]),

        // The command: argument parsing only.
        .executableTarget(
            name: "llmcourse",
            dependencies: [
                "Course", "Progress", "Terminal", "Grader", "Site", "Demos", "StudyGroup", "ModelTools", "CourseSearch",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        .testTarget(name: "CourseTests", dependencies: ["Course"], exclude: ["Fixtures"]),
        .testTarget(name: "TerminalTests", dependencies: ["Terminal", "Course"], exclude: ["Fixtures", "Snapshots"]),
        .testTarget(name: "FiguresTests", dependencies: ["Figures"]),
        .testTarget(name: "DemosTests", dependencies: ["Demos", "Figures"]),
        .testTarget(name: "SiteTests", dependencies: ["Site", "Course"]),
        .testTarget(name: "TensorsTests", dependencies: ["Tensors"]),
        .testTarget(name: "AutogradTests", dependencies: ["Autograd"]),
        .testTarget(name: "NeuralNetsTests", dependencies: ["NeuralNets"]),
        .testTarget(name: "TransformersTests", dependencies: ["Transformers"]),
        .testTarget(name: "DecodingTests", dependencies: ["Decoding", "Figures"], exclude: ["Fixtures"]),
        .testTarget(name: "QuantizationTests", dependencies: ["Quantization"], exclude: ["Fixtures"]),
        .testTarget(name: "FineTuningTests", dependencies: ["FineTuning"], exclude: ["Fixtures"]),
        .testTarget(name: "AlignmentTests", dependencies: ["Alignment", "FineTuning"], exclude: ["Fixtures"]),
        .testTarget(name: "ProgressTests", dependencies: ["Progress"]),
        .testTarget(name: "ModelToolsTests", dependencies: ["ModelTools", "Transformers"], exclude: ["Fixtures"]),
        .testTarget(name: "RetrievalTests", dependencies: ["Retrieval", "CourseSearch", "Course"], exclude: ["Fixtures"]),
        .testTarget(name: "StudyGroupTests", dependencies: ["StudyGroup", "Grader"]),
        .testTarget(name: "GraderTests", dependencies: ["Grader", "LLMCourseKit", "Progress"], exclude: ["Fixtures"]),
    ],
    swiftLanguageModes: [.v6]
)
