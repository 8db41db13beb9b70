/// The prompt-injection demo's lines in Traditional Chinese (Taiwan).
enum PromptInjectionText {
    static let pairs: [(String, String)] = [
        ("A retrieval store with planted notes", "植入了惡意筆記的檢索資料庫"),
        ("store: {0} honest notes (every fact stated two ways) and {1} planted ones, each aimed at one request",
         "資料庫：{0} 則誠實的筆記（每個事實用兩種說法寫一次），以及 {1} 則植入的筆記，每則針對一個請求"),
        ("planted: {0}", "植入的筆記：{0}"),
        ("BM25 ranks the planted note first for {0} of the {1} requests it targets", "在被針對的 {1} 個請求中，BM25 有 {0} 個把植入的筆記排在第一"),
        ("naive model, note as plain text", "天真模型，筆記直接接在後面"),
        ("naive model, note between markers", "天真模型，筆記放在標記之間"),
        ("hierarchy model, note between markers", "階層模型，筆記放在標記之間"),
        ("hierarchy model, the note closes the block, not escaped", "階層模型，筆記自行關閉區塊，未跳脫"),
        ("hierarchy model, the note closes the block, escaped", "階層模型，筆記自行關閉區塊，已跳脫"),
        ("naive model, keyword filter", "天真模型，關鍵字過濾"),
        ("naive model, imperative filter", "天真模型，祈使句過濾"),
        ("naive model, payload mid-sentence", "天真模型，指令藏在句子中間"),
        ("naive model, imperative filter, payload mid-sentence", "天真模型，祈使句過濾，指令藏在句子中間"),
        ("What each defense stops ({0} requests)", "每種防禦擋下了什麼（{0} 個請求）"),
        ("asking the models", "詢問模型"),
        ("setup", "設定"),
        ("attacks that work", "成功的攻擊"),
        ("honest questions answered", "答對的正常問題"),
        ("attacks that work, % (setups as numbered in the table)", "成功的攻擊，%（設定編號同上表）"),
        ("honest notes the filters drop: keyword {0}, imperative {1}", "過濾器誤刪的誠實筆記：關鍵字 {0}，祈使句 {1}"),
        ("Two models tuned on the same facts", "用相同事實微調的兩個模型"),
        ("tuning the {0} model", "微調 {0} 模型"),
        ("{0}: {1} steps ({2} s; cached after the first run)", "{0}：{1} 步（{2} 秒；第一次執行後會快取）"),
    ]
}
