import Autograd
import Tensors
import Transformers

/// What every decoding strategy needs from a model: feed it new tokens, get next-token logits.
///
/// A decoder keeps one ``KVCache`` per running sequence. `nextTokenLogits(_:cache:)` runs the
/// model on `newTokens` (positions `cache.length…`), appends their keys and values to the cache,
/// and returns one row of `V` logits per new token: row `i` scores the token that would follow
/// `newTokens[i]`. Speculative decoding reads every row; the other strategies read the last.
///
/// ``GPT2Model`` and ``LlamaModel`` conform; so can any toy model (a lookup table in the tests).
///
/// ```swift
/// let cache = model.makeCache()
/// let rows = model.nextTokenLogits(prompt, cache: cache)   // [T][V]
/// let next = argmax(rows.last!)
/// _ = model.nextTokenLogits([next], cache: cache)           // one more step
/// ```
public protocol NextTokenModel: AnyObject {
    var vocabularySize: Int { get }
    /// The longest sequence the model accepts; generation stops there.
    var contextLength: Int { get }
    func makeCache() -> KVCache
    func nextTokenLogits(_ newTokens: [Int], cache: KVCache) -> [[Float]]
}

extension LanguageModel {
    /// Logits rows `[T][V]` for `newTokens` continuing `cache`, without recording gradients.
    public func nextTokenLogits(_ newTokens: [Int], cache: KVCache) -> [[Float]] {
        let output: Tensor = withNoGrad { self.logits(newTokens, batchSize: 1, cache: cache) }.value  // [1, T, V]
        let v = vocabularySize
        return output.scalars.withUnsafeBufferPointer { p in
            (0..<newTokens.count).map { Array(p[($0 * v)..<(($0 + 1) * v)]) }
        }
    }
}

extension GPT2Model: NextTokenModel {}
extension LlamaModel: NextTokenModel {}

/// A model known only as `any LanguageModel` (what ``loadLanguageModel(directory:)`` returns),
/// seen as a ``NextTokenModel``.
///
/// ```swift
/// let model = LanguageModelAdapter(try loadLanguageModel(directory: url))
/// let out = generate(model, prompt: ids, config: GenerationConfig(maxNewTokens: 20))
/// ```
public final class LanguageModelAdapter: NextTokenModel {
    public let model: any LanguageModel

    public init(_ model: any LanguageModel) { self.model = model }

    public var vocabularySize: Int { model.vocabularySize }
    public var contextLength: Int { model.contextLength }
    public func makeCache() -> KVCache { model.makeCache() }
    public func nextTokenLogits(_ newTokens: [Int], cache: KVCache) -> [[Float]] {
        model.nextTokenLogits(newTokens, cache: cache)
    }
}

extension KVCache {
    /// A second cache holding the same keys and values. Tensors are values, so this copies
    /// references, not numbers; appending to one cache later leaves the other unchanged.
    /// Beam search gives each child beam its own copy of its parent's cache.
    public func copy() -> KVCache {
        prefix(length)
    }

    /// A new cache holding only the first `length` positions — speculative decoding drops the
    /// keys and values of drafted tokens the target rejected.
    public func prefix(_ length: Int) -> KVCache {
        precondition(length >= 0 && length <= self.length, "KVCache.prefix: \(length) outside 0...\(self.length)")
        let out = KVCache(layers: keys.count)
        guard length > 0 else { return out }
        for layer in keys.indices {
            guard let k = keys[layer], let v = values[layer] else { continue }
            let keep = length == k.shape[2]
            _ = out.append(layer: layer, key: Variable(keep ? k : k.slice(0..<length, axis: 2)),
                           value: Variable(keep ? v : v.slice(0..<length, axis: 2)))
        }
        return out
    }
}
