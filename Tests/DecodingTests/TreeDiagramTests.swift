import Figures
import Foundation
import Testing

@Suite("Tree diagram")
struct TreeDiagramTests {
    static let tree = TreeDiagram(title: "beams", root: .init(label: "root", children: [
        .init(label: "a", note: "-0.5", kind: .chosen, children: [
            .init(label: "b", note: "-1.0", kind: .finished),
            .init(label: "c", note: "-2.0", kind: .pruned),
        ]),
        .init(label: "d", note: "-3.0", kind: .pruned),
    ]))

    @Test func terminalDrawsBranchesAndMarks() {
        let lines = Self.tree.terminal(color: false).split(separator: "\n").map(String.init)
        #expect(lines == ["beams", "root", "├─ a -0.5 ●", "│  ├─ b -1.0 ★", "│  └─ c -2.0 ✗", "└─ d -3.0 ✗",
                          "● kept   ★ finished   ✗ pruned"])
        #expect(!Self.tree.terminal(color: false).contains("\u{1B}"))
        #expect(Self.tree.terminal(color: true).contains("\u{1B}"))
    }

    @Test func svgHasOneLabelPerNodeAndOneEdgePerChild() {
        let svg = Self.tree.svg()
        #expect(svg.components(separatedBy: "<text class=\"label\"").count - 1 == 5)
        #expect(svg.components(separatedBy: "<path class=\"axis\"").count - 1 == 4)
        #expect(svg.hasPrefix("<svg") && svg.hasSuffix("</svg>\n"))
    }
}
