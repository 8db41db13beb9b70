/// The model-merging demo's lines and labels in Traditional Chinese (Taiwan), keyed by their
/// English text (see ``DemoText``). Method names follow the lesson (線性平均、任務算術);
/// SLERP, TIES and DARE stay as written.
enum MergingText {
    static let pairs: [(String, String)] = [
        ("Merge a word-reversing and a capitalizing fine-tune of one tiny GPT five ways: which merges keep both skills",
         "把同一個小 GPT 的兩個微調版本（一個學反轉單字、一個學轉成大寫）用五種方法合併：哪些合併保住兩種技能"),
        ("Two fine-tunes of one base model", "同一個基礎模型的兩個微調版本"),
        ("reverse", "反轉"), ("capitals", "大寫"),
        ("{0}: fine-tuned on {1} \"{0}\" instructions only, {2} steps ({3} s)",
         "{0}：只用 {1} 條「{0}」指令微調 {2} 步（{3} 秒）"),
        ("held-out facts: {0} questions per skill ({1} words, each asked three ways), never in an instruction",
         "保留的事實：每種技能 {0} 題（{1} 個單字，各用三種問法），從未出現在任何指令中"),
        ("task vectors: cosine {0}; where both moved a weight clearly, they pushed it opposite ways {1} of the time",
         "任務向量：餘弦相似度 {0}；在兩者都明顯改動的權重中，有 {1} 被推往相反方向"),
        ("Five merges, scored on both skills", "五種合併，兩種技能各自評分"),
        ("base model", "基礎模型"), ("fine-tune: reverse", "微調：反轉"), ("fine-tune: capitals", "微調：大寫"),
        ("linear 0.5/0.5", "線性平均 0.5/0.5"), ("SLERP t = 0.5", "SLERP t = 0.5"), ("task arithmetic", "任務算術"),
        ("TIES density 0.3", "TIES 密度 0.3"), ("DARE density 0.3", "DARE 密度 0.3"),
        ("model", "模型"), ("both (mean)", "兩者（平均）"),
        ("(exact match on held-out facts; the merges use no training and no data)",
         "（保留事實上的完全比對；合併不需要訓練，也不需要資料）"),
        ("each model's two skills", "每個模型的兩種技能"),
        ("reverse exact match", "反轉的完全比對"), ("capitals exact match", "大寫的完全比對"),
        ("Sliding from one fine-tune to the other", "從一個微調版本滑向另一個"),
        ("linear merge (1 − t)·reverse + t·capitals", "線性合併 (1 − t)·反轉 + t·大寫"),
    ]
}
