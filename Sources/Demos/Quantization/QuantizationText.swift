/// The quantization demos' lines and table headers in Traditional Chinese (Taiwan), keyed by
/// their English text (see ``DemoText``). Format names (F16, Q4_0, GPTQ…), GGUF keys and model
/// names stay as written.
enum QuantizationText {
    static let pairs: [(String, String)] = formats + compare + gguf + mixedBit

    static let formats: [(String, String)] = [
        ("One number, four formats", "同一個數，四種格式"),
        ("format", "格式"), ("sign exponent mantissa", "符號 指數 尾數"), ("stored as", "實際存成"),
        ("FP16 spends 5 bits on the exponent and overflows past 65504; BF16 keeps FP32's 8 and drops precision instead.",
         "FP16 只用 5 個位元存指數，超過 65504 就溢位；BF16 保留 FP32 的 8 個指數位元，改為犧牲精度。"),
        ("Absmax and zero-point int8 on a small vector", "在一個小向量上做 absmax 與零點 int8 量化"),
        ("values", "數值"), ("absmax codes", "absmax 代碼"), ("zero-point codes", "零點代碼"),
        ("absmax: step = 3.2/127, so 0.1 → round(0.1·127/3.2) = 4 → 4·3.2/127 = {0}.",
         "absmax：步長 = 3.2/127，所以 0.1 → round(0.1·127/3.2) = 4 → 4·3.2/127 = {0}。"),
        ("zero-point: step = (3.2 − (−2.1))/255, zero point {0}: the codes use all of −128…127.",
         "零點：步長 = (3.2 − (−2.1))/255，零點 {0}：代碼用滿整個 −128…127。"),
        ("Errors on a real weight matrix (tiny GPT-2, h.0.mlp.c_fc, [192, 48])", "真實權重矩陣上的誤差（tiny GPT-2，h.0.mlp.c_fc，[192, 48]）"),
        ("scheme", "方式"), ("scale per", "縮放單位"), ("tensor", "張量"), ("row", "列"), ("group 16", "每組 16 個"),
        ("fp32 size: {0}. Finer granularity costs a few scales and buys accuracy.", "fp32 大小：{0}。粒度越細，多存幾個縮放係數，換來更高的準確度。"),
        ("Where the 4-bit errors fall (absmax per row)", "4 位元量化的誤差落在哪裡（每列 absmax）"),
        ("count of weights by quantization error x − x̂", "依量化誤差 x − x̂ 統計的權重個數"),
    ]

    static let compare: [(String, String)] = [
        ("held-out text: {0} tokens of the course corpus (last 10% of lines); calibration: {1} × {2} tokens from the first 90%.",
         "保留的測試文字：課程語料中的 {0} 個詞元（最後 10% 的行）；校準資料：取自前 90% 的 {1} × {2} 個詞元。"),
        ("course GPT-2 (trained)", "課程 GPT-2（已訓練）"), ("gpt2-tiny (random)", "gpt2-tiny（隨機權重）"),
        ("llama-tiny (random)", "llama-tiny（隨機權重）"),
        ("FP32", "FP32"), ("RTN int8 (absmax/row)", "RTN int8（每列 absmax）"), ("RTN int4 (per row)", "RTN int4（每列）"),
        ("LLM.int8() (t = 6)", "LLM.int8()（t = 6）"), ("GPTQ 4-bit (per row)", "GPTQ 4 位元（每列）"),
        ("RTN int3 (per row)", "RTN int3（每列）"), ("GPTQ 3-bit (per row)", "GPTQ 3 位元（每列）"),
        ("perplexity", "困惑度"), ("vs FP32", "相對 FP32"),
        ("Sizes count the block layers at the method's bits plus an fp16 scale and a zero point per row or group;",
         "大小的算法：各區塊層以該方法的位元數計，再加上每列或每組一個 fp16 縮放係數和一個零點；"),
        ("embeddings, norms and the output head stay fp32 in every row, as GPTQ leaves them.",
         "嵌入、正規化層和輸出層在每一列都維持 fp32，和 GPTQ 的做法一樣。"),
        ("course GPT-2: {0} parameters pre-trained for {1} steps on the corpus (final loss {2}, {3} s)",
         "課程 GPT-2：{0} 個參數，在語料上預訓練 {1} 步（最終損失 {2}，{3} 秒）"),
    ]

