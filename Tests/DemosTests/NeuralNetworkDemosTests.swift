import Foundation
import Testing
import Fundamentals
import Tensors
@testable import Demos

@Suite struct NeuralNetworkDemosTests {
    @Test func scalarBackwardMatchesFiniteDifferencesAndTensorAutograd() {
        let point = MicrogradDemo.point
        let (out, leaves) = MicrogradDemo.neuronExpression(point)
        out.backward()
        let tensor = TensorNeuron.gradients(point)!
        for i in leaves.indices {
            var up = point, down = point
            up[i] += 1e-6; down[i] -= 1e-6
            let numeric = (MicrogradDemo.neuronExpression(up).out.data - MicrogradDemo.neuronExpression(down).out.data) / 2e-6
            #expect(abs(leaves[i].grad - numeric) < 1e-8, "leaf \(leaves[i].label)")
            #expect(abs(leaves[i].grad - tensor[i]) < 1e-5, "leaf \(leaves[i].label) vs tensor autograd")
        }
    }

    @Test func micrograDemoTrainsTheTinyNetwork() throws {
        let out = try runDemo("micrograd")
        #expect(out.contains("tensor autograd"))
        let finalLine = out.split(separator: "\n").first { $0.hasPrefix("Final loss") }!
        let loss = Double(finalLine.split(separator: " ")[2].dropLast())!
        #expect(loss < 0.01)
    }

    @Test func mlpLearnsTheSpiralsAndRegularisationHelps() throws {
        var rng = SplitMix64(seed: 42)
        let data = ClassificationData.spirals(perClass: 100, rng: &rng)
        #expect(data.count == 200 && Set(data.labels) == [0, 1])
        let out = try runDemo("mlp-train")
        // The stated result: the spirals are separated completely for seed 42.
        #expect(out.contains("Final training accuracy on the spirals: 100.0%"))
        let rows = out.split(separator: "\n").map(String.init)
        func validationAccuracy(_ run: String) -> Double {
            let cells = rows.first { $0.hasPrefix(run) && $0.contains("%") }!.split(separator: " ").filter { $0.hasSuffix("%") }
            return Double(cells[1].dropLast())!
        }
        let plain = validationAccuracy("no regularization")
        #expect(validationAccuracy("dropout 0.5") > plain)
        #expect(validationAccuracy("weight decay") > plain)
        #expect(validationAccuracy("early stopping") > plain)
    }
}
