import Autograd
import Tensors
import Transformers
@testable import Decoding

/// A toy "bigram" model for tests: the next-token logits depend only on the current token,
/// read from a `[V][V]` table. It keeps its cache length honest so decoders can crop it.
final class TableModel: NextTokenModel {
    let table: [[Float]]
    var calls = 0
    init(table: [[Float]]) { self.table = table }

    static func random(vocabulary: Int, seed: UInt64, spread: Float) -> TableModel {
        var rng = SplitMix64(seed: seed)
        return TableModel(table: (0..<vocabulary).map { _ in (0..<vocabulary).map { _ in spread * rng.nextNormal() } })
    }

    var vocabularySize: Int { table.count }
    var contextLength: Int { 1 << 20 }
    func makeCache() -> KVCache { KVCache(layers: 1) }

    func nextTokenLogits(_ newTokens: [Int], cache: KVCache) -> [[Float]] {
        calls += 1
        let marker = Variable(Tensor.zeros([1, 1, newTokens.count, 1]))
        _ = cache.append(layer: 0, key: marker, value: marker)
        return newTokens.map { table[$0] }
    }
}
