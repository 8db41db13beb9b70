import Tensors

/// MinHash (Broder, 1997): a short, fixed-length signature of a set from which the Jaccard
/// similarity of two sets can be estimated without the sets.
///
/// Shuffle every possible shingle with a random permutation `π` and look at the first shingle
/// of each set. Both sets have the same first shingle exactly when the first shingle of their
/// union lies in their intersection, so
///
///     P[ min π(A) = min π(B) ] = |A ∩ B| / |A ∪ B| = J(A, B).
///
/// A signature is `min π_i` for `numPerm` independent permutations; the fraction of equal slots
/// in two signatures is an unbiased estimate of `J` with standard error `√(J(1 − J) / numPerm)`
/// (each slot is a coin that lands "equal" with probability `J`).
///
/// True random permutations of all strings cannot be stored, so each shingle is first hashed to
/// 32 bits (``SHA1/hash32(_:)-(String)``) and each permutation is a cheap hash of that number,
/// `h_i(x) = (a_i·x + b_i) mod p` with random `a_i`, `b_i` (see ``Scheme`` for the two forms).
///
/// Shapes: `a`, `b`: `[numPerm]`; a signature: `[numPerm]` 32-bit values, `UInt32.max` in every
/// slot for the empty set.
///
/// ```swift
/// let minHash = MinHash(numPerm: 128, seed: 1)
/// let x = minHash.signature(of: Shingles.characters("Reverse the word cat. tac", k: 4))
/// let y = minHash.signature(of: Shingles.characters("Reverse teh word cat. tac", k: 4))
/// MinHash.estimatedJaccard(x, y)   // ≈ 0.63, the exact Jaccard of the two shingle sets
/// ```
public struct MinHash: Sendable {
    /// How a permutation maps a shingle's 32-bit hash `x` to another 32-bit number.
    public enum Scheme: Sendable, Equatable {
        /// `(a·x + b) mod p` with the Mersenne prime `p = 2^61 − 1`, keeping the low 32 bits
        /// (Carter–Wegman universal hashing; datasketch's scheme before 2.0, `"legacy"`). `a·x + b`
        /// is computed in 64-bit arithmetic that wraps around, as numpy's `uint64` does, so the
        /// signatures equal datasketch's bit for bit.
        case mersenne
        /// `a·fmix32(x) + b mod 2^32` with odd `a`: a bijection of the 32-bit numbers, so two
        /// shingles never collide inside a permutation; `fmix32` (MurmurHash3's finalizer)
        /// spreads the input first (datasketch's default since 2.0, `"affine32"`).
        case affine32
    }

    /// The Mersenne prime 2^61 − 1: reducing modulo it is a shift and an add.
    public static let mersennePrime: UInt64 = (1 << 61) - 1

    public let scheme: Scheme
    /// The multipliers and offsets of the `numPerm` permutations.
    public let a: [UInt64]
    public let b: [UInt64]
    public var numPerm: Int { a.count }

    /// A MinHash with given permutation parameters (for example datasketch's, to reproduce its
    /// signatures).
    public init(a: [UInt64], b: [UInt64], scheme: Scheme = .mersenne) {
        precondition(!a.isEmpty && a.count == b.count, "need as many offsets b as multipliers a, at least one (got \(a.count) and \(b.count))")
        switch scheme {
        case .mersenne:
            precondition(a.allSatisfy { 0 < $0 && $0 < Self.mersennePrime } && b.allSatisfy { $0 < Self.mersennePrime },
                         "mersenne parameters need 0 < a < 2^61 − 1 and b < 2^61 − 1")
        case .affine32:
            precondition(a.allSatisfy { $0 & 1 == 1 && $0 <= UInt32.max } && b.allSatisfy { $0 <= UInt32.max },
                         "affine32 parameters need odd 32-bit a and 32-bit b")
        }
        self.a = a
        self.b = b
        self.scheme = scheme
    }

