/// The finetuning demos' lines and figure labels in Traditional Chinese (Taiwan), keyed by their
/// English text (see ``DemoText``). Numbers, identifiers and model names stay as written.
enum FineTuningText {
    static let pairs: [(String, String)] = []
}
