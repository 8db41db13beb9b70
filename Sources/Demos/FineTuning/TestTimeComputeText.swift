/// The test-time-compute demo's lines and labels in Traditional Chinese (Taiwan), keyed by their
/// English text (see ``DemoText``). Method names follow the lesson (多數決、驗證器、對數概似度);
/// RLOO, GRPO, pass@n and the formulas stay as written.
enum TestTimeComputeText {
    static let pairs: [(String, String)] = [
        ("More samples per question: three ways to pick one answer", "每題多取樣幾次：從中選出一個答案的三種方法"),
        ("{0} sums \"a plus b is\", {1} answers sampled for each at temperature 1; greedy decoding gets {2} of them right",
         "{0} 題「a plus b is」形式的加法，每題以溫度 1 取樣 {1} 個答案；貪婪解碼答對其中的 {2}"),
        ("best-of-n (log-likelihood)", "n 選一（對數概似度）"),
        ("majority vote", "多數決"), ("best-of-n", "n 選一"), ("verifier", "驗證器"),
        ("verifier (exact checker)", "驗證器（精確檢查）"),
        ("At n = 1 the three agree: one sample is all there is to choose from.", "n = 1 時三者相同：只有一個樣本可選。"),
        ("The verifier is right whenever any of the n samples is (its accuracy is pass@n); when none passes it falls back to the majority.",
         "只要 n 個樣本中有任何一個是對的，驗證器就答對（它的準確率就是 pass@n）；沒有樣本通過時，它退回多數決。"),
        ("The right sum is the most frequent of all {0} answers for {1} of the {2} sums: more votes make the most frequent answer win, right or wrong.",
         "{2} 題加法中，有 {1} 題的正確和是全部 {0} 個答案裡出現最多次的：票數越多，出現最多次的答案就越穩定勝出，不論對錯。"),
        ("accuracy on the sums against samples per question", "加法題的準確率與每題樣本數的關係"),
        ("One group of {0} sampled answers: GRPO's advantages beside leave-one-out's", "一組 {0} 個取樣答案：GRPO 的優勢值對照留一法的優勢值"),
        ("prompt {0}, reward 1 for the right sum ({1}) and 0 otherwise", "提示 {0}：答對和（{1}）得獎勵 1，否則為 0"),
        ("sample", "樣本"), ("answer", "答案"),
        ("mean reward {0}, std {1} (unbiased, divide by G − 1); each GRPO advantage is RLOO's × (G − 1)/(G·(std + ε)) = {2}",
         "平均獎勵 {0}，標準差 {1}（不偏估計，除以 G − 1）；每個 GRPO 優勢值都是 RLOO 的值乘上 (G − 1)/(G·(std + ε)) = {2}"),
        ("every reward in this group is {0}: both ways give every sample advantage 0", "這一組的獎勵全是 {0}：兩種算法給每個樣本的優勢值都是 0"),
        ("{0} of the {1} sums' groups of {2} are all right or all wrong: every advantage there is 0 and the group teaches nothing",
         "{1} 題加法中，有 {0} 題的 {2} 個樣本全對或全錯：這些組的優勢值全是 0，什麼也學不到"),
        ("Spend samples at inference on sums: best-of-n by likelihood, majority vote and a verifier; GRPO advantages beside RLOO's",
         "在推論時多花樣本解加法：依概似度 n 選一、多數決與驗證器；並對照 GRPO 與 RLOO 的優勢值"),
    ]
}
