/// The few words figures write on their own — a heat map's color-bar caption, a tree's
/// legend — so a figure whose titles and labels are translated says these in the same
/// language. Everything else a figure shows comes from its caller.
public struct FigureWords: Sendable, Equatable {
    public var low: String
    public var high: String
    /// Before a heat map's terminal color ramp ("scale: 0 ░▒▓█ 1").
    public var scale: String
    public var kept: String
    public var finished: String
    public var pruned: String

    public init(low: String, high: String, scale: String, kept: String, finished: String, pruned: String) {
        self.low = low
        self.high = high
        self.scale = scale
        self.kept = kept
        self.finished = finished
        self.pruned = pruned
    }

    public static let english = FigureWords(low: "low", high: "high", scale: "scale", kept: "kept", finished: "finished", pruned: "pruned")
    public static let traditionalChinese = FigureWords(low: "低", high: "高", scale: "色階", kept: "保留", finished: "完成", pruned: "剪除")
}
