import Console
import ArgumentParser
import Course
import CourseSearch
import Foundation
import Progress
import Terminal

/// `llmcourse ask "<question>"`: the lesson sections that answer a question, found over both
/// editions of the course, with an answer made of the lessons' own sentences or, with
/// `--model`, written by a model from them with numbered citations.
struct AskCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ask",
        abstract: "Find the lesson sections that answer a question.",
        discussion: """
        Searches every section of every lesson, in English and Chinese, and prints the best \
        sentences, then each section with an excerpt and the command that opens it. The index \
        is kept in the state folder and rebuilt when a lesson changes.

        Retrievers (--retriever): bm25 (words and Chinese character pairs; the default), dense \
        (the course's bi-encoder, trained from the lessons on first use in about ten seconds \
        and kept), or hybrid (both, fused by reciprocal rank). The question's terms are \
        expanded with their translations learned from the two editions (--no-expand turns it \
        off); --rerank reorders the top 20 by late interaction; with --model, --rewrite has the \
        model reword the question twice and searches with all three wordings. The Advanced RAG \
        lesson measures each choice on Benchmarks/ask-questions.jsonl.

        With --model DIR, a GPT-2 or Llama model folder writes the answer from the found \
        sections, citing them as [1], [2] … (its chat template is used when it has one).

        Examples:
          llmcourse ask "what does the KV cache store?"
          llmcourse ask 什麼是量化？ --retriever hybrid --json
          llmcourse ask "why clip gradients?" --model SmolLM2-135M-Instruct
        """
    )

    enum RetrieverChoice: String, ExpressibleByArgument, CaseIterable { case bm25, dense, hybrid }

    @Argument(help: "The question, in English or Chinese.")
    var question: [String] = []

    @Option(name: .long, help: "How many sections to show.")
    var limit = 5

    @Option(name: .long, help: "bm25, dense or hybrid.")
    var retriever: RetrieverChoice = .bm25

    @Flag(name: .long, help: "Do not add the question terms' translations from the other edition.")
    var noExpand = false

    @Flag(name: .long, help: "Reorder the first 20 sections by late interaction (the bi-encoder's term vectors).")
    var rerank = false

    @Option(name: .long, help: "For dense and hybrid: embed with this GPT-2 or Llama folder's mean-pooled hidden states instead of the course's bi-encoder.")
    var embeddingModel: String?

    @Option(name: .long, help: "A GPT-2 or Llama model folder that writes the answer from the found sections, with citations.")
    var model: String?

    @Flag(name: .long, help: "With --model: have the model reword the question twice and search with all three wordings (multi-query, fused by RRF).")
    var rewrite = false

    @Option(name: .long, help: "With --model: at most this many new tokens.")
    var maxNewTokens = 160

    @Flag(name: .long, help: "Print the answer as JSON (schema llmcourse.ask/1).")
    var json = false

    @OptionGroup var options: ReadingOptions

    func validate() throws {
        let language = ModelCommands.language(options.lang)
        guard limit > 0 else { throw ValidationError(AskMessages.text(.limitTooSmall, language)) }
        guard maxNewTokens > 0 else { throw ValidationError(ModelMessages.text(.maxNewTokensTooSmall, language)) }
        if embeddingModel != nil && retriever == .bm25 { throw ValidationError(AskMessages.text(.embeddingNeedsDense, language)) }
        if rewrite && model == nil { throw ValidationError(AskMessages.text(.rewriteNeedsModel, language)) }
    }

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let (root, language) = try options.reporting { () throws -> (URL, CourseLanguage) in
            (try CourseLoader.findRoot(explicit: options.course, environment: environment),
             try CourseLanguage.resolve(explicit: options.lang, environment: environment))
        }
        // An explicit --lang searches that edition only; otherwise both.
        let searchLanguage = (options.lang ?? "").isEmpty ? nil : language
        let state = ProgressStore.defaultDirectory(courseRoot: root, environment: environment)
        let setup = try AskSetup.retriever(root: root, state: state, language: language, options: self)
        let choice = CourseRetriever.Options(sparse: retriever != .dense, dense: retriever != .bm25, expand: !noExpand, rerank: rerank)
        let text = question.joined(separator: " ")
        let writer = model.map { AskWithModel(folder: $0, maxNewTokens: maxNewTokens, language: language) }
        let rewrites = try rewrite ? writer?.rewrites(of: text) ?? [] : []
        if rewrite && !json { FileHandle.standardError.write(Data((AskMessages.text(.rewrites, language, rewrites.isEmpty ? "-" : rewrites.joined(separator: " | ")) + "\n").utf8)) }
        let answer: CourseQuestion
        do {
            answer = try CourseQuestion.ask(text, retriever: setup.retriever, options: choice, rewrites: rewrites,
                                            limit: limit, language: searchLanguage)
        } catch .emptyQuestion {
            FileHandle.standardError.write(Data(("llmcourse: " + AskMessages.text(.emptyQuestion, language) + "\n").utf8))
            throw ExitCode.failure
        } catch .noMatch(let q) {
            FileHandle.standardError.write(Data(("llmcourse: " + AskMessages.text(.noMatch, language, q) + "\n").utf8))
            throw ExitCode.failure
        } catch .emptyCourse {
            FileHandle.standardError.write(Data(("llmcourse: " + AskMessages.text(.emptyCourse, language, root.path) + "\n").utf8))
            throw ExitCode.failure
        }
        let generated = try writer?.answer(answer, stream: !json)
        if json {
            Output.write(AskReport.json(answer, index: setup.outcome, generated: generated) + "\n")
        } else {
            let terminal = TerminalEnvironment.current(color: options.color, environment: environment)
            let bold: (String) -> String = terminal.color ? { "\u{1B}[1m\($0)\u{1B}[22m" } : { $0 }
            Output.write(AskReport.text(answer, language: language, bold: bold, generated: generated))
        }
    }
}
