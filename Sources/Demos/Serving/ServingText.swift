/// The deployment chapter's demo lines in Traditional Chinese (Taiwan).
enum ServingText {
    static let pairs: [(String, String)] = [
        ("Static vs continuous batching on one workload, the paged KV cache's memory, and a shared prompt prefix",
         "同一批工作的靜態批次與連續批次比較、分頁 KV 快取的記憶體，以及共用的提示前綴"),
        ("model: GPT-2 shape, {0} layers of width {1}, {2} parameters, random weights.",
         "模型：GPT-2 的形狀，{0} 層、寬度 {1}，{2} 個參數，隨機權重。"),
        ("workload: {0} requests arriving together; prompts of {1}–{2} tokens; answers of {3}–{4} tokens, most short, a few long; {5} sequences per step at most.",
         "工作量：{0} 個請求同時抵達；提示 {1}–{2} 個詞元；回答 {3}–{4} 個詞元，大多很短，少數很長；每一步最多 {5} 條序列。"),
        ("Static vs continuous batching", "靜態批次與連續批次"),
        ("serving the workload", "處理工作量中"),
        ("policy", "策略"), ("static", "靜態"), ("continuous", "連續"),
        ("mean batch", "平均批次"), ("mean latency s", "平均延遲 秒"), ("p95 latency s", "p95 延遲 秒"),
        ("Continuous batching served the same {0} tokens {1}× faster: a static batch runs as long as its longest answer while finished slots sit empty, so its batches averaged {2} sequences against {3}.",
         "連續批次以 {1} 倍的速度產生同樣的 {0} 個詞元：靜態批次要等最長的回答結束，已完成的位置只能空著，所以它的批次平均只有 {2} 條序列，連續批次則有 {3} 條。"),
        ("The paged KV cache", "分頁 KV 快取"),
        ("reserved", "預留"),
        ("contiguous: the whole context per slot", "連續配置：每個位置預留整個上下文"),
        ("paged: peak blocks in use", "分頁：使用中區塊的峰值"),
        ("positions", "個位置"),
        ("{0} bytes of keys and values per token; at its peak the paged cache held {1}% of what contiguous reservations would have set aside.",
         "每個詞元的鍵與值佔 {0} 位元組；分頁快取在峰值時，只用了連續預留所需空間的 {1}%。"),
        ("A shared system prompt", "共用的系統提示"),
        ("prefix blocks", "前綴區塊"), ("prompt tokens computed", "計算的提示詞元"), ("positions reused", "重複使用的位置"),
        ("not shared", "不共用"), ("shared", "共用"),
        ("Every prompt starts with the same {0}-token system prompt: with sharing, a request admitted after the first one's prefill adopts its full blocks and computes only its own tokens.",
         "每個提示都以同一段 {0} 個詞元的系統提示開頭：共用時，在第一個請求完成預填之後才進來的請求，會直接沿用它已填滿的區塊，只計算自己的詞元。"),
    ]
}
