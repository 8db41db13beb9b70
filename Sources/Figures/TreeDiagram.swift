/// A tree drawn sideways — beam-search candidates, a parse, a decision path.
///
/// ```swift
/// let tree = TreeDiagram(title: "beam search", root: .init(label: "the cat", children: [
///     .init(label: " sat", note: "−0.7", kind: .chosen, children: [.init(label: " down", note: "−1.1", kind: .finished)]),
///     .init(label: " ran", note: "−2.3", kind: .pruned),
/// ]))
/// print(tree.terminal())
/// // the cat
/// // ├─  sat −0.7 ●
/// // │  └─  down −1.1 ★
/// // └─  ran −2.3 ✗
/// ```
/// In the terminal each level is indented under its parent with box-drawing lines and each
/// node's kind is marked by a symbol (color only adds to it, so NO_COLOR loses nothing). The
/// SVG lays depth out left to right and leaves top to bottom, each parent centered on its children.
public struct TreeDiagram: Sendable {
    public enum Kind: Sendable, Equatable {
        case normal
        /// On the path that was followed or kept (●).
        case chosen
        /// A result (★).
        case finished
        /// Considered and dropped (✗); drawn faded.
        case pruned

        var symbol: String {
            switch self {
            case .normal: ""
            case .chosen: " ●"
            case .finished: " ★"
            case .pruned: " ✗"
            }
        }

        var colourIndex: Int? {
            switch self {
            case .normal: nil
            case .chosen: 0
            case .finished: 1
            case .pruned: nil
            }
        }
    }

    public struct Node: Sendable {
        public var label: String
        /// A short annotation after the label (a score).
        public var note: String
        public var kind: Kind
        public var children: [Node]

        public init(label: String, note: String = "", kind: Kind = .normal, children: [Node] = []) {
            self.label = label
            self.note = note
            self.kind = kind
            self.children = children
        }

        var leafCount: Int { children.isEmpty ? 1 : children.map(\.leafCount).reduce(0, +) }
        var depth: Int { 1 + (children.map(\.depth).max() ?? 0) }
        var text: String { note.isEmpty ? label : label + " " + note }
    }

    public var title: String
    public var root: Node
    /// The words of the legend.
    public var words: FigureWords = .english

    public init(title: String = "", root: Node) {
        self.title = title
        self.root = root
    }

    /// The tree as indented text; `legend` adds a line explaining the symbols.
    public func terminal(color: Bool = false, legend: Bool = true) -> String {
        var lines: [String] = title.isEmpty ? [] : [title]
        lines.append(root.text + root.kind.symbol)
        func walk(_ node: Node, prefix: String) {
            for (i, child) in node.children.enumerated() {
                let last = i == node.children.count - 1
                var text = child.text + child.kind.symbol
                if let c = child.kind.colourIndex {
                    text = Palette.paint(text, ansi256: Palette.color(c).ansi256, enabled: color)
                } else if child.kind == .pruned && color {
                    text = "\u{1B}[2m" + text + "\u{1B}[0m"
                }
                lines.append(prefix + (last ? "└─ " : "├─ ") + text)
                walk(child, prefix: prefix + (last ? "   " : "│  "))
            }
        }
        walk(root, prefix: "")
        if legend { lines.append("● \(words.kept)   ★ \(words.finished)   ✗ \(words.pruned)") }
        return lines.joined(separator: "\n")
    }

    public func svg(columnWidth: Double = 150, rowHeight: Double = 26) -> String {
        let top = title.isEmpty ? 16.0 : 40.0
        let width = Double(root.depth) * columnWidth + 40
        let height = top + Double(root.leafCount) * rowHeight + 30
        var svg = SVGWriter(width: width, height: height)
        if !title.isEmpty { svg.text(title, x: width / 2, y: 22, cssClass: "title") }
        var nextLeaf = 0
        var edges: [String] = [], labels: [String] = []
        /// Places `node` and returns its center y.
        @discardableResult
        func place(_ node: Node, depth: Int) -> Double {
            let x = 16 + Double(depth) * columnWidth
            let y: Double
            if node.children.isEmpty {
                y = top + (Double(nextLeaf) + 0.5) * rowHeight
                nextLeaf += 1
            } else {
                let ys = node.children.map { place($0, depth: depth + 1) }
                y = (ys.first! + ys.last!) / 2
                for (child, cy) in zip(node.children, ys) {
                    let faded = child.kind == .pruned ? " stroke-opacity=\"0.35\"" : ""
                    // From just past the parent's label (about 16 characters) to the child's.
                    let (from, bend, to) = (x + columnWidth - 34, x + columnWidth - 18, x + columnWidth - 4)
                    edges.append("<path class=\"axis\" d=\"M \(num(from)) \(num(y)) C \(num(bend)) \(num(y)), "
                                 + "\(num(bend)) \(num(cy)), \(num(to)) \(num(cy))\"\(faded)/>")
                }
            }
            let color = node.kind.colourIndex.map { " fill=\"\(Palette.color($0).hex)\"" } ?? ""
            let opacity = node.kind == .pruned ? " fill-opacity=\"0.45\"" : ""
            let weight = node.kind == .finished ? " font-weight=\"600\"" : ""
            labels.append("<text class=\"label\" x=\"\(num(x))\" y=\"\(num(y + 4))\" text-anchor=\"start\"\(color)\(opacity)\(weight)>"
                          + escapeXML(node.text + node.kind.symbol) + "</text>")
            return y
        }
        place(root, depth: 0)
        edges.forEach { svg.add($0) }
        labels.forEach { svg.add($0) }
        svg.text("● \(words.kept)   ★ \(words.finished)   ✗ \(words.pruned)", x: 16, y: height - 10, anchor: "start", cssClass: "value")
        return svg.document(title: title.isEmpty ? "tree" : title)
    }
}
