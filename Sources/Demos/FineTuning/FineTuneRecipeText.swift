/// The finetune-recipe demo's lines in Traditional Chinese (Taiwan). Recipe keys stay as written.
enum FineTuneRecipeText {
    static let pairs: [(String, String)] = [
        ("The recipe", "配方"),
        ("finetune.yaml ({0} records in instructions.jsonl, base = the chapter's pre-trained tiny GPT):",
         "finetune.yaml（instructions.jsonl 有 {0} 筆紀錄，基底 = 本章預訓練的迷你 GPT）："),
        ("The run", "執行"),
        ("{0} training and {1} validation examples; {2} steps of {3}", "訓練 {0} 筆、驗證 {1} 筆；{2} 步，每步 {3} 筆"),
        ("trainable: {0} of {1} parameters ({2})", "可訓練：{1} 個參數中的 {0} 個（{2}）"),
        ("fine-tuning", "微調中"),
        ("before", "微調前"),
        ("after {0} steps ({1} s)", "{0} 步之後（{1} 秒）"),
        ("(held-out: {0} facts the base model read as sentences, never as instructions)",
         "（保留題：{0} 條事實，基底模型只以句子讀過，從未以指令形式見過）"),
        ("The adapter", "轉接器"),
        ("written: {0}", "已寫入：{0}"),
        ("reloaded into a fresh copy of the base: max |Δlogit| = {0}, exact match {1}",
         "重新載入到基底的新副本：最大 |Δlogit| = {0}，完全一致率 {1}"),
        ("Mistakes are refused before training", "錯誤在訓練前就被擋下"),
    ]
}
