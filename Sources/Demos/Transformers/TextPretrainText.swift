/// The `pretrain-text` demo's lines and figure labels in Traditional Chinese (Taiwan), part of
/// ``TransformersText``. Lines it shares with `pretrain` (the model, the schedule, the training
/// headers) are translated in ``TransformersText/pretrain``. Terms follow the pre-training
/// lesson (字元、困惑度、保留的課文).
extension TransformersText {
    static let pretrainText: [(String, String)] = [
        ("The text", "文字"),
        ("The course's own lessons, English and Chinese, without their code blocks: {0} characters from {1} lessons for training, {2} characters from {3} held out ({4}, both languages). The split is by lesson, so the model is scored on text it has never read, not even in translation.",
         "課程自己的課文，英文與中文，去掉程式碼區塊：訓練用的是 {1} 課共 {0} 個字元，保留 {3} 課共 {2} 個字元（{4}，兩種語言都保留）。切分以課為單位，所以模型受評的文字是它從沒讀過的，連譯文都沒讀過。"),
        ("One token per character: the {0} characters that occur at least {1} times in the training text get an id, every rarer one becomes the unknown symbol {2}, id 0 ({3} tokens in all). Unknown: {4} characters of the training text, {5} of the held-out text. Both languages are alike here: a letter and a Chinese character are one token each.",
         "每個字元一個詞元：在訓練文字中出現至少 {1} 次的 {0} 個字元各有一個編號，更少見的一律變成未知符號 {2}，編號 0（總共 {3} 個詞元）。未知字元：訓練文字中有 {4} 個，保留文字中有 {5} 個。兩種語言在這裡一視同仁：一個字母和一個中文字都是一個詞元。"),
        ("Training cuts random windows from one stream of {0} ids, as `pretrain` does with its sums.",
         "訓練時從一條 {0} 個編號的串流中隨機切下視窗，就像 `pretrain` 處理它的加法題一樣。"),
        ("The same PreTrainer as in `pretrain`: AdamW (weight decay {0}), the gradient clipped to norm {1}, the learning rate warmed up to {2} over {3} steps, then a cosine down to {4} at step {5}.",
         "和 `pretrain` 一樣的 PreTrainer：AdamW（權重衰減 {0}），梯度裁剪到範數 {1}，學習率在 {3} 步內暖身到 {2}，接著沿餘弦曲線在第 {5} 步降到 {4}。"),
        ("Quick run: {0} steps of a narrower model only, enough to see every stage but far too few to learn to write. Run `llmcourse run pretrain-text` without --quick for the real thing.",
         "快速執行：只用較窄的模型跑 {0} 步，足以看過每個階段，但遠遠不夠學會寫字。要完整訓練，請不加 --quick 執行 `llmcourse run pretrain-text`。"),
        ("{0} steps; on two free cores this takes a minute or two. A row is printed every {1} steps with the loss on {2} characters spread over the held-out lessons (measured off the clock); at three rows the model continues an English and a Chinese prompt (temperature {3}, after the │).",
         "共 {0} 步；在兩個空閒的核心上約需一兩分鐘。每 {1} 步印出一列，附上分散在保留課文各處、共 {2} 個字元上的損失（不計入訓練時間）；其中三列之後，模型會接續一個英文和一個中文提示（溫度 {3}，接在 │ 之後）。"),
        ("held-out loss", "保留損失"), ("held-out ppl", "保留困惑度"),
        ("Loss (nats per character)", "損失（每字元 nats）"),
        ("held-out lessons", "保留的課文"),
        ("The training curve is measured on the batches the model learns from, the held-out one on lessons it never reads; a gap that kept widening would mean it memorizes its lessons instead of learning to write.",
         "訓練曲線量的是模型正在學習的批次，保留曲線量的是它從沒讀過的課文；如果兩者的差距一直拉大，就表示模型在背它讀過的課文，而不是學會寫字。"),
        ("Held-out perplexity per character", "保留課文上每字元的困惑度"),
        ("loss (nats/char)", "損失（nats/字元）"), ("perplexity", "困惑度"), ("bits/char", "位元/字元"),
        ("uniform over {0} characters", "在 {0} 個字元中均勻亂猜"),
        ("character frequencies only", "只用字元頻率"),
        ("character 5-gram, Kneser-Ney", "字元 5-gram，Kneser-Ney 平滑"),
        ("the trained GPT", "訓練好的 GPT"),
        ("Scored: {0} characters of {1} ({2}), every one after the first, each with at least {3} characters of context (windows of {4} moved by {5}).",
         "評分範圍：{1} 個字元中的 {0} 個（{2}），第一個之後的每個字元都算，每個至少有 {3} 個字元的上下文（長 {4} 的視窗每次移動 {5}）。"),
        ("Scored (quick run): {0} characters of {1} ({2}), in windows of {3} side by side.",
         "評分範圍（快速執行）：{1} 個字元中的 {0} 個（{2}），切成一個接一個、長 {3} 的視窗。"),
        ("Perplexity is exp of the mean loss; bits per character is the mean loss ÷ ln 2. The second row knows only how often each character occurs in training (add-one smoothing): what the transformer gains over it comes from reading the context.",
         "困惑度是平均損失的指數；每字元位元數是平均損失 ÷ ln 2。第二列只知道每個字元在訓練文字中出現的頻率（加一平滑）：Transformer 比它好的部分，來自讀懂上下文。"),
        ("The trained model continuing each prompt (temperature {0}):", "訓練好的模型接續每個提示（溫度 {0}）："),
        ("pretrain-text: {0} steps in {1} s ({2} tokens/s), held-out loss {3} nats/char, perplexity {4}, {5} bits/char",
         "pretrain-text：{0} 步花了 {1} 秒（每秒 {2} 個詞元），保留損失每字元 {3} nats，困惑度 {4}，每字元 {5} 位元"),
    ]
}
