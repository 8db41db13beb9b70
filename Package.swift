// swift-tools-version: 6.0
import PackageDescription

/// Kernels stay fast even in `swift test` debug builds: the numeric targets are always optimized.
let optimized: [SwiftSetting] = [.unsafeFlags(["-O"])]
/// `sqrt` without the errno check, so square roots in numeric loops vectorize.
let noMathErrno: [SwiftSetting] = [.unsafeFlags(["-Xcc", "-fno-math-errno"])]

// The targets in groups (docs/architecture.md draws them); one long list is too much for the
// type checker.

let systemLibraries: [Target] = [
    .systemLibrary(name: "CCmark", pkgConfig: "libcmark", providers: [.apt(["libcmark-dev"])]),
    .systemLibrary(name: "COpenBLAS", pkgConfig: "openblas", providers: [.apt(["libopenblas-dev"])]),
    .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
    .systemLibrary(name: "CLibPQ", pkgConfig: "libpq", providers: [.apt(["libpq-dev"])]),  // StudyGroup on PostgreSQL
]

/// Machine learning, bottom up. These never import the course plumbing.
let teachingLibrary: [Target] = [
    // A few rows times a large weight with AVX-512/AVX2 chosen at run time (decoding batches).
    .target(name: "CKernels", cSettings: [.unsafeFlags(["-O3"])]),
    .target(name: "Tensors", dependencies: ["COpenBLAS", "CKernels"], swiftSettings: optimized + noMathErrno),
    .target(name: "Autograd", dependencies: ["Tensors"], swiftSettings: optimized),
    .target(name: "NeuralNets", dependencies: ["Autograd"], swiftSettings: optimized + noMathErrno),
    // The fundamentals lessons' models: scalar autograd, word vectors, RNNs, TF-IDF, a classifier.
    .target(name: "Fundamentals", dependencies: ["NeuralNets"], swiftSettings: optimized),
    .target(name: "Transformers", dependencies: ["NeuralNets"], swiftSettings: optimized),
    .target(name: "Decoding", dependencies: ["Transformers"], swiftSettings: optimized),
    .target(name: "Quantization", dependencies: ["Transformers"], swiftSettings: optimized),
    // Templating renders a model folder's chat template for fine-tuning recipes.
    .target(name: "FineTuning", dependencies: ["Transformers", "Evaluation", "Templating"], swiftSettings: optimized),
    // `llmcourse finetune`'s YAML recipes, read with Yams. Kept out of LLMCourseKit: exercise
    // files compile against that module, and Yams's C part would have to travel with it.
    .target(name: "FineTuneRecipes", dependencies: ["FineTuning", .product(name: "Yams", package: "Yams")]),
    .target(name: "Alignment", dependencies: ["Transformers", "FineTuning"], swiftSettings: optimized),
    .target(name: "ModelTools", dependencies: ["Transformers", "Evaluation"], swiftSettings: optimized),  // merge, evaluate
    .target(name: "Evaluation", swiftSettings: optimized),  // BLEU, ROUGE-L, pass@k, multiple choice, contamination
    .target(name: "Templating"),  // the Jinja subset that renders chat templates
    .target(name: "Retrieval", dependencies: ["Tensors", "NeuralNets"], swiftSettings: optimized + noMathErrno),  // splitters, BM25, vector indexes, RAG
    // Attacks and defenses measured on the course's models: injection, poisoning, refusal directions, red teaming.
    .target(name: "Security", dependencies: ["Transformers", "FineTuning", "Retrieval"], swiftSettings: optimized),
    .target(name: "Figures"),
    // Serving many requests at once: a paged KV cache, continuous batching, the OpenAI wire format.
    .target(name: "Serving", dependencies: ["Transformers", "Decoding", "Templating"], swiftSettings: optimized),
    // Measuring a server under load: streaming HTTP clients, time to first token, percentiles.
    .target(name: "LoadTesting"),
    // Agents: a ReAct loop, tool calls parsed and executed, a tiny model trained to emit them.
    .target(name: "Agents", dependencies: ["Transformers", "Decoding", "Retrieval", "LoadTesting"], swiftSettings: optimized),
    .target(name: "Demos", dependencies: ["Transformers", "Decoding", "Quantization", "FineTuning", "Alignment", "NeuralNets",
                                          "Fundamentals", "Figures", "Retrieval", "CourseSearch", "Evaluation", "ModelTools", "Security", "Course", "Console", "FineTuneRecipes",
                                          "Serving", "ServingHTTP", "LoadTesting", "Agents", "Templating"]),
    // The call protocol between the trusted checks program and the learner's program.
    .target(name: "CheckProtocol"),
    // Everything an exercise file may `import LLMCourseKit` to use.
    .target(name: "LLMCourseKit", dependencies: ["CheckProtocol", "Tensors", "Autograd", "NeuralNets", "Fundamentals", "Transformers",
                                                 "Decoding", "Quantization", "FineTuning", "Alignment", "Retrieval", "Evaluation", "Security", "Templating",
                                                 "Serving", "LoadTesting", "Agents"]),
]