    static let gguf: [(String, String)] = [
        ("Inside a Q4_0 GGUF file of the course GPT-2", "課程 GPT-2 的 Q4_0 GGUF 檔案裡有什麼"),
        ("header: magic \"GGUF\", version {0}, {1} tensors, {2} metadata entries (general.alignment added)",
         "檔頭：魔術字 \"GGUF\"，版本 {0}，{1} 個張量，{2} 筆中繼資料（含補上的 general.alignment）"),
        ("{0} strings", "{0} 個字串"), ("{0} strings, e.g. \"{1}\"", "{0} 個字串，例如 \"{1}\""),
        ("key", "鍵"), ("dims on disk (ne0 first)", "磁碟上的維度（ne0 在前）"), ("type", "型別"), ("bytes", "位元組"),
        ("Norms and biases stay F32 (a matrix whose rows are not whole 32-value blocks would fall back to F16, as",
         "正規化層和偏差維持 F32（列長不是 32 個值整數倍的矩陣會退回 F16，"),
        ("llama.cpp's converter does). One Q4_0 block = 2-byte fp16 scale + 16 bytes of nibbles = 4.5 bits per weight.",
         "和 llama.cpp 的轉換器一樣）。一個 Q4_0 區塊 = 2 位元組 fp16 縮放係數 + 16 位元組的 4 位元碼 = 每個權重 4.5 位元。"),
        ("Round trips: write, read, reload, measure", "來回一趟：寫出、讀入、載回模型、量測"),
        ("exact", "完全相同"), ("matrices as", "矩陣格式"), ("file size", "檔案大小"), ("vs F32", "相對 F32"),
        ("llama-tiny as Q8_0: {0}, keys {1}", "llama-tiny 存成 Q8_0：{0}，鍵 {1}"),
    ]

    static let mixedBit: [(String, String)] = [
        ("Relative output error per layer, % (GPTQ, per row)", "各層的相對輸出誤差，%（GPTQ，每列）"),
        ("error = ‖WX − ŴX‖² / ‖WX‖² on the calibration inputs; one fp16 scale and one zero point per row add (16 + b)/in bits per weight.",
         "誤差 = 校準輸入上的 ‖WX − ŴX‖² / ‖WX‖²；每列一個 fp16 縮放係數和一個零點，讓每個權重多出 (16 + b)/in 位元。"),
        ("Bits chosen per layer at each budget (bits/weight)", "各預算下每層選用的位元數（位元/權重）"),
        ("The greedy upgrade-by-ratio allocation misses the optimum at {0} of these {1} budgets.",
         "依「每位元降低的誤差」逐步升級的貪婪分配，在這 {1} 個預算中有 {0} 個沒找到最佳解。"),
        ("GPTQ 3-bit (uniform)", "GPTQ 3 位元（統一）"), ("GPTQ 4-bit (uniform)", "GPTQ 4 位元（統一）"),
        ("mixed ≤ {0}", "混合 ≤ {0}"),
        ("held-out perplexity vs bits per weight", "保留文字困惑度與每權重位元數"),
        ("bits/weight", "位元/權重"), ("uniform GPTQ", "統一 GPTQ"), ("mixed widths", "混合寬度"),
        ("Held-out perplexity by method", "各方法在保留文字上的困惑度"),
        ("bits/wt", "位元/權重"), ("error %", "誤差 %"),
        ("bits/wt counts the block layers only (codes, scales, zero points); bytes include the fp32 embeddings, norms and head. error % is the share-weighted profile error the allocation minimizes.",
         "位元/權重只計區塊層（代碼、縮放係數、零點）；位元組數含 fp32 的嵌入、正規化層和輸出層。誤差 % 是分配要最小化的、依權重占比加權的剖析誤差。"),
        ("At uniform 3-bit's size: uniform {0}, mixed {1}. At uniform 4-bit's size: uniform {2}, mixed {3}.",
         "和統一 3 位元同樣大小時：統一 {0}，混合 {1}。和統一 4 位元同樣大小時：統一 {2}，混合 {3}。"),
    ]
}
