/// The model-merging demo's lines and labels in Traditional Chinese (Taiwan), keyed by their
/// English text (see ``DemoText``). Method names follow the lesson (線性平均、任務算術);
/// SLERP, TIES and DARE stay as written.
enum MergingText {
    static let pairs: [(String, String)] = [
        ("Merge an adding and a capitalizing fine-tune of one tiny GPT five ways: which merges keep both skills",
         "把同一個小 GPT 的兩個微調版本（一個學加法、一個學轉成大寫）用五種方法合併：哪些合併保住兩種技能"),
        ("Two fine-tunes of one base model", "同一個基礎模型的兩個微調版本"),
        ("sum", "加法"), ("capitals", "大寫"),
        ("{0}: fine-tuned on {1} \"{0}\" instructions only, {2} steps ({3} s)",
         "{0}：只用 {1} 條「{0}」指令微調 {2} 步（{3} 秒）"),
        ("held-out facts, never in an instruction, each asked three ways: {0} {1} and {2} {3} questions",
         "保留的事實從未出現在任何指令中，每個都用三種問法：{1} {0} 題、{3} {2} 題"),
        ("task vectors: cosine {0}; where both moved a weight clearly, they pushed it opposite ways {1} of the time",
         "任務向量：餘弦相似度 {0}；在兩者都明顯改動的權重中，有 {1} 被推往相反方向"),
        ("Five merges, scored on both skills", "五種合併，兩種技能各自評分"),
        ("base model", "基礎模型"), ("fine-tune: {0}", "微調：{0}"),
        ("linear 0.5/0.5", "線性平均 0.5/0.5"), ("SLERP t = 0.5", "SLERP t = 0.5"), ("task arithmetic", "任務算術"),
        ("TIES density 0.3", "TIES 密度 0.3"), ("DARE density 0.3", "DARE 密度 0.3"),
        ("model", "模型"), ("both (mean)", "兩者（平均）"), ("fine-tunes", "微調版本"), ("merges", "合併結果"),
        ("(exact match on held-out facts; the merges use no training and no data)",
         "（保留事實上的完全比對；合併不需要訓練，也不需要資料）"),
        ("each model's two skills", "每個模型的兩種技能"),
        ("{0} exact match", "{0}的完全比對"),
        ("Sliding from one fine-tune to the other", "從一個微調版本滑向另一個"),
        ("linear merge (1 − t)·{0} + t·{1}", "線性合併 (1 − t)·{0} + t·{1}"),
    ]
}
