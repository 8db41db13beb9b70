/// The `loss-landscape` demo's lines and figure labels in Traditional Chinese (Taiwan), part of
/// ``TransformersText``. Terms follow the pre-training lesson (損失地形、濾波器正規化、尖銳度、保留).
extension TransformersText {
    static let lossLandscape: [(String, String)] = [
        ("Two solutions of one model", "同一個模型的兩個解"),
        ("GPT-2 with {0} layers, width {1}, {2} parameters, trained on the generated sums of `pretrain` from the same random start, twice on the same number of windows of {6} tokens: {3} steps of {4} windows and {8} steps of {5} windows, the same peak learning rate {7}.",
         "GPT-2，{0} 層、寬度 {1}、{2} 個參數，從同一個隨機起點在 `pretrain` 產生的加法題上訓練兩次，兩次看過的視窗數相同，每個視窗 {6} 個詞元：{3} 步、每步 {4} 個視窗，以及 {8} 步、每步 {5} 個視窗，峰值學習率都是 {7}。"),
        ("solution", "解"), ("batch", "批次"), ("steps", "步數"), ("train loss", "訓練損失"), ("held-out loss", "保留損失"), ("seconds", "秒"),
        ("small batch", "小批次"), ("large batch", "大批次"),
        ("Both losses are means over a fixed set of {0} windows: from the training text and from fresh lines the model never saw. The held-out set is also the loss every landscape below is measured on.",
         "兩個損失都是固定 {0} 個視窗上的平均：一組來自訓練文字，一組來自模型從沒看過的新文字。下面每一張地形圖量的也都是這組保留視窗上的損失。"),
        ("Filter-normalized directions", "濾波器正規化的方向"),
        ("Two Gaussian directions δ and η (seeds {0} and {1}, the same draws for both models), each row of each weight matrix rescaled to the length of the weight row it moves; biases and LayerNorm gains get 0. So α = 1 moves every row by its own length, whatever its scale.",
         "兩個高斯隨機方向 δ 和 η（種子 {0} 與 {1}，兩個模型用同樣的抽樣），每個權重矩陣的每一列都縮放成它所移動的那列權重的長度；偏差和 LayerNorm 增益的方向是 0。所以不論尺度大小，α = 1 都讓每一列移動它自己的長度。"),
        ("Held-out loss along δ: L(θ* + α·δ)", "沿 δ 的保留損失：L(θ* + α·δ)"),
        ("loss", "損失"),
        ("The landscape in two directions", "兩個方向上的地形"),
        ("The rise of the held-out loss above the trained point on a {0} × {0} grid, α and β from {1} to {2}; both maps use the same levels, so a band means the same rise in both.",
         "在 {0} × {0} 的網格上，保留損失比訓練好的那一點高出多少，α 和 β 從 {1} 到 {2}；兩張圖用同樣的等高線，所以同一個色帶在兩張圖裡代表同樣的上升。"),
        ("Loss rise around the {0} solution", "{0}解周圍的損失上升"),
        ("levels of the rise", "上升量的等高線"),
        ("Sharpness", "尖銳度"),
        ("rise r={0}", "上升 r={0}"),
        ("f''(0) is the curvature of the slice at α = 0 (second difference, step {0}); the rise is the mean loss on the circle of radius r in the (δ, η) plane minus the loss at its center. Both are in filter-normalized units, so they compare these two solutions of one architecture, nothing more.",
         "f''(0) 是切面在 α = 0 的曲率（二階差分，步長 {0}）；上升量是 (δ, η) 平面上半徑 r 的圓上平均損失減去圓心的損失。兩者都以濾波器正規化的單位計算，所以只能比較同一個架構的這兩個解，僅此而已。"),
        ("loss-landscape: held-out loss {0} (small batch) and {1} (large batch); rise at r={2}: {3} and {4}",
         "loss-landscape：保留損失 {0}（小批次）與 {1}（大批次）；r={2} 的上升：{3} 與 {4}"),
    ]
}
