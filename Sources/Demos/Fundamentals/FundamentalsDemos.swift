/// Demos of the fundamentals lessons: mathematics, neural networks, NLP.
enum FundamentalsDemos {
    static let all: [Demo] = []
}
