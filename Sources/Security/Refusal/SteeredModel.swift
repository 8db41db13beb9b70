import Autograd
import NeuralNets
import Transformers

/// A GPT-2 model whose residual stream is edited after every write (directional ablation,
/// activation addition), usable wherever a ``LanguageModel`` is: greedy decoding, exact match.
///
/// ```swift
/// let ablated = SteeredModel(model, edit: Abliteration.ablation(unit: r̂))
/// greedyDecode(ablated, prompt: ids, maxNewTokens: 8)
/// ```
public final class SteeredModel: LanguageModel {
    public let base: GPT2Model
    public let edit: ResidualEdit

    public init(_ base: GPT2Model, edit: @escaping ResidualEdit) {
        self.base = base
        self.edit = edit
    }

    public var children: [(name: String, module: any Module)] { base.children }
    public var ownParameters: [(name: String, parameter: Variable)] { base.ownParameters }
    public var vocabularySize: Int { base.vocabularySize }
    public var layerCount: Int { base.layerCount }
    public var contextLength: Int { base.contextLength }

    public func logits(_ ids: [Int], batchSize: Int, cache: KVCache?) -> Variable {
        base.logits(ids, batchSize: batchSize, cache: cache, edit: edit)
    }

    public func hiddenStates(_ ids: [Int], batchSize: Int, cache: KVCache?) -> Variable {
        base.transformer.ln_f(base.residualStream(ids, batchSize: batchSize, cache: cache, edit: edit).last!)
    }
}
