// ANCHOR: token-mask
/// The allowed-token rule on its own, for any automaton given as a step function.
///
/// Token `t` may follow in `state` when walking its bytes with `step` never reaches `-1`
/// (dead); tokens without bytes never may; the end token may exactly when `state` accepts.
/// ``TokenIndex`` applies the same rule to a ``LazyDFA`` and caches the answer per state.
///
/// ```swift
/// // An automaton for "ab": 0 -a-> 1 -b-> 2 (accepting)
/// let mask = TokenMask.allowed(from: 0, tokenBytes: [[97], [98], [97, 98], []], endToken: 3,
///                              accepting: { $0 == 2 }, step: { s, b in (s, b) == (0, 97) ? 1 : (s, b) == (1, 98) ? 2 : -1 })
/// // [true, false, true, false]
/// ```
public enum TokenMask {
    public static func allowed(from state: Int, tokenBytes: [[UInt8]], endToken: Int,
                               accepting: (Int) -> Bool, step: (Int, UInt8) -> Int) -> [Bool] {
        tokenBytes.indices.map { token in
            if token == endToken { return accepting(state) }
            guard !tokenBytes[token].isEmpty else { return false }
            var s = state
            for byte in tokenBytes[token] {
                s = step(s, byte)
                if s < 0 { return false }
            }
            return true
        }
    }
}
// ANCHOR_END: token-mask
