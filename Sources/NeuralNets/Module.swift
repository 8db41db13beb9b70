import Autograd
import Tensors

/// A layer or model: something that owns parameters and, possibly, other modules.
///
/// Parameters are found by walking the tree explicitly — each module lists its own parameters
/// and its children by name, no reflection. Names join with dots, so a GPT-2 block stored as
/// child `"h.0"` with child `"attn"` with child `"c_attn"` exposes `"h.0.attn.c_attn.weight"`,
/// the same names a Hugging Face checkpoint uses.
///
/// ```swift
/// final class TwoLayer: Module {
///     let fc1 = Linear(4, 8, rng: &rng), fc2 = Linear(8, 2, rng: &rng)
///     var children: [(name: String, module: any Module)] { [("fc1", fc1), ("fc2", fc2)] }
/// }
/// model.namedParameters().map(\.name)   // ["fc1.weight", "fc1.bias", "fc2.weight", "fc2.bias"]
/// ```
public protocol Module: AnyObject {
    /// Parameters owned directly by this module, e.g. `[("weight", w), ("bias", b)]`.
    var ownParameters: [(name: String, parameter: Variable)] { get }
    /// Sub-modules, in a stable order, e.g. `[("fc1", fc1), ("fc2", fc2)]`.
    var children: [(name: String, module: any Module)] { get }
}

/// A module whose behavior differs between training and evaluation (dropout).
public protocol TrainingModeDependent: AnyObject {
    var isTraining: Bool { get set }
}

extension Module {
    public var ownParameters: [(name: String, parameter: Variable)] { [] }
    public var children: [(name: String, module: any Module)] { [] }

    /// Every parameter with its dotted name, own parameters first, then children's in order.
    public func namedParameters() -> [(name: String, parameter: Variable)] {
        var result = ownParameters
        for (childName, child) in children {
            for (name, parameter) in child.namedParameters() {
                result.append((childName + "." + name, parameter))
            }
        }
        return result
    }

    /// Every parameter (for an optimizer).
    public func parameters() -> [Variable] { namedParameters().map(\.parameter) }

    /// Parameters that will be trained (`requiresGrad`), e.g. for `Adam(model.trainableParameters())`.
    public func trainableParameters() -> [Variable] { parameters().filter(\.requiresGrad) }

    /// Number of scalars in all parameters.
    public var parameterCount: Int { parameters().reduce(0) { $0 + $1.value.count } }

    /// Number of scalars in trainable parameters.
    public var trainableParameterCount: Int { trainableParameters().reduce(0) { $0 + $1.value.count } }

    /// This module and every descendant, depth first.
    public func allModules() -> [any Module] {
        [self] + children.flatMap { $0.module.allModules() }
    }

    /// Switches dropout (and anything else mode-dependent) between training and evaluation.
    public func setTraining(_ training: Bool) {
        for module in allModules() {
            (module as? any TrainingModeDependent)?.isTraining = training
        }
    }

    /// Freezes (or unfreezes) every parameter: frozen parameters get no gradient.
    public func setFrozen(_ frozen: Bool) {
        for parameter in parameters() { parameter.requiresGrad = !frozen }
    }

    /// Clears all parameters' gradients.
    public func zeroGrad() { for parameter in parameters() { parameter.zeroGrad() } }

    /// The parameter values by dotted name (what a checkpoint stores).
    public func stateDict() -> [String: Tensor] {
        Dictionary(namedParameters().map { ($0.name, $0.parameter.value) }, uniquingKeysWith: { first, _ in first })
    }

    /// Copies values from `state` into the parameters with the same names.
    ///
    /// With `strict`, a missing or unexpected name is an error; shapes must always match.
    public func loadStateDict(_ state: [String: Tensor], strict: Bool = true) throws(ModuleError) {
        let named = namedParameters()
        if strict {
            let missing = named.map(\.name).filter { state[$0] == nil }
            if !missing.isEmpty { throw .missingParameters(missing) }
            let known = Set(named.map(\.name))
            let unexpected = state.keys.filter { !known.contains($0) }.sorted()
            if !unexpected.isEmpty { throw .unexpectedParameters(unexpected) }
        }
        for (name, parameter) in named {
            guard let tensor = state[name] else { continue }
            guard tensor.shape == parameter.value.shape else {
                throw .shapeMismatch(name: name, expected: parameter.value.shape, found: tensor.shape)
            }
            parameter.value = tensor
        }
    }
}

/// Problems loading parameters into a module.
public enum ModuleError: Error, Equatable, CustomStringConvertible {
    case missingParameters([String])
    case unexpectedParameters([String])
    case shapeMismatch(name: String, expected: [Int], found: [Int])

    public var description: String {
        switch self {
        case .missingParameters(let names):
            "the weights lack parameters \(names.joined(separator: ", ")); load with strict: false to keep their initial values"
        case .unexpectedParameters(let names):
            "the weights hold parameters the model does not have: \(names.joined(separator: ", ")); check the model configuration or load with strict: false"
        case let .shapeMismatch(name, expected, found):
            "parameter \(name) has shape \(expected) but the weights hold \(found); check the model configuration"
        }
    }
}