/// The course runner.
let coursePlumbing: [Target] = [
    .target(name: "Course", dependencies: ["CCmark"]),
    .target(name: "Progress"),
    // Styles, display width, raw mode, TTY/NO_COLOR and file watching, for every command.
    .target(name: "Console"),
    .target(name: "Terminal", dependencies: ["Console", "Course", "Progress"]),
    .target(name: "Grader", dependencies: ["Console", "Course", "Progress", "CheckProtocol"]),
    .target(name: "CourseSearch", dependencies: ["Course", "Retrieval"]),  // llmcourse ask
    .target(name: "Site", dependencies: ["Console", "Course", "Figures"]),
    // `llmcourse serve`: the Serving engine behind Hummingbird routes (kept out of LLMCourseKit).
    .target(name: "ServingHTTP", dependencies: ["Serving", .product(name: "Hummingbird", package: "hummingbird")]),
    .target(name: "StudyGroup", dependencies: ["Grader", "Course", "CSQLite", "CLibPQ", .product(name: "Hummingbird", package: "hummingbird")]),
    // The command: argument parsing only.
    .executableTarget(
        name: "llmcourse",
        dependencies: [
            "Console", "Course", "Progress", "Terminal", "Grader", "CheckProtocol", "Site", "Demos", "StudyGroup", "ModelTools",
            "CourseSearch", "Templating", "Security", "FineTuning", "FineTuneRecipes", "Quantization",
            "Serving", "ServingHTTP", "LoadTesting", "Agents", .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]
    ),
]

/// Benchmarks (Scripts/bench/*): a release executable each, compared with a peer in Python.
let benchmarks: [Target] = [
    .executableTarget(name: "RenderBench", dependencies: ["Terminal", "Course"], path: "Scripts/bench/render-swift"),
    .executableTarget(name: "TransformersBench", dependencies: ["Transformers"], path: "Scripts/bench/transformers-swift"),
    .executableTarget(name: "GPTQBench", dependencies: ["Quantization"], path: "Scripts/bench/gptq-swift"),
    .executableTarget(name: "DecodingBench", dependencies: ["Decoding"], path: "Scripts/bench/decoding-swift"),
    .executableTarget(name: "RetrievalBench", dependencies: ["Retrieval"], path: "Scripts/bench/retrieval-swift", swiftSettings: optimized),
]

let tests: [Target] = [
    .testTarget(name: "CourseTests", dependencies: ["Course"], exclude: ["Fixtures"]),
    .testTarget(name: "ConsoleTests", dependencies: ["Console"]),
    .testTarget(name: "TerminalTests", dependencies: ["Terminal", "Console", "Course"], exclude: ["Fixtures", "Snapshots"]),
    .testTarget(name: "FiguresTests", dependencies: ["Figures"]),
    .testTarget(name: "DemosTests", dependencies: ["Demos", "Fundamentals", "Figures", "Course", "Console"]),
    .testTarget(name: "SiteTests", dependencies: ["Site", "Course", "Grader", "Terminal"]),  // Grader, Terminal: the one-reader test
    .testTarget(name: "TensorsTests", dependencies: ["Tensors"]),
    .testTarget(name: "AutogradTests", dependencies: ["Autograd"]),
    .testTarget(name: "NeuralNetsTests", dependencies: ["NeuralNets"], exclude: ["Fixtures"]),
    .testTarget(name: "FundamentalsTests", dependencies: ["Fundamentals"], exclude: ["Fixtures"]),
    .testTarget(name: "TransformersTests", dependencies: ["Transformers"]),
    .testTarget(name: "DecodingTests", dependencies: ["Decoding", "Figures"], exclude: ["Fixtures"]),
    .testTarget(name: "QuantizationTests", dependencies: ["Quantization"], exclude: ["Fixtures"]),
    .testTarget(name: "FineTuningTests", dependencies: ["FineTuning", "FineTuneRecipes", "Templating", "Transformers"], exclude: ["Fixtures"]),
    .testTarget(name: "AlignmentTests", dependencies: ["Alignment", "FineTuning"], exclude: ["Fixtures"]),
    .testTarget(name: "ProgressTests", dependencies: ["Progress"]),
    .testTarget(name: "EvaluationTests", dependencies: ["Evaluation"], exclude: ["Fixtures"]),
    .testTarget(name: "SecurityTests", dependencies: ["Security", "FineTuning", "Transformers"], exclude: ["Fixtures"]),
    .testTarget(name: "TemplatingTests", dependencies: ["Templating"], exclude: ["Fixtures"]),
    .testTarget(name: "ModelToolsTests", dependencies: ["ModelTools", "Transformers"], exclude: ["Fixtures"]),
    .testTarget(name: "RetrievalTests", dependencies: ["Retrieval", "CourseSearch", "Course"], exclude: ["Fixtures"]),
    .testTarget(name: "StudyGroupTests", dependencies: ["StudyGroup", "Grader", "Console"]),
    .testTarget(name: "ServingTests", dependencies: ["Serving", "ServingHTTP", "Transformers", "Decoding", "Agents"], exclude: ["Fixtures"]),
    .testTarget(name: "LoadTestingTests", dependencies: ["LoadTesting"], exclude: ["Fixtures"]),
    .testTarget(name: "AgentsTests", dependencies: ["Agents", "Transformers"], exclude: ["Fixtures"]),
    .testTarget(name: "GraderTests", dependencies: ["Grader", "Console", "LLMCourseKit", "Progress"], exclude: ["Fixtures"]),
]

let package = Package(
    name: "llmcourse",
    // Linux only (Debian and Ubuntu, Swift 6.3): the grader's sandbox is Linux's (bubblewrap,
    // namespaces, control groups, /proc), and the system libraries come from apt. No other
    // platform is built or tested, so none is declared.
    products: [
        .executable(name: "llmcourse", targets: ["llmcourse"]),
        // The library learners' exercise files are compiled against (see Grader).
        .library(name: "LLMCourseKit", type: .dynamic, targets: ["LLMCourseKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),  // StudyGroup server
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),  // fine-tuning recipes
    ],
    targets: systemLibraries + teachingLibrary + coursePlumbing + benchmarks + tests,
    swiftLanguageModes: [.v6]
)
