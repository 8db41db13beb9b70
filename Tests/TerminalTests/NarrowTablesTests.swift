import Console
import Course
@testable import Terminal
import Testing

/// Tables narrower than their natural width: prose columns wrap at spaces or between
/// ideographs, short numeric cells stay whole, and double-width characters are counted as two.
@Suite("Narrow tables")
struct NarrowTablesTests {
    static let table = """
    | 解碼方式 | 草稿模型 | γ | 接受率 | 每次目標計算產生的詞元 | 加速倍數 |
    |---|---|--:|--:|--:|--:|
    | 取樣 | 第一層 | 2 | 0.83 | 2.67 | 1.55–1.63× |
    | 貪婪 | 前三層 | 4 | 0.93 | 4.57 | 1.23–1.49× |
    """

    func render(_ markdown: String, width: Int) -> String {
        MarkdownRenderer(options: RenderOptions(width: width)).render(MarkdownParser.parse(markdown))
    }

    @Test func chineseTableAtSixtyColumnsKeepsNumbersWhole() {
        #expect(render(Self.table, width: 60) == """
        ┌──────────┬──────────┬───┬────────┬──────────┬────────────┐
        │ 解碼方式 │ 草稿模型 │ γ │ 接受率 │ 每次目標 │   加速倍數 │
        │          │          │   │        │ 計算產生 │            │
        │          │          │   │        │   的詞元 │            │
        ├──────────┼──────────┼───┼────────┼──────────┼────────────┤
        │ 取樣     │ 第一層   │ 2 │   0.83 │     2.67 │ 1.55–1.63× │
        │ 貪婪     │ 前三層   │ 4 │   0.93 │     4.57 │ 1.23–1.49× │
        └──────────┴──────────┴───┴────────┴──────────┴────────────┘
        """)
        for line in render(Self.table, width: 60).split(separator: "\n") {
            #expect(DisplayWidth.of(String(line)) == 60)
        }
    }

    @Test func proseColumnsWrapAtSpaces() {
        let english = """
        | Method | Notes | Speed-up |
        |---|---|--:|
        | greedy | the output is identical to the target model's own tokens | 1.56–1.85× |
        """
        #expect(render(english, width: 40) == """
        ┌────────┬────────────────┬────────────┐
        │ Method │ Notes          │   Speed-up │
        ├────────┼────────────────┼────────────┤
        │ greedy │ the output is  │ 1.56–1.85× │
        │        │ identical to   │            │
        │        │ the target     │            │
        │        │ model's own    │            │
        │        │ tokens         │            │
        └────────┴────────────────┴────────────┘
        """)
    }

    @Test func widthsShrinkTheWidestWrappableColumnFirst() {
        let cells: [[[StyledRun]]] = [[[StyledRun("a few words of prose here")], [StyledRun("12345.678")]]]
        #expect(TableRenderer.columnWidths(cells: cells, columns: 2, room: 20) == [11, 9])
        // Nothing can wrap any more: the widest column is cut, never below 3.
        #expect(TableRenderer.columnWidths(cells: cells, columns: 2, room: 10) == [5, 5])
        #expect(TableRenderer.columnWidths(cells: cells, columns: 2, room: 2) == [3, 3])
    }
}
