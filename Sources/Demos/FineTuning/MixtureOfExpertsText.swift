/// The mixture-of-experts demo's lines in Traditional Chinese (Taiwan). "MoE" stays as written.
enum MixtureOfExpertsText {
    static let pairs: [(String, String)] = [
        ("MoE, balancing loss 0.01", "MoE，負載平衡損失 0.01"),
        ("MoE, no balancing loss", "MoE，無負載平衡損失"),
        ("active per token", "每個詞元用到的參數"),
        ("dense", "稠密網路"),
        ("on average {0} of a regime's slots go to its two busiest experts", "平均而言，每個區域有 {0} 的名額分給它最常用的兩個專家"),
        ("share of each regime's slots per expert (balanced router)", "每個區域的名額分給各專家的比例（有負載平衡的路由器）"),
        ("test MSE", "測試 MSE"),
        ("training", "訓練中"),
        ("{0} regimes, each its own map; {1} steps of batch 128 for each model", "{0} 個區域，各有自己的對應函數；每個模型訓練 {1} 步，每批 128 筆"),
        ("{0}: experts used {1} of {2}; the busiest takes {3} of the slots", "{0}：用到 {2} 個專家中的 {1} 個；最忙的專家拿走 {3} 的名額"),
        ("{0}: share of slots per expert", "{0}：各專家分到的名額比例"),
    ]
}
