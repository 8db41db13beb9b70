/// The data-quality demo's lines and labels in Traditional Chinese (Taiwan), keyed by their
/// English text (see ``DemoText``). Terms follow the lesson: 語言辨識、困惑度、拒絕取樣、資料混合.
enum DataQualityText {
    static let pairs: [(String, String)] = [
        ("raw (unfiltered)", "原始（未過濾）"), ("filtered", "過濾後"), ("filtered + synthetic", "過濾後 + 合成"), ("filtered + synthetic, mixed", "過濾後 + 合成，混合後"),
        ("Raw instructions with junk", "混有垃圾的原始指令"),
        ("{0} generated instructions: {1} with a wrong or empty answer, {2} asked in Spanish or German, {3} with an over-long answer repeating itself",
         "產生 {0} 筆指令：{1} 筆答案錯誤或空白，{2} 筆用西班牙文或德文提問，{3} 筆答案過長、不斷重複"),
        ("Filters one after another (none of them knows the true answers)", "依序套用過濾器（沒有一個知道正確答案）"),
        ("scoring answers with the base model", "用基礎模型為答案評分"),
        ("filter", "過濾器"), ("kept", "保留"), ("still wrong", "仍錯誤"), ("still foreign", "仍為外語"),
        ("raw", "原始"), ("language ID: instruction is English", "語言辨識：指令是英文"),
        ("length: non-empty, ≤ 16 characters", "長度：非空白、≤ 16 個字元"), ("exact duplicates", "完全重複"),
        ("perplexity ≤ the {0} quantile", "困惑度 ≤ {0} 分位數"),
        ("language ID (character 1–3-grams, naive Bayes): {0} foreign instructions let through, {1} English ones dropped",
         "語言辨識（字元 1–3-gram、單純貝氏）：放過 {0} 筆外語指令，誤刪 {1} 筆英文指令"),
        ("English taken for foreign: {0}", "被當成外語的英文：{0}"),
        ("perplexity cut: mean NLL {0} nats per character (perplexity {1})", "困惑度門檻：每字元平均負對數概似 {0} nats（困惑度 {1}）"),
        ("keep quantile", "保留分位數"), ("perplexity cut", "困惑度門檻"), ("right ones lost", "誤刪的正確答案"),
        ("most surprising: {0} → {1} (perplexity {2})", "最出乎意料：{0} → {1}（困惑度 {2}）"),
        ("Synthetic answers by rejection sampling", "用拒絕取樣合成答案"),
        ("facts", "事實數"), ("drawn", "抽樣數"), ("passed", "通過數"), ("acceptance", "接受率"), ("facts with none", "全被拒的事實"),
        ("acceptance rate {0}: {1} draws per verified answer; {2} facts got no answer at all",
         "接受率 {0}：每得到一個驗證過的答案要抽 {1} 次；{2} 個事實完全沒有答案"),
        ("Mixing the tasks: p ∝ n^α", "混合任務：p ∝ n^α"),
        ("{0} draws at α = 0.5: shares {1} (weights {2})", "以 α = 0.5 抽 {0} 筆：實際占比 {1}（權重 {2}）"),
        ("Fine-tuning the base model on each set ({0} steps, batch 16)", "在每一組資料上微調基礎模型（{0} 步，批次 16）"),
        ("training set", "訓練集"), ("not the true answer", "非正確答案"),
        ("held out: {0} questions (every phrasing of the facts no instruction mentions)", "保留集：{0} 題（沒有任何指令提到的事實，每種問法各一題）"),
    ]
}
