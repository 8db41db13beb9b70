/// The Swift-for-ML demos' lines (`swift-values`, `swift-speed`, `swift-tabular`) and their
/// one-line summaries in Traditional Chinese (Taiwan), keyed by their English text (see
/// ``DemoText``). Code, symbols and numbers stay as written.
enum SwiftForMLText {
    static let pairs: [(String, String)] = summaries + values + speed + tabular

    static let summaries: [(String, String)] = [
        ("Copy-on-write seen through buffer addresses; strides, views and contiguous copies",
         "從緩衝區位址看寫入時複製；步幅、視圖與連續複本"),
        ("A dot product four ways, the triple loop vs BLAS, and a loop on 1 vs 2 threads, timed live",
         "內積的四種寫法、三層迴圈對上 BLAS、迴圈用 1 與 2 條執行緒，當場計時"),
        ("Iris from CSV: split, z-score, linear and logistic regression, metrics, bad input",
         "從 CSV 讀入 Iris：切分、z 分數、線性與邏輯迴歸、評估指標、錯誤輸入"),
    ]

    static let values: [(String, String)] = [
        ("A copy shares the buffer until one side writes", "複本共用同一個緩衝區，直到其中一方寫入"),
        ("let a = Tensor.zeros([{0}, {0}])   ({1} MB of Float)", "let a = Tensor.zeros([{0}, {0}])   （{1} MB 的 Float）"),
        ("var b = a            same buffer as a: {0}", "var b = a            和 a 同一個緩衝區：{0}"),
        ("b[0, 0] = 1          same buffer as a: {0}   ({1}: the write copied {2} MB first)",
         "b[0, 0] = 1          和 a 同一個緩衝區：{0}   （{1}：寫入前先複製了 {2} MB）"),
        ("b[0, 1] = 2          buffer unchanged: {0}   ({1}: b owns it now, no copy)",
         "b[0, 1] = 2          緩衝區沒變：{0}   （{1}：現在 b 獨占它，不必複製）"),
        ("a[0, 0] = {0}, b[0, 0] = {1}: a never saw b's writes.", "a[0, 0] = {0}，b[0, 0] = {1}：a 完全看不到 b 的寫入。"),
        ("A function that only reads its argument gets the same buffer: {0}", "只讀取參數的函式拿到的是同一個緩衝區：{0}"),
        ("An inout argument is written in place, without a copy: {0}", "inout 參數就地寫入，不必複製：{0}"),
        ("yes", "是"), ("no", "否"),
        ("Strides: a transpose is a new view of the same numbers", "步幅：轉置只是同一批數字的新視圖"),
        ("view", "視圖"), ("shape", "形狀"), ("strides", "步幅"), ("offset", "位移"),
        ("elements", "元素"), ("shares m", "與 m 共用"), ("contiguous", "連續"),
        ("Element [i, j] sits at offset + i·stride₀ + j·stride₁; only .contiguous() moved numbers.",
         "元素 [i, j] 位於 offset + i·stride₀ + j·stride₁；只有 .contiguous() 搬動了數字。"),
        ("What a stride costs: summing a {0}×{0} matrix", "步幅的代價：加總一個 {0}×{0} 矩陣"),
        ("walk", "走訪方式"), ("step in memory", "記憶體中的步長"), ("time", "時間"), ("vs row-major", "相對於列優先"),
        ("m, row by row", "m，逐列"), ("mᵀ view, row by row", "mᵀ 視圖，逐列"), ("mᵀ.contiguous(), then sum", "mᵀ.contiguous()，再加總"),
        ("Same numbers, same sum ({0}); jumping {1} floats at a time misses the cache on every read.",
         "同樣的數字、同樣的總和（{0}）；一次跳 {1} 個 float，每次讀取都錯過快取。"),
    ]

