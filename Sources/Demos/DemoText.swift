import Course
import Figures
import Foundation

/// The demos' own words in Traditional Chinese (Taiwan), looked up by their English text.
///
/// Each demo group keeps one table (`FundamentalsText`, `DecodingText`, …) of English templates
/// and their translations, with `{0}`, `{1}` … where numbers, tokens and names go (the
/// project's ``MessageTemplate`` syntax). The English template is the key, so English output is
/// exactly what the demo writes — it cannot drift from what the lessons quote — and a line
/// without a translation still reads sensibly, in English, and is recorded in ``missing`` so a
/// test can catch it.
///
/// ```swift
/// ctx.say("Final loss {0}: the predictions now carry the targets' signs.", fixed(loss))
/// var plot = LinePlot(title: ctx.tr("training loss"), xLabel: ctx.tr("step"), yLabel: ctx.tr("loss"))
/// ```
public enum DemoText {
    /// Every group's table; the first translation of a template wins (shared words such as
    /// "step" and "loss" may appear in several tables).
    static let chinese: [String: String] = {
        let groups = [CommonText.pairs, FundamentalsText.pairs, DecodingText.pairs, FineTuningText.pairs,
                      QuantizationText.pairs, TransformersText.pairs, RetrievalText.pairs, EvaluationText.pairs, TestTimeComputeText.pairs, MergingText.pairs, MixtureOfExpertsText.pairs, DataQualityText.pairs, FineTuneRecipeText.pairs, InferenceText.pairs,
                      DemoSummaryText.pairs, SwiftForMLText.pairs, SecurityText.pairs, ServingText.pairs, RunningText.pairs, AgentsText.pairs]
        return Dictionary(groups.joined().map { ($0.0, $0.1) }, uniquingKeysWith: { first, _ in first })
    }()

    /// `template` in `language` with its placeholders filled.
    public static func text(_ template: String, _ language: CourseLanguage, _ args: [String]) -> String {
        guard language == .traditionalChinese else { return MessageTemplate.fill(template, args) }
        guard let translated = chinese[template] else {
            recordMissing(template)
            return MessageTemplate.fill(template, args)
        }
        return MessageTemplate.fill(translated, args)
    }

    private static let lock = NSLock()
    nonisolated(unsafe) private static var missed: Set<String> = []

    /// English templates a Chinese run asked for that no table translates.
    public static var missing: Set<String> { lock.lock(); defer { lock.unlock() }; return missed }

    private static func recordMissing(_ template: String) {
        lock.lock(); missed.insert(template); lock.unlock()
    }
}

extension Demo {
    /// The one-line description in `language` (`llmcourse run --list`).
    public func summary(in language: CourseLanguage) -> String { DemoText.text(summary, language, []) }
}

extension DemoContext {
    /// `template` in the demo's language, placeholders filled with `args`.
    func tr(_ template: String, _ args: String...) -> String { DemoText.text(template, language, args) }

    /// Prints `template` in the demo's language.
    func say(_ template: String, _ args: String...) { print(DemoText.text(template, language, args)) }

    /// Words the figures draw themselves (color-bar captions, tree legends).
    var figureWords: FigureWords { language == .traditionalChinese ? .traditionalChinese : .english }
}

/// Words many demos share: axis labels, series names, table headers.
enum CommonText {
    static let pairs: [(String, String)] = [
        ("step", "步數"), ("loss", "損失"), ("train", "訓練"), ("validation", "驗證"),
        ("cross-entropy", "交叉熵"), ("epoch", "輪次"), ("probability", "機率"), ("token", "詞元"),
        ("error", "誤差"), ("rate", "學習率"), ("accuracy", "準確率"), ("weight", "權重"),
        ("similarity", "相似度"), ("count", "次數"), ("score", "分數"), ("model", "模型"),
        ("method", "方法"), ("bits", "位元"), ("value", "數值"), ("size", "大小"),
    ]
}
