/// The retrieval demos' lines and table headers in Traditional Chinese (Taiwan), keyed by
/// their English text (see ``DemoText``). The handbook, its questions and section names are the
/// demos' data and stay as written, as do index names and parameters (HNSW, efSearch, BM25).
enum RetrievalText {
    static let pairs: [(String, String)] = vectors + rag + hybrid

    static let vectors: [(String, String)] = [
        ("{0} unit vectors of {1} dimensions in 50 clusters; {2} queries", "{0} 個 {1} 維的單位向量，分成 50 群；{2} 個查詢"),
        ("Exact search scores every vector with one matrix–vector product: {0} × {1} = {2} multiply-adds per query.",
         "精確搜尋用一次矩陣–向量乘法替每個向量打分數：每個查詢 {0} × {1} = {2} 次乘加。"),
        ("index", "索引"), ("bytes per vector", "每個向量的位元組"),
        ("exact (float32)", "精確（float32）"), ("int8 codes + scale", "int8 代碼 + 縮放係數"),
        ("HNSW (M = 16, efConstruction = 100): efSearch is the recall dial", "HNSW（M = 16，efConstruction = 100）：efSearch 是調整召回率的旋鈕"),
        ("nodes per layer, bottom up: {0} — each layer about 1/M of the one below", "由下往上每層的節點數：{0} — 每層大約是下一層的 1/M"),
        ("bytes per vector: {0} (the vector plus its links)", "每個向量的位元組：{0}（向量本身加上它的連結）"),
        ("Save, damage, load", "儲存、破壞、載入"),
        ("saved {0} nodes; loaded back, the same answers on 20 queries: {1}", "儲存了 {0} 個節點；載回後，20 個查詢的答案相同：{1}"),
        ("yes", "是"), ("NO", "否"),
        ("a damaged file loaded: this should not happen", "損壞的檔案竟然載入了：這不應該發生"),
        ("one flipped bit: rejected with HNSWFileError.checksumMismatch (\"rebuild the index and save it again\")",
         "翻轉一個位元：以 HNSWFileError.checksumMismatch 拒絕載入（\"rebuild the index and save it again\"）"),
    ]

    static let rag: [(String, String)] = [
        ("1. Split along the document's structure (at most 160 characters a chunk)", "1. 依文件結構切分（每個區塊最多 160 個字元）"),
        ("chunk {0} [{1}] {2} characters: {3}…", "區塊 {0} [{1}] {2} 個字元：{3}…"),
        ("Fixed windows with overlap count characters: 向量 is 2, not 6 bytes", "重疊的固定視窗以字元計算：「向量」是 2 個字元，不是 6 個位元組"),
        ("2. Index every chunk with BM25 (k1 = 1.5, b = 0.75)", "2. 用 BM25 為每個區塊建索引（k1 = 1.5，b = 0.75）"),
        ("{0} chunks, {1} distinct terms, average length {2} terms", "{0} 個區塊，{1} 個不同的詞項，平均長度 {2} 個詞項"),
        ("question terms: {0}", "問題的詞項：{0}"),
        ("term", "詞項"), ("documents", "文件數"),
        ("3. Retrieve the top 3", "3. 檢索前 3 名"),
        ("chunk {0} score {1} [{2}]", "區塊 {0} 分數 {1} [{2}]"),
        ("4. Assemble the prompt: numbered sources, a budget of 90 terms", "4. 組合提示：附編號的來源，預算 90 個詞項"),
        ("{0} of {1} passages fit in {2} of 90 terms; the model is asked to cite them as [1], [2] …",
         "{1} 段文字中有 {0} 段放得進預算（用了 90 個詞項中的 {2} 個）；提示要求模型以 [1]、[2] … 引用它們"),
    ]

    static let hybrid: [(String, String)] = [
        ("{0} sections, one chunk each; {1} questions, each labeled with the section that answers it",
         "{0} 個章節，各為一個區塊；{1} 個問題，各自標上能回答它的章節"),
        ("question", "問題"), ("words: first", "詞：第一名"), ("trigrams: first", "三字元組：第一名"), ("fused: first", "融合：第一名"),
        ("Scores over the questions", "所有問題上的分數"),
        ("retriever", "檢索器"), ("words", "詞"), ("trigrams", "三字元組"), ("fused (RRF, k = 60)", "融合（RRF，k = 60）"),
        ("Maximal marginal relevance: skip the near-duplicate", "最大邊際相關性（MMR）：跳過幾乎重複的結果"),
        ("A′ (near-copy of A)", "A′（A 的近似副本）"), ("B (A mixed with C)", "B（A 與 C 的混合）"), (", ", "、"),
        ("Metadata filters: the same search, Chinese sections only", "中繼資料篩選：同樣的搜尋，只看中文章節"),
        ("\"KV 快取 memory\": all → {0}; lang = zh-TW → {1}", "「KV 快取 memory」：全部 → {0}；lang = zh-TW → {1}"),
    ]
}
