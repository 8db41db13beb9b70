/// A binary heap with the order given as a closure: `areInOrder(a, b)` is true when `a`
/// belongs nearer the top than `b`.
///
/// HNSW's search keeps two of them at once (the candidates to expand, nearest on top, and the
/// results so far, worst on top), and top-k selection keeps one; the standard library has
/// no priority queue.
///
/// ```swift
/// var heap = BinaryHeap<Int>(by: <)     // a min-heap
/// for x in [5, 1, 3] { heap.push(x) }
/// heap.pop()                             // 1
/// ```
public struct BinaryHeap<Element> {
    public private(set) var elements: [Element] = []
    let areInOrder: (Element, Element) -> Bool

    public init(by areInOrder: @escaping (Element, Element) -> Bool) {
        self.areInOrder = areInOrder
    }

    public var count: Int { elements.count }
    public var isEmpty: Bool { elements.isEmpty }
    public var top: Element? { elements.first }

    public mutating func push(_ element: Element) {
        elements.append(element)
        siftUp(elements.count - 1)
    }

    @discardableResult
    public mutating func pop() -> Element? {
        guard !elements.isEmpty else { return nil }
        elements.swapAt(0, elements.count - 1)
        let top = elements.removeLast()
        if !elements.isEmpty { siftDown(0) }
        return top
    }

    /// Pops the top and pushes `element` in one sift (cheaper than both).
    public mutating func replaceTop(_ element: Element) {
        precondition(!elements.isEmpty, "BinaryHeap.replaceTop on an empty heap")
        elements[0] = element
        siftDown(0)
    }

    mutating func siftUp(_ index: Int) {
        var child = index
        while child > 0 {
            let parent = (child - 1) / 2
            guard areInOrder(elements[child], elements[parent]) else { return }
            elements.swapAt(child, parent)
            child = parent
        }
    }

    mutating func siftDown(_ index: Int) {
        var parent = index
        let n = elements.count
        while true {
            let left = 2 * parent + 1, right = left + 1
            var best = parent
            if left < n && areInOrder(elements[left], elements[best]) { best = left }
            if right < n && areInOrder(elements[right], elements[best]) { best = right }
            if best == parent { return }
            elements.swapAt(parent, best)
            parent = best
        }
    }
}