    static let speed: [(String, String)] = [
        ("One dot product, four ways (n = {0}, best of {1} runs)", "同一個內積的四種寫法（n = {0}，取 {1} 次中最快的）"),
        ("naive loop", "樸素迴圈"), ("SIMD8", "SIMD8"), ("unsafe buffer", "unsafe 緩衝區"), ("BLAS sdot", "BLAS sdot"),
        ("way", "寫法"), ("result", "結果"), ("error", "誤差"), ("speed-up", "加速"),
        ("Exact (Double) value {0}. Each way adds in a different order, so the last digits differ.",
         "精確（Double）值為 {0}。每種寫法相加的順序不同，所以最後幾位數不一樣。"),
        ("Matrix multiply: the triple loop vs BLAS sgemm ({0} BLAS threads)", "矩陣乘法：三層迴圈對上 BLAS sgemm（BLAS 用 {0} 條執行緒）"),
        ("size", "大小"), ("loop", "迴圈"), ("loop GFLOP/s", "迴圈 GFLOP/s"), ("max |diff|", "最大 |差|"),
        ("Same products, same sums up to rounding. BLAS wins by blocking for the cache and using every SIMD lane; the loop reads B down a column, one cache line per number.",
         "同樣的乘積，除了捨入之外同樣的總和。BLAS 贏在依快取分塊、並用上每一條 SIMD 通道；迴圈沿著 B 的行往下讀，每個數字就要一條快取線。"),
        ("Threads: rows of C split with DispatchQueue.concurrentPerform ({0}×{0})",
         "執行緒：用 DispatchQueue.concurrentPerform 分攤 C 的各列（{0}×{0}）"),
        ("threads", "執行緒數"),
        ("Both give identical numbers: {0}. Cores this machine reports: {1}.", "兩者的數字完全相同：{0}。這台機器回報的核心數：{1}。"),
        ("Nearly twice as fast: the rows are independent, so the threads never wait for each other.",
         "快了將近兩倍：各列互不相干，所以執行緒從不需要互相等待。"),
        ("Short of 2×: other programs running at the same time take part of the cores.",
         "不到 2 倍：同時執行的其他程式占用了部分核心。"),
        ("No gain: other programs kept the cores busy, so the two threads took turns instead of running side by side.",
         "沒有加速：其他程式占滿了核心，兩條執行緒只能輪流執行，無法並肩運作。"),
    ]

    static let tabular: [(String, String)] = [
        ("Could not read {0}: {1}", "無法讀取 {0}：{1}"),
        ("The data could not be used: {0}", "資料無法使用：{0}"),
        ("Data/iris/iris.csv: {0} rows, {1} columns", "Data/iris/iris.csv：{0} 列，{1} 欄"),
        ("column", "欄位"), ("kind", "類型"), ("missing", "缺值"), ("mean", "平均"),
        ("numeric", "數值"), ("categorical", "類別"),
        ("Linear regression: petal_width from the other three", "線性迴歸：用其他三個量預測 petal_width"),
        ("Stratified split with seed {0}: {1} training rows, {2} test rows.", "以種子 {0} 分層切分：{1} 列訓練、{2} 列測試。"),
        ("z-score statistics from the training rows only: μ = {0}, σ = {1}", "z 分數的統計量只取自訓練列：μ = {0}，σ = {1}"),
        ("Normal equations (XᵀX) w = Xᵀy: weights {0}, intercept {1}", "正規方程式 (XᵀX) w = Xᵀy：權重 {0}，截距 {1}"),
        ("test set", "測試集"), ("linear regression", "線性迴歸"), ("always the training mean", "永遠猜訓練集平均"),
        ("Logistic regression: species from all four, softmax over 3 classes", "邏輯迴歸：用全部四個量預測品種，對 3 類做 softmax"),
        ("Gradient descent, rate {0}, λ = 1/n = {1} (scikit-learn's C = 1): loss {2} → {3} in {4} steps",
         "梯度下降，學習率 {0}，λ = 1/n = {1}（相當於 scikit-learn 的 C = 1）：{4} 步內損失 {2} → {3}"),
        ("training loss", "訓練損失"), ("step", "步數"), ("loss", "損失"), ("cross-entropy + L2", "交叉熵 + L2"),
        ("accuracy: training {0}, test {1} ({2} of {3})", "準確率：訓練 {0}，測試 {1}（{3} 個中對 {2} 個）"),
        ("Confusion matrix on the test rows (rows: true species, columns: predicted):", "測試列的混淆矩陣（列：真實品種，欄：預測品種）："),
        ("true \\ predicted", "真實 \\ 預測"),
        ("Broken files: the error names the row and the column", "損壞的檔案：錯誤訊息指出哪一列、哪一欄"),
        ("a missing value", "一個缺值"), ("a row with a field too few", "一列少了一個欄位"),
        ("a number with a decimal comma", "用逗號當小數點的數字"),
        ("{0}: read without error", "{0}：讀取沒有錯誤"), ("{0}:", "{0}："),
        ("{0}: categorical, {1} missing, {2} levels: {3}", "{0}：類別欄，缺值 {1} 個，共 {2} 類：{3}"),
    ]
}
