import Foundation

// ANCHOR: dfa
/// The fast matcher: DFA states made from NFA state sets on first use, transitions cached.
///
/// A DFA state is one set of NFA states (``ByteNFA/closure(_:)``); its 256 transitions start
/// unknown (`-2`) and are filled the first time a byte is read there. State `-1` is dead:
/// the text can no longer match. Every NFA state of a Thompson construction without empty
/// classes can still reach `accept`, so any non-dead state can be completed — a constrained
/// decoder that avoids `-1` never paints itself into a corner.
///
/// Shared by every sequence constrained by one grammar, so it locks: `walk` takes the lock
/// once per byte string.
public final class LazyDFA: @unchecked Sendable {
    public let nfa: ByteNFA
    public static let dead: Int32 = -1
    private static let unknown: Int32 = -2

    private var sets: [[Int32]] = []
    private var ids: [[Int32]: Int32] = [:]
    private var transitions: [Int32] = []  // 256 per state
    private var accepting: [Bool] = []
    private let lock = NSLock()
    public private(set) var start: Int32 = 0

    public init(_ nfa: ByteNFA) {
        self.nfa = nfa
        start = intern(nfa.closure([nfa.start]))
    }

    private func intern(_ set: [Int32]) -> Int32 {
        if set.isEmpty { return LazyDFA.dead }
        if let id = ids[set] { return id }
        let id = Int32(sets.count)
        sets.append(set)
        ids[set] = id
        accepting.append(nfa.isAccepting(set))
        transitions.append(contentsOf: repeatElement(LazyDFA.unknown, count: 256))
        return id
    }

    /// Not locked: callers hold the lock.
    private func next(_ state: Int32, _ byte: UInt8) -> Int32 {
        let slot = Int(state) * 256 + Int(byte)
        let cached = transitions[slot]
        if cached != LazyDFA.unknown { return cached }
        let target = intern(nfa.step(sets[Int(state)], byte))
        transitions[slot] = target
        return target
    }

    /// The state after reading `bytes` from `state` (dead stays dead).
    public func walk(_ state: Int32, _ bytes: some Sequence<UInt8>) -> Int32 {
        lock.lock(); defer { lock.unlock() }
        var s = state
        for b in bytes {
            guard s != LazyDFA.dead else { return s }
            s = next(s, b)
        }
        return s
    }

    public func isAccepting(_ state: Int32) -> Bool {
        guard state >= 0 else { return false }
        lock.lock(); defer { lock.unlock() }
        return accepting[Int(state)]
    }

    /// Whether the whole of `bytes` matches.
    public func matches(_ bytes: some Sequence<UInt8>) -> Bool { isAccepting(walk(start, bytes)) }

    /// DFA states built so far (the automaton grows as texts explore it).
    public var stateCount: Int { lock.lock(); defer { lock.unlock() }; return sets.count }
}
// ANCHOR_END: dfa
