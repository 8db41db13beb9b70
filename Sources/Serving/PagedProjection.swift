import Autograd
import NeuralNets
import Tensors
import Transformers

/// A Llama projection for the paged forward pass: for a decoding batch (up to
/// ``FewRowsProduct/maximumRows`` rows) the weight is read once for all rows by
/// ``FewRowsProduct`` instead of being packed by `sgemm`; otherwise, or with an adapter attached,
/// the layer's own call.
func project(_ layer: Projection, _ x: Variable, activation: Activation = .identity) -> Variable {
    let (outFeatures, inFeatures) = (layer.weight.shape[0], layer.weight.shape[1])
    let rows = x.value.count / inFeatures
    guard layer.adapter == nil, rows > 2, rows <= FewRowsProduct.maximumRows else { return layer(x, activation: activation) }
    return Variable(fewRows(x.value, layer.weight.value, bias: layer.bias?.value, rows: rows, outputs: outFeatures, inputs: inFeatures)
        .map { activation($0) })
}

/// `x · Wᵀ` for the output layer (a `[V, C]` weight), by ``FewRowsProduct`` for a few rows.
func projectOutput(_ x: Variable, weight: Variable) -> Variable {
    let (outFeatures, inFeatures) = (weight.shape[0], weight.shape[1])
    let rows = x.value.count / inFeatures
    guard rows <= FewRowsProduct.maximumRows else { return x.matmul(weight, transposeOther: true) }
    return Variable(fewRows(x.value, weight.value, bias: nil, rows: rows, outputs: outFeatures, inputs: inFeatures))
}

private func fewRows(_ x: Tensor, _ w: Tensor, bias: Tensor?, rows: Int, outputs: Int, inputs: Int) -> Tensor {
    Tensor(shape: Array(x.shape.dropLast()) + [outputs]) { out in
        x.scalars.withUnsafeBufferPointer { xs in
            w.scalars.withUnsafeBufferPointer { ws in
                if let bias {
                    bias.scalars.withUnsafeBufferPointer { b in
                        FewRowsProduct.multiply(xs.baseAddress!, ws.baseAddress!, bias: b.baseAddress!, into: out.baseAddress!,
                                                rows: rows, outputs: outputs, inputs: inputs)
                    }
                } else {
                    FewRowsProduct.multiply(xs.baseAddress!, ws.baseAddress!, into: out.baseAddress!, rows: rows, outputs: outputs, inputs: inputs)
                }
            }
        }
    }
}
