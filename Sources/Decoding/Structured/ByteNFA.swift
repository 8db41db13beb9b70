/// 256 bits: which byte values a transition accepts.
public struct ByteSet: Hashable, Sendable {
    var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)

    init(_ range: ClosedRange<UInt8>) {
        for b in range { insert(b) }
    }

    mutating func insert(_ b: UInt8) {
        let bit = UInt64(1) << UInt64(b & 63)
        switch b >> 6 {
        case 0: words.0 |= bit
        case 1: words.1 |= bit
        case 2: words.2 |= bit
        default: words.3 |= bit
        }
    }

    func contains(_ b: UInt8) -> Bool {
        let w: UInt64 = switch b >> 6 { case 0: words.0; case 1: words.1; case 2: words.2; default: words.3 }
        return w >> UInt64(b & 63) & 1 == 1
    }

    public static func == (a: ByteSet, b: ByteSet) -> Bool { a.words == b.words }
    public func hash(into h: inout Hasher) { h.combine(words.0); h.combine(words.1); h.combine(words.2); h.combine(words.3) }
}

// ANCHOR: nfa
/// A Thompson NFA over bytes: each state either consumes one byte from a set and moves on,
/// splits into two ε-moves, or accepts.
///
/// Built from a ``RegexNode`` back to front: `compile(node, next)` returns the first state of
/// a fragment that matches `node` and then continues at `next`. `a*` is a split whose one
/// branch runs `a` and comes back; `a{m,n}` is `m` copies of `a` followed by `n − m` nested
/// optional copies. Sizes are linear in the expanded pattern: `x{0,64}` makes 64 copies of `x`.
public struct ByteNFA: Sendable {
    public enum State: Sendable {
        case bytes(ByteSet, next: Int)
        case split(Int, Int)
        case accept
    }

    public private(set) var states: [State] = [.accept]
    public private(set) var start = 0
    static let acceptState = 0

    public init(_ node: RegexNode) {
        start = compile(node, next: ByteNFA.acceptState)
    }

    private mutating func add(_ s: State) -> Int {
        states.append(s)
        return states.count - 1
    }

    private mutating func compile(_ node: RegexNode, next: Int) -> Int {
        switch node {
        case .empty:
            return next
        case .scalars(let set):
            // One branch per UTF-8 byte-range sequence (ASCII members share one byte set).
            var ascii: ByteSet?
            var starts: [Int] = []
            for seq in UTF8Ranges.sequences(set) {
                if seq.count == 1 && seq[0].upperBound < 0x80 {
                    var s = ascii ?? ByteSet(seq[0]); for b in seq[0] { s.insert(b) }; ascii = s
                    continue
                }
                var target = next
                for r in seq.reversed() { target = add(.bytes(ByteSet(r), next: target)) }
                starts.append(target)
            }
            if let ascii { starts.insert(add(.bytes(ascii, next: next)), at: 0) }
            return branch(starts)
        case .concat(let items):
            var target = next
            for item in items.reversed() { target = compile(item, next: target) }
            return target
        case .alternation(let branches):
            return branch(branches.map { compile($0, next: next) })
        case .repetition(let body, let lo, let hi):
            var target = next
            if let hi {
                // Nested optionals: x(x(x)?)? — each copy may stop and go on to `next`.
                for _ in 0..<(hi - lo) { target = add(.split(compile(body, next: target), next)) }
            } else {
                // A loop: the split is made first so the body can come back to it.
                let loop = add(.split(-1, next))
                let bodyStart = compile(body, next: loop)
                states[loop] = .split(bodyStart, next)
                target = loop
            }
            for _ in 0..<lo { target = compile(body, next: target) }
            return target
        }
    }

    /// A chain of splits reaching every state in `starts`.
    private mutating func branch(_ starts: [Int]) -> Int {
        guard var target = starts.last else { return ByteNFA.acceptState }
        for s in starts.dropLast().reversed() { target = add(.split(s, target)) }
        return target
    }

    /// The states reachable from `seeds` by ε-moves alone, keeping only those that consume a
    /// byte or accept (the rest never matter to a match). Sorted, so equal sets compare equal.
    public func closure(_ seeds: [Int]) -> [Int32] {
        var seen = Set<Int>(), stack = seeds, out: [Int32] = []
        while let s = stack.popLast() {
            guard seen.insert(s).inserted else { continue }
            switch states[s] {
            case .split(let a, let b): stack.append(b); stack.append(a)
            case .bytes, .accept: out.append(Int32(s))
            }
        }
        return out.sorted()
    }

    /// The set after reading `byte` from `set` (empty: no match can continue).
    public func step(_ set: [Int32], _ byte: UInt8) -> [Int32] {
        var seeds: [Int] = []
        for s in set {
            if case .bytes(let accepted, let next) = states[Int(s)], accepted.contains(byte) { seeds.append(next) }
        }
        return seeds.isEmpty ? [] : closure(seeds)
    }

    public func isAccepting(_ set: [Int32]) -> Bool { set.contains(Int32(ByteNFA.acceptState)) }

    /// The readable reference: simulate the NFA on `bytes`, one set of states per byte.
    public func matches(_ bytes: some Sequence<UInt8>) -> Bool {
        var current = closure([start])
        for b in bytes {
            current = step(current, b)
            if current.isEmpty { return false }
        }
        return isAccepting(current)
    }
}
// ANCHOR_END: nfa
