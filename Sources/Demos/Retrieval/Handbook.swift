/// A small made-up handbook the retrieval demos search: a few Markdown sections in English
/// and in Chinese, about running a language model. Short enough to print, long enough that
/// chunking and ranking matter.
enum Handbook {
    static let markdown = """
    # Running the assistant

    ## Memory

    The model's weights take most of the memory. A 7-billion-parameter model needs about 14 GB in 16-bit floats. Quantised to 4 bits it fits in about 4 GB. The KV cache comes on top: it stores the keys and values of every past token, for every layer.

    ## Speed

    Generation is limited by memory bandwidth, not arithmetic. Each new token reads every weight once. Batching several users together reuses each read, so throughput grows while latency stays almost the same.

    ## Updates

    New documents are indexed every night. A document deleted from the wiki disappears from search the next morning. Ask the platform team to re-index sooner.

    ## 記憶體

    模型的權重占用大部分記憶體。量化成 4 位元之後，70 億參數的模型大約只需 4 GB。KV 快取另外占用空間：它保存每一層、每個過去詞元的鍵與值。

    ## 速度

    生成速度受記憶體頻寬限制，而不是算術。每產生一個詞元，都要把所有權重讀一遍。把多位使用者的請求合成一批，可以共用每一次讀取。
    """

    /// Questions with the section (chunk heading) that answers each.
    static let questions: [(question: String, section: String)] = [
        ("How much memory does a quantized model need?", "Memory"),
        ("What is stored in the KV cache?", "Memory"),
        ("Is quantization lossy?", "Memory"),
        ("Is the generator bandwidth-bound?", "Speed"),
        ("Why does each token read all the weights?", "Speed"),
        ("Does batching help throughput?", "Speed"),
        ("When is the index refreshed?", "Updates"),
        ("How long until a deletion shows in search?", "Updates"),
        ("量化後的模型需要多少記憶體？", "記憶體"),
        ("為什麼生成速度受限？", "速度"),
    ]
}
