/// Every demo, found by id. Each lesson area contributes its own list.
public enum DemoRegistry {
    public static var all: [Demo] {
        FundamentalsDemos.all
            + DecodingDemos.all
            + FineTuningDemos.all
            + QuantizationDemos.all
            + TransformerDemos.all
            + RetrievalDemos.all
            + SecurityDemos.all
            + ServingDemos.all
            + RunningDemos.all
            + AgentsDemos.all
    }

    public static func demo(_ id: String) throws -> Demo {
        guard let d = all.first(where: { $0.id == id }) else {
            throw DemoError.unknown(id, known: all.map(\.id))
        }
        return d
    }
}
