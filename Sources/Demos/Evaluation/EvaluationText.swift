/// The evaluation demo's lines and labels in Traditional Chinese (Taiwan), keyed by their English
/// text (see ``DemoText``). Metric names (acc, acc_norm, pass@k, BLEU, ROUGE-L) stay as written.
enum EvaluationText {
    static let pairs: [(String, String)] = judge + [
        ("A four-way multiple-choice benchmark, scored by log-likelihood", "四選一的選擇題基準，以對數概似度評分"),
        ("{0} questions, one per fact; for example {1} with choices {2}", "共 {0} 題，每個事實一題；例如 {1}，選項為 {2}"),
        ("scoring choices", "為選項評分"),
        ("task", "任務"), ("questions", "題數"), ("chance", "亂猜"), ("all", "全部"),
        ("acc and acc_norm disagree on {0}: acc picks {1}, acc_norm picks {2}; the answer is {3}",
         "acc 與 acc_norm 在 {0} 意見不同：acc 選 {1}，acc_norm 選 {2}；正確答案是 {3}"),
        ("pass@k: sampling the sums at temperature 1", "pass@k：以溫度 1 對加法題取樣"),
        ("sampling answers", "取樣答案"),
        ("{0} sums, {1} samples each; greedy decoding gets {2} right ({3})", "{0} 題加法，每題取樣 {1} 次；貪婪解碼答對 {2} 題（{3}）"),
        ("pass@k on the sums", "加法題的 pass@k"),
        ("BLEU and ROUGE-L of the model's sentences, beside exact match", "模型句子的 BLEU 與 ROUGE-L，對照完全比對"),
        ("metric", "指標"), ("score", "分數"), ("exact match", "完全比對"),
        ("a wrong sentence can still score well: {0} against {1} has BLEU {2}", "錯的句子也可能拿高分：{0} 對照 {1}，BLEU 為 {2}"),
        ("Contamination: is the benchmark in the training text?", "資料污染：基準的題目是否就在訓練文字裡？"),
        ("items", "項目"), ("count", "個數"), ("share with ≥ half their 4-grams in training", "至少一半 4-gram 出現在訓練資料中的比例"),
        ("the benchmark's facts", "基準的事實"), ("new sentences", "新句子"),
        ("Every benchmark fact is stated in the pre-training text, so these scores measure memory, not reasoning.",
         "基準裡的每個事實都寫在預訓練文字中，所以這些分數量的是記憶，不是推理。"),
        ("Score a tiny model on a multiple-choice benchmark (acc, acc_norm), with pass@k, BLEU and ROUGE-L, and check contamination",
         "替小型模型打分：選擇題基準（acc、acc_norm）、pass@k、BLEU 與 ROUGE-L，並檢查資料污染"),
    ]

    /// The llm-judge demo.
    static let judge: [(String, String)] = [
        ("{0} pairs of a right and a wrong ending; the judge is asked which is correct, in both orders",
         "{0} 組一對一錯的結尾；請評審判斷哪個正確，兩種順序各問一次"),
        ("judging", "評審中"), ("measure", "量測"), ("value", "數值"),
        ("judge accuracy, right answer shown as A", "評審準確率，正確答案放在 A"),
        ("judge accuracy, right answer shown as B", "評審準確率，正確答案放在 B"),
        ("verdicts that went to position A", "判給 A 位置的比例"),
        ("pairs with the same winner in both orders", "兩種順序勝者相同的配對比例"),
        ("swap rule: right / tie", "交換規則：正確 / 平手"),
        ("the same model scoring the two endings by likelihood", "同一模型以概似度為兩個結尾評分"),
        ("An unbiased judge gives position A half of the verdicts; this one gives it {0}.",
         "沒有偏誤的評審會把一半的判決給 A 位置；這個評審給了 {0}。"),
    ]
}
