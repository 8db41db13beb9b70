/// The security demos' lines and labels in Traditional Chinese (Taiwan), keyed by their English
/// text (see ``DemoText``). Each demo keeps its own list; `pairs` joins them.
enum SecurityText {
    static let pairs: [(String, String)] = PromptInjectionText.pairs + AbliterationText.pairs + BackdoorText.pairs
}
