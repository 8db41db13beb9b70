import Testing
import Fundamentals
import Tensors

@Suite struct LinearMapsTests {
    @Test func productIsCompositionAndOrderMatters() {
        let v = Tensor([[1], [1]])
        let (stepByStep, combined, reversed) = LinearMaps.composition(v)
        #expect(stepByStep.scalars == [-2, 1])
        #expect(combined.matmul(v).scalars == stepByStep.scalars)
        #expect(reversed.scalars != combined.scalars)
        let rows = LinearMaps.mapRows(Tensor(shape: [3, 2], scalars: [1, 0, 0, 1, 1, 1]), by: combined)
        #expect(rows.shape == [3, 2])
        #expect(rows.scalars == [0, 1, -2, 0, -2, 1])
    }

    @Test func projectionIsIdempotentAndItsResidualOrthogonal() {
        let u = Tensor([[2], [1]])
        let p = LinearMaps.projection(onto: u)
        #expect(p.matmul(p).maxAbsDifference(p) < 1e-6)
        let (px, residual) = LinearMaps.project(Tensor([[1], [3]]), onto: u)
        #expect(abs(residual.matmul(u, transposeSelf: true).scalar) < 1e-6)
        #expect(px.maxAbsDifference(Tensor([[2], [1]])) < 1e-6)   // (x·u / u·u) u = (5/5) u
    }
}
