import CheckProtocol
import Course
import Foundation

/// The check API's numeric comparison line, said again in the learner's language.
///
/// A check's own message is the check's words and is shown as written — except the line the
/// check API itself writes for a numeric comparison, which the verdict also carries as
/// structured ``NumericReport``. When the message starts with exactly that English line,
/// the renderer swaps in the translation (any words the check added after it stay).
///
/// ```swift
/// NumericSummary.text(details, .traditionalChinese)
/// // "f(x)：6 個值中有 1 個超出容許誤差 atol 1e-05 + rtol 0.0001·|期望值|；最差的在 [1, 1]：得到 5.5，應為 5（…）"
/// ```
public enum NumericSummary {
    /// The line as the check API writes it (`LLMCourseKit`'s `NumericReport.summary`).
    public static func text(_ details: NumericReport, _ language: CourseLanguage) -> String {
        let zh = language == .traditionalChinese
        let place = details.worstIndex.isEmpty ? "" : MessageTemplate.fill(zh ? "，位於 {0}" : " at {0}", ["\(details.worstIndex)"])
        if details.mismatched == 0 {
            return MessageTemplate.fill(zh ? "{0}：{1} 個值全都在容許誤差內（最大絕對誤差 {2}{3}）"
                                           : "{0}: all {1} values within tolerance (max abs error {2}{3})",
                                        [details.what, "\(details.count)", format(details.maxAbsError), place])
        }
        let worstPlace = details.worstIndex.isEmpty ? "" : MessageTemplate.fill(zh ? "在 {0}" : " at {0}", ["\(details.worstIndex)"])
        let template = zh
            ? "{0}：{2} 個值中有 {1} 個超出容許誤差 atol {3} + rtol {4}·|期望值|；最差的{5}：得到 {6}，應為 {7}（最大絕對誤差 {8}，最大相對誤差 {9}）"
            : "{0}: {1} of {2} values outside tolerance atol {3} + rtol {4}·|expected|; worst{5}: got {6}, expected {7} (max abs error {8}, max rel error {9})"
        return MessageTemplate.fill(template, [
            details.what, "\(details.mismatched)", "\(details.count)", format(details.atol), format(details.rtol), worstPlace,
            format(details.actualAtWorst), format(details.expectedAtWorst), format(details.maxAbsError), format(details.maxRelError),
        ])
    }

    /// `message` with its leading numeric line in `language`; nil when it does not start with
    /// the check API's own English line (then the message is the check's and stays as it is).
    public static func localize(_ message: String?, details: NumericReport?, _ language: CourseLanguage) -> String? {
        guard language != .english, let message, let details else { return nil }
        let english = text(details, .english)
        guard message.hasPrefix(english) else { return nil }
        return text(details, language) + message.dropFirst(english.count)
    }

    /// Up to 6 significant digits, `nan`, `inf`: the check API's number format.
    static func format(_ x: Double) -> String { NumericReport.format(x) }
}
