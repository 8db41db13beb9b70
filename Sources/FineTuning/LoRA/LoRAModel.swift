import Autograd
import NeuralNets
import Tensors
import Transformers

/// A language model with LoRA adapters on its target projections: the base is frozen, only the
/// adapters train.
///
/// ```swift
/// let lora = LoRAModel(wrapping: model, configuration: .init(rank: 4, alpha: 8, targetModules: ["c_attn"]))
/// lora.trainableParameterCount        // r·(in + out) per adapted layer
/// let logits = lora.model([1, 2, 3])  // base + adapters
/// lora.merge()                        // W ← W + (α/r)·B·A; adapters detached, no extra cost
/// lora.unmerge()                      // W ← W − (α/r)·B·A; adapters back
/// ```
public final class LoRAModel {
    /// One adapted projection: its dotted name, the layer and its adapter.
    public struct Site {
        public let name: String
        public let layer: any AdaptableProjection
        public let adapter: LoRAAdapter
    }

    public let model: any LanguageModel
    public let configuration: LoRAConfiguration
    public let sites: [Site]
    public private(set) var isMerged = false

    /// Freezes every parameter of `model` and attaches a fresh adapter to each projection whose
    /// name matches `configuration.targetModules`.
    public init(wrapping model: any LanguageModel, configuration: LoRAConfiguration) {
        self.model = model
        self.configuration = configuration
        model.setFrozen(true)
        var sites: [Site] = []
        for (index, (name, layer)) in adaptableProjections(in: model).filter({ configuration.targets($0.name) }).enumerated() {
            let adapter = LoRAAdapter(inFeatures: layer.inFeatures, outFeatures: layer.outFeatures,
                                      rank: configuration.rank, scaling: configuration.scaling,
                                      dropout: configuration.dropout, seed: configuration.seed &+ UInt64(index) &* 7919)
            layer.adapter = adapter
            sites.append(Site(name: name, layer: layer, adapter: adapter))
        }
        precondition(!sites.isEmpty, "LoRAModel: no projection matches target modules \(configuration.targetModules)")
        self.sites = sites
    }

    /// The adapters' parameters with the model's dotted names (`transformer.h.0.attn.c_attn.lora_A.weight`).
    public func adapterParameters() -> [(name: String, parameter: Variable)] {
        sites.flatMap { site in
            [(site.name + ".lora_A.weight", site.adapter.loraA.weight), (site.name + ".lora_B.weight", site.adapter.loraB.weight)]
        }
    }

    public var trainableParameterCount: Int { model.trainableParameterCount }
    public var totalParameterCount: Int { model.parameterCount }

    // ANCHOR: merge
    /// Folds every update into its base weight and detaches the adapters: inference then costs
    /// exactly what the base model costs. `[in, out]` weights (GPT-2 `Conv1D`) receive `ΔWᵀ`.
    public func merge() {
        guard !isMerged else { return }
        for site in sites {
            site.layer.addToWeight(site.adapter.deltaWeight())
            site.layer.adapter = nil
        }
        isMerged = true
    }

    /// Undoes ``merge()``: subtracts each update again and re-attaches the adapters.
    public func unmerge() {
        guard isMerged else { return }
        for site in sites {
            site.layer.addToWeight(site.adapter.deltaWeight() * -1)
            site.layer.adapter = site.adapter
        }
        isMerged = false
    }
    // ANCHOR_END: merge

    /// Switches every adapter on or off (off = the base model's outputs).
    public func setAdaptersActive(_ active: Bool) {
        for site in sites { site.adapter.isActive = active }
    }
}

/// A projection that can carry a LoRA adapter: GPT-2's ``Conv1D`` (`[in, out]` weight) or
/// Llama's ``Projection`` (`[out, in]` weight).
public protocol AdaptableProjection: AnyObject {
    var adapter: (any ProjectionAdapter)? { get set }
    var inFeatures: Int { get }
    var outFeatures: Int { get }
    /// Adds `delta` (`[out, in]`) to the weight, transposing when the weight is stored `[in, out]`.
    func addToWeight(_ delta: Tensor)
}

extension Conv1D: AdaptableProjection {
    public var inFeatures: Int { weight.value.shape[0] }
    public var outFeatures: Int { weight.value.shape[1] }
    public func addToWeight(_ delta: Tensor) { weight.value = weight.value + transpose(delta) }
}

extension Projection: AdaptableProjection {
    public var inFeatures: Int { weight.value.shape[1] }
    public var outFeatures: Int { weight.value.shape[0] }
    public func addToWeight(_ delta: Tensor) { weight.value = weight.value + delta }
}

/// `[m, n]` → `[n, m]`.
func transpose(_ t: Tensor) -> Tensor {
    let (m, n) = (t.shape[0], t.shape[1])
    return Tensor(shape: [n, m]) { out in
        for i in 0..<m { for j in 0..<n { out[j * m + i] = t.scalars[i * n + j] } }
    }
}

/// Every adaptable projection in `module` with its dotted name, depth first.
func adaptableProjections(in module: any Module, prefix: String = "") -> [(name: String, layer: any AdaptableProjection)] {
    var found: [(name: String, layer: any AdaptableProjection)] = []
    for (childName, child) in module.children {
        let name = prefix.isEmpty ? childName : prefix + "." + childName
        if let layer = child as? any AdaptableProjection { found.append((name, layer)) }
        found += adaptableProjections(in: child, prefix: name)
    }
    return found
}
