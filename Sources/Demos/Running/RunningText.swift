/// The running-LLMs demos' words in Traditional Chinese (Taiwan).
enum RunningText {
    static let pairs: [(String, String)] = [
        // structured-output
        ("A JSON schema becomes a regex and a token mask: 0 % valid output becomes 100 %",
         "JSON schema 變成正規表示式與詞元遮罩：有效輸出從 0 % 變成 100 %"),
        ("The schema becomes a regular expression", "schema 變成正規表示式"),
        ("Schema:", "Schema："),
        ("Regex ({0} characters; any match is at most {1} bytes):", "正規表示式（{0} 個字元；任何符合的文字最多 {1} 位元組）："),
        ("Sampling at temperature 1, {0} times each", "以溫度 1 取樣，各 {0} 次"),
        ("with the mask", "加上遮罩"), ("free", "不受限"),
        ("sampling", "取樣"), ("parses", "可解析"), ("fits schema", "符合 schema"), ("tokens", "詞元數"), ("ms/token", "毫秒/詞元"),
        ("First samples (- free, + with the mask):", "前幾個樣本（- 不受限，+ 加上遮罩）："),
        ("The automaton", "自動機"),
        ("NFA states: {0}. DFA states built by these samples: {1} (of a vocabulary of {2} tokens, masks cached for {3} states).",
         "NFA 狀態：{0} 個。這些樣本建出的 DFA 狀態：{1} 個（詞彙表有 {2} 個詞元，已快取 {3} 個狀態的遮罩）。"),
        ("Tokens allowed at the start: {0} ({1})", "一開始允許的詞元：{0} 個（{1}）"),
        ("What the mask costs", "遮罩的成本"),
        ("Vocabulary of {0} tokens: a state's first mask takes {1} ms (one walk per token); afterwards the mask costs {2} ms per step.",
         "詞彙表 {0} 個詞元：一個狀態第一次算遮罩要 {1} 毫秒（每個詞元走一次自動機）；之後每一步的遮罩只要 {2} 毫秒。"),
        // chat-templates
        ("One conversation, five chat templates: the same messages become different token strings",
         "一段對話、五種對話範本：同樣的訊息變成不同的詞元序列"),
        ("The conversation", "對話內容"),
        ("same", "相同"), ("differs", "不同"),
        ("Rendered by each family's template", "用各家族的範本排出的文字"),
        ("family", "家族"), ("characters", "字元數"), ("scaffolding", "格式標記"),
        ("Messages hold {0} characters; the rest is each family's markup. Tokens are counted with the course's 384-token BPE, which has none of these markers as single tokens.",
         "訊息本身有 {0} 個字元，其餘都是各家族的標記。詞元數用課程的 384 詞元 BPE 計算，這些標記在它裡面都不是單一詞元。"),
        ("The scaffolding (each message replaced by ‹role + index›)", "格式骨架（每則訊息換成 ‹角色 + 編號›）"),
        ("The model continues after the last line: each family ends the prompt with its own \"assistant, your turn\" marker, and stops when it writes its end-of-turn token ({0}).",
         "模型從最後一行之後接著寫：每個家族都用自己的「換助理說話」標記結束提示，並在寫出回合結束詞元時停下（{0}）。"),
    ]
}
