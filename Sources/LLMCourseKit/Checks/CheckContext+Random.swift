import Tensors

/// Random inputs for checks, all drawn from the check's seeded ``CheckContext/rng``.
///
/// ```swift
/// let n = c.int(in: 1...16)
/// let x = c.floats(n, in: -3...3)          // uniform
/// let w = c.normalTensor([n, 4], std: 0.5)  // Gaussian tensor
/// let shape = c.shape(rank: 2, maxDimension: 8)
/// ```
extension CheckContext {
    /// A uniform integer in `range`.
    public mutating func int(in range: ClosedRange<Int>) -> Int {
        let width = UInt64(range.upperBound - range.lowerBound) + 1
        return range.lowerBound + Int(rng.next() % width)
    }

    /// A uniform `Float` in `range`.
    public mutating func float(in range: ClosedRange<Float> = -1...1) -> Float {
        range.lowerBound + (range.upperBound - range.lowerBound) * rng.nextUniform()
    }

    /// `count` uniform `Float`s in `range`.
    public mutating func floats(_ count: Int, in range: ClosedRange<Float> = -1...1) -> [Float] {
        (0..<count).map { _ in float(in: range) }
    }

    /// A uniform `Double` in `range`.
    public mutating func double(in range: ClosedRange<Double> = -1...1) -> Double {
        range.lowerBound + (range.upperBound - range.lowerBound) * rng.nextUniformDouble()
    }

    /// `count` uniform `Double`s in `range`.
    public mutating func doubles(_ count: Int, in range: ClosedRange<Double> = -1...1) -> [Double] {
        (0..<count).map { _ in double(in: range) }
    }

    /// `count` Gaussian `Float`s with the given mean and standard deviation.
    public mutating func normals(_ count: Int, mean: Float = 0, std: Float = 1) -> [Float] {
        (0..<count).map { _ in mean + std * rng.nextNormal() }
    }

    /// A true/false coin flip.
    public mutating func bool() -> Bool { rng.next() & 1 == 1 }

    /// A random element of a non-empty collection.
    public mutating func pick<C: Collection>(_ choices: C) -> C.Element {
        precondition(!choices.isEmpty, "pick: no choices given")
        let offset = int(in: 0...(choices.count - 1))
        return choices[choices.index(choices.startIndex, offsetBy: offset)]
    }

    /// A shape with `rank` axes, each of length 1…`maxDimension`.
    public mutating func shape(rank: Int, maxDimension: Int = 8) -> [Int] {
        (0..<rank).map { _ in int(in: 1...maxDimension) }
    }

    /// A tensor of the given shape with uniform elements in `range`.
    public mutating func tensor(_ shape: [Int], in range: ClosedRange<Float> = -1...1) -> Tensor {
        Tensor(shape: shape, scalars: floats(shape.reduce(1, *), in: range))
    }

    /// A tensor of the given shape with Gaussian elements.
    public mutating func normalTensor(_ shape: [Int], mean: Float = 0, std: Float = 1) -> Tensor {
        Tensor(shape: shape, scalars: normals(shape.reduce(1, *), mean: mean, std: std))
    }
}