    /// `numPerm` permutations drawn from `seed` (our generator, so other numbers than
    /// datasketch draws for the same seed; the statistics are the same).
    public init(numPerm: Int, seed: UInt64, scheme: Scheme = .mersenne) {
        precondition(numPerm >= 1, "a signature has at least one slot")
        var rng = SplitMix64(seed: seed)
        var a: [UInt64] = [], b: [UInt64] = []
        for _ in 0..<numPerm {
            switch scheme {
            case .mersenne:
                a.append(1 + rng.next() % (Self.mersennePrime - 1))
                b.append(rng.next() % Self.mersennePrime)
            case .affine32:
                a.append((rng.next() >> 32) | 1)
                b.append(rng.next() >> 32)
            }
        }
        self.init(a: a, b: b, scheme: scheme)
    }

    // ANCHOR: minhash
    // ANCHOR: permute
    /// `x mod (2^61 − 1)` for any 64-bit `x`: since 2^61 ≡ 1, the bits above 61 fold back in.
    @inline(__always) static func modMersenne(_ x: UInt64) -> UInt64 {
        let folded = (x & mersennePrime) &+ (x >> 61)
        return folded >= mersennePrime ? folded - mersennePrime : folded
    }

    /// Permutation `i` applied to a shingle's hash (for `.affine32`, already passed through `fmix32`).
    @inline(__always) func permute(_ x: UInt32, _ i: Int) -> UInt32 {
        switch scheme {
        case .mersenne: UInt32(truncatingIfNeeded: Self.modMersenne(a[i] &* UInt64(x) &+ b[i]))
        case .affine32: UInt32(truncatingIfNeeded: a[i]) &* x &+ UInt32(truncatingIfNeeded: b[i])
        }
    }
    // ANCHOR_END: permute

    // ANCHOR: signature
    /// The signature of a set given its shingles' 32-bit hashes: slot `i` holds the smallest
    /// value permutation `i` gives any of them. Order and repeats do not matter.
    public func signature(ofHashes hashes: [UInt32]) -> [UInt32] {
        var signature = [UInt32](repeating: .max, count: numPerm)
        for hash in hashes {
            let x = scheme == .affine32 ? Self.fmix32(hash) : hash
            for i in 0..<numPerm { signature[i] = min(signature[i], permute(x, i)) }
        }
        return signature
    }
    // ANCHOR_END: signature
    // ANCHOR_END: minhash

    /// The signature of a set of shingles.
    public func signature(of shingles: Set<String>) -> [UInt32] { signature(ofHashes: Shingles.hashes(shingles)) }

    // ANCHOR: estimate
    /// The fraction of slots where two signatures agree: the MinHash estimate of J(A, B).
    public static func estimatedJaccard(_ x: [UInt32], _ y: [UInt32]) -> Double {
        precondition(x.count == y.count && !x.isEmpty, "signatures of different lengths (\(x.count), \(y.count)) cannot be compared")
        return Double(zip(x, y).filter { $0 == $1 }.count) / Double(x.count)
    }

    /// The exact Jaccard similarity |A ∩ B| / |A ∪ B| (1 for two empty sets, as their signatures agree everywhere).
    public static func exactJaccard<T: Hashable>(_ x: Set<T>, _ y: Set<T>) -> Double {
        let union = x.union(y).count
        return union == 0 ? 1 : Double(x.intersection(y).count) / Double(union)
    }
    // ANCHOR_END: estimate

    /// The estimator's standard error at similarity `j`: √(j(1 − j) / numPerm).
    public static func standardError(jaccard j: Double, numPerm: Int) -> Double { (j * (1 - j) / Double(numPerm)).squareRoot() }

    /// MurmurHash3's 32-bit finalizer: a fixed bijection that makes every output bit depend on every input bit.
    @inline(__always) public static func fmix32(_ x: UInt32) -> UInt32 {
        var h = x
        h ^= h >> 16
        h &*= 0x85EB_CA6B
        h ^= h >> 13
        h &*= 0xC2B2_AE35
        return h ^ (h >> 16)
    }
}
