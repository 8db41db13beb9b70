// Benchmark: how long the terminal renderer takes on a long lesson.
//
//   Scripts/bench/render [lesson.md ...]
//
// With no file it generates a long lesson (English and Chinese prose, lists, Swift code,
// tables, math) so the numbers do not depend on how long today's lessons happen to be.
// For each input it reports the median and spread of 31 runs, rendering at 80 columns both
// plain and in color, and separately the time libcmark takes to parse the text. The CPU
// column is the thread's own CPU time, which stays meaningful when the machine is busy.
import Course
import Foundation
import Terminal

func generatedLesson(sections: Int) -> String {
    var md = "<!-- lesson\nid: long\n-->\n# A long lesson for the renderer benchmark\n\n"
    for s in 1...sections {
        md += """
        ## Section \(s): attention and 注意力

        A transformer reads *every* token at once: **attention** lets each token weigh the others, \
        and the weights come from a softmax over scaled dot products $\\frac{QK^T}{\\sqrt{d}}$. \
        See [the paper](https://arxiv.org/abs/1706.03762) and the [previous lesson](../rag/lesson.md).

        注意力機制讓模型在處理每個詞元時，都能「看見」整段上下文。這是 Transformer 架構的核心，\
        也是大型語言模型（LLM）能理解長文的原因；溫度越低，分布越尖銳，取樣的結果也越穩定。

        1. Compute the scores with `Q · Kᵀ`, then scale them.
        2. Apply softmax row by row:
           - each row sums to one;
           - 每一列的總和為一。
        3. Mix the values with the weights.

        > **Note** 量化把權重從 32 位元浮點數壓成 8 位元整數，記憶體用量少四倍。

        | Method | 位元數 | Memory (7B) | 說明 |
        |:-------|:-----:|------------:|------|
        | fp16 | 16 | 13.5 GB | 原始權重 |
        | int8 absmax | 8 | 6.7 GB | 每個張量一個縮放係數 |
        | Q4_K_M | 4.5 | 4.08 GB | 分組量化，含最小值 |

        ```swift
        /// Scaled dot-product attention for one head.
        func attention(_ q: Tensor, _ k: Tensor, _ v: Tensor) -> Tensor {
            let d = Float(q.shape[1])            // key size
            let scores = q.matmul(k.transposed()) / d.squareRoot()
            return softmax(scores, axis: 1).matmul(v)   // [T, d]
        }
        ```


        """
    }
    return md
}

func median(_ xs: [Double]) -> Double { let s = xs.sorted(); return s[s.count / 2] }

/// CPU time of this thread in milliseconds: on a shared, busy machine it says what the work
/// costs, while wall-clock time also counts the time other processes held the core.
func threadCPUMilliseconds() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
    return Double(ts.tv_sec) * 1e3 + Double(ts.tv_nsec) / 1e6
}

/// Wall-clock and CPU milliseconds of each run.
func measure(_ runs: Int, _ body: () -> Int) -> (wall: [Double], cpu: [Double]) {
    var sink = 0
    var times: [Double] = []
    var cpuTimes: [Double] = []
    for _ in 0..<runs {
        let start = DispatchTime.now().uptimeNanoseconds
        let cpuStart = threadCPUMilliseconds()
        sink &+= body()
        cpuTimes.append(threadCPUMilliseconds() - cpuStart)
        times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
    }
    if sink == -1 { print(sink) }  // keeps the work from being optimized away
    return (times, cpuTimes)
}

var inputs: [(String, String)] = CommandLine.arguments.dropFirst().compactMap { path in
    (try? String(contentsOfFile: path, encoding: .utf8)).map { (path, $0) }
}
if inputs.isEmpty { inputs = [("generated (40 sections)", generatedLesson(sections: 40))] }

print("input                                      lines   KiB  parse ms  plain ms  color ms  color cpu ms  (median of 31; min–max)")
for (name, text) in inputs {
    let doc = MarkdownParser.parse(text)
    let parse = measure(31) { MarkdownParser.parse(text).blocks.count }.wall
    let plain = measure(31) { MarkdownRenderer(options: RenderOptions(width: 80, color: false)).render(doc).utf8.count }.wall
    let (color, colourCPUs) = measure(31) {
        MarkdownRenderer(options: RenderOptions(width: 80, color: true, hyperlinks: true)).render(doc).utf8.count
    }
    let colourCPU = median(colourCPUs)
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).count
    let label = name.count > 40 ? "…" + name.suffix(39) : name
    print(label.padding(toLength: 42, withPad: " ", startingAt: 0),
          String(format: "%6d %5.0f  %8.2f  %8.2f  %9.2f  %13.2f  (plain %.2f–%.2f, color %.2f–%.2f)",
                 lines, Double(text.utf8.count) / 1024, median(parse), median(plain), median(color), colourCPU,
                 plain.min()!, plain.max()!, color.min()!, color.max()!))
}
