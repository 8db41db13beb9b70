/// The retrieval demos' lines and table headers in Traditional Chinese (Taiwan), keyed by
/// their English text (see ``DemoText``). The handbook, its questions and section names are the
/// demos' data and stay as written, as do index names and parameters (HNSW, efSearch, BM25).
enum RetrievalText {
    static let pairs: [(String, String)] = vectors + rag + hybrid + course

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

    /// The demos over the course itself: course-embeddings, course-rag, retrieval-techniques.
    static let course: [(String, String)] = [
        ("training the bi-encoder", "訓練雙編碼器"),
        ("1. Training pairs cut from the lessons (no labeled question is used)", "1. 從課文切出的訓練配對（不使用任何標註好的問題）"),
        ("kind", "種類"), ("pairs", "配對數"),
        ("heading ↔ its section", "標題 ↔ 它的一節"),
        ("a sentence ↔ the rest of its section", "一個句子 ↔ 所在一節的其餘部分"),
        ("English section ↔ Chinese section (both ways)", "英文小節 ↔ 中文小節（雙向）"),
        ("2. InfoNCE with in-batch negatives: 64 pairs a batch, τ = 0.05, Adam", "2. 以批次內負例訓練 InfoNCE：每批 64 組配對，τ = 0.05，Adam"),
        ("{0} terms × {1} dimensions = {2} parameters; mean loss {3} after the first epoch, {4} after the last (chance: ln 64 = {5})",
         "{0} 個詞項 × {1} 維 = {2} 個參數；平均損失在第一個 epoch 後為 {3}，最後為 {4}（隨機猜測：ln 64 = {5}）"),
        ("InfoNCE loss per epoch", "每個 epoch 的 InfoNCE 損失"),
        ("3. What it learned: each term's nearest terms (cosine)", "3. 它學到了什麼：每個詞項的最近鄰詞項（餘弦）"),
        ("nearest", "最近鄰"),
        ("4. The sections in three indexes ({0} vectors of {1} dimensions)", "4. 三種索引中的各節（{0} 個 {1} 維向量）"),
        ("HNSW recall@10 against efSearch", "HNSW 的 recall@10 與 efSearch"),
        ("5. Saved as a model folder, and loaded back", "5. 存成模型資料夾，再讀回來"),
        ("{0}: {1} bytes", "{0}：{1} 位元組"),
        ("loaded back: {0}", "讀回來：{0}"), ("identical", "完全相同"), ("different", "不同"),
        ("1. Index: {0} sections ({1} English, {2} Chinese), BM25 over words and Chinese character pairs",
         "1. 索引：{0} 個小節（英文 {1}、中文 {2}），以 BM25 索引英文詞與中文字對"),
        ("{0} distinct terms; an average section has {1} terms", "{0} 個不同的詞項；平均每節 {1} 個詞項"),
        ("2. Retrieve for {0} labeled questions: is the answering section among the first k?", "2. 為 {0} 個標註好的問題檢索：回答它的那一節在前 k 名嗎？"),
        ("questions", "問題"), ("count", "題數"),
        ("{0} questions miss the top 5; the first: \"{1}\" (labeled {2} §{3})", "{0} 個問題沒進前 5 名；第一個是「{1}」（標註為 {2} §{3}）"),
        ("3. One question end to end: \"{0}\"", "3. 一個問題從頭到尾：「{0}」"),
        ("[{0}] {1} › {2} (score {3})", "[{0}] {1} › {2}（分數 {3}）"),
        ("extractive answer (the best sentence of the top sections): {0}", "擷取式答案（前幾節中最好的句子）：{0}"),
        ("a prompt for a model: {0} sources in {1} of 300 terms, each numbered for citation", "給模型的提示：{0} 個來源，用了 300 個詞項中的 {1} 個，每個都編號以便引用"),
        ("1. The pieces: a bi-encoder and a translation lexicon, both learned from the lessons", "1. 零件：一個雙編碼器與一本翻譯詞典，都從課文學來"),
        ("lexicon: {0} terms with a partner in the other language (Dice ≥ 0.3 over {1} aligned sections)",
         "詞典：{0} 個詞項在另一種語言中有夥伴（在 {1} 對對齊的小節上 Dice ≥ 0.3）"),
        ("best partners (Dice)", "最佳夥伴（Dice）"),
        ("2. One technique at a time, {0} questions, top 5", "2. 一次一種技巧，{0} 個問題，取前 5 名"),
        ("scoring", "評分中"), ("technique", "技巧"), ("{0} questions in {1}:", "{1} 的 {0} 個問題："),
        ("BM25 only", "僅 BM25"), ("dense (bi-encoder)", "稠密（雙編碼器）"), ("hybrid (BM25 + dense, RRF)", "混合（BM25 + 稠密，RRF）"),
        ("BM25 + query expansion", "BM25 + 查詢擴充"), ("BM25 + rerank (MaxSim)", "BM25 + 重新排序（MaxSim）"),
        ("hybrid + expansion", "混合 + 擴充"), ("everything", "全部一起"),
        ("Read the table by rows against BM25's: a technique earns its place only where it moves these numbers.",
         "逐列和 BM25 那一列比較：一種技巧只有在推動這些數字時，才值得留下。"),
    ]
}
