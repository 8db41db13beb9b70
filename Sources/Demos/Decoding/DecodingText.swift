/// The decoding demos' lines and figure labels in Traditional Chinese (Taiwan), keyed by their
/// English text (see ``DemoText``). Tokens, sampler labels and model names stay as written.
enum DecodingText {
    static let pairs: [(String, String)] = greedy + beams + samplers + speculative

    static let greedy: [(String, String)] = [
        ("prompt: \"{0}\" → {1} tokens; model: gpt2-tiny (random weights, vocabulary 384). Tokens that are only part of a UTF-8 character are shown as hex bytes, e.g. <e5 ad>.",
         "提示：「{0}」→ {1} 個詞元；模型：gpt2-tiny（隨機權重，詞彙量 384）。只占一個 UTF-8 字元一部分的詞元以十六進位位元組顯示，例如 <e5 ad>。"),
        ("Greedy: always the most likely token", "貪婪解碼：永遠選機率最高的詞元"),
        ("The same token {0} times in a row ({1}): once a token makes itself the most likely next token, greedy decoding can never leave the loop.",
         "同一個詞元連續出現 {0} 次（{1}）：一旦某個詞元讓自己成為最可能的下一個詞元，貪婪解碼就永遠跳不出這個迴圈。"),
        ("A repetition penalty of 1.3", "重複懲罰 1.3"),
        ("distinct new tokens: greedy {0}, penalized {1} of 16", "不重複的新詞元：貪婪 {0} 個，加懲罰後 {1} 個（共 16 個）"),
        ("Sampling with temperature 0.8 and top-p 0.9, streamed", "以溫度 0.8、top-p 0.9 取樣，逐步串流輸出"),
        ("seed {0} ({1} distinct): ", "種子 {0}（{1} 個不重複）："),
        ("Each · is where the streamer wrote: whole characters only, as soon as a token arrives (bytes that never form a character show as �).",
         "每個 · 是串流器寫出的位置：詞元一到就寫，但只寫完整的字元（始終湊不成字元的位元組顯示為 �）。"),
    ]

    static let beams: [(String, String)] = [
        ("Beam search, 3 beams, 4 new tokens", "集束搜尋：3 條集束，4 個新詞元"),
        ("Each step scores every continuation of every beam, keeps the best 2×3 as candidates, and carries the best 3 forward. Numbers are cumulative log-probabilities.",
         "每一步為每條集束的每種接續打分數，留下最好的 2×3 個當候選，再把最好的 3 個帶到下一步。數字是累積的對數機率。"),
        ("beam search: 3 beams, 4 steps", "集束搜尋：3 條集束，4 步"),
        ("Returned sequences", "傳回的序列"),
        ("rank", "名次"), ("new tokens", "新詞元"), ("score = Σ log p / L", "分數 = Σ log p / L"),
        ("Greedy against beams", "貪婪解碼與集束搜尋比較"),
        ("greedy: {0}  Σ log p = {1}", "貪婪：{0}  Σ log p = {1}"),
        ("best beam: Σ log p = {0} — ", "最佳集束：Σ log p = {0} — "),
        ("higher: a less likely first token led to a more likely whole.", "比較高：機率較低的第一個詞元，帶出了機率較高的整句。"),
        ("the same: here the greedy path was also the best one found.", "相同：這裡貪婪的路徑也正是找到的最佳路徑。"),
        ("{0} beam{0| |s}, 8 tokens: Σ log p = {1}, distinct tokens {2}", "{0} 條集束，8 個詞元：Σ log p = {1}，不重複詞元 {2} 個"),
    ]

    static let samplers: [(String, String)] = [
        ("Illustrative next-token scores after \"the cat sat on the\" (ten candidates):", "「the cat sat on the」之後下一個詞元的示意分數（十個候選）："),
        ("{0}: {1} of 10 possible", "{0}：10 個中有 {1} 個可能"),
        ("softmax of the scores", "分數的 softmax"),
        ("The distribution", "原本的分布"),
        ("Summary", "總結"),
        ("transform", "轉換"), ("possible", "可能的詞元"), ("top probability", "最高機率"), ("entropy (nats)", "熵（nats）"),
        ("Sampling follows the transformed distribution", "取樣會依照轉換後的分布"),
        ("frequency", "頻率"),
        ("{0}, {1} draws: χ² = {2} with {3} degrees of freedom (the 0.1 % critical value for {3} degrees of freedom is {4}); filtered tokens were drawn {5} times.",
         "{0}，抽樣 {1} 次：χ² = {2}，自由度 {3}（自由度 {3} 的 0.1 % 臨界值是 {4}）；被濾掉的詞元被抽中 {5} 次。"),
    ]

    static let speculative: [(String, String)] = [
        ("Pair 1: a {0}-layer GPT-2 drafted by its own first layers", "第 1 組：{0} 層的 GPT-2，由它自己的前幾層當草稿模型"),
        ("target: {0} layers, width {1}, GPT-2's random initialization; sampling at temperature 1, {2} new tokens; each time is the best of {3} runs.",
         "目標模型：{0} 層，寬度 {1}，GPT-2 的隨機初始化；以溫度 1 取樣，{2} 個新詞元；每個時間都取 {3} 次執行中最快的一次。"),
        ("target alone: {0} ms for {1} tokens, one forward pass each", "只用目標模型：{1} 個詞元花 {0} ms，每個詞元一次前向傳遞"),
        ("draft {0} layer{0||s}, γ = {1}", "草稿 {0} 層，γ = {1}"),
        ("draft layers", "草稿層數"), ("accepted", "接受率"), ("target passes", "目標模型傳遞次數"),
        ("tokens/pass", "詞元/次"), ("predicted", "預測值"), ("speed-up", "加速"),
        ("predicted tokens/pass = (1 − α^(γ+1)) / (1 − α) for acceptance rate α.", "預測的詞元/次 = (1 − α^(γ+1)) / (1 − α)，α 是接受率。"),
        ("speed-up over the target alone (wall clock, sampling)", "相對於只用目標模型的加速（實際時間，取樣）"),
        ("greedy, draft 1 layer, γ = 4: {0} tokens as the target alone, {1} of guesses accepted",
         "貪婪，草稿 1 層，γ = 4：詞元與只用目標模型時{0}，猜測有 {1} 被接受"),
        ("the same", "相同"), ("DIFFERENT", "不同"),
        ("Pair 2: unrelated models (gpt2-tiny drafting for llama-tiny)", "第 2 組：彼此無關的模型（gpt2-tiny 為 llama-tiny 打草稿）"),
        ("greedy, γ = 4: {0} of guesses accepted; speed-up {1}×; {2} tokens as llama-tiny alone.",
         "貪婪，γ = 4：猜測有 {0} 被接受；加速 {1}×；詞元與只用 llama-tiny 時{2}。"),
        ("A draft that rarely agrees costs its own passes and saves none: speculation pays only when the draft is cheap and usually right. Times are wall clock on this machine and vary between runs.",
         "很少猜對的草稿模型只會多花自己的計算，什麼也省不了：只有草稿便宜又經常猜對時，推測式解碼才划算。時間是這台機器上的實際時間，每次執行都會不同。"),
    ]
}
