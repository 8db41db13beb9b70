import Testing
import Fundamentals
import NeuralNets
import Tensors

@Suite struct ClassifierTests {
    @Test func spiralsHaveTwoBalancedClasses() {
        var rng = SplitMix64(seed: 42)
        let data = ClassificationData.spirals(perClass: 100, rng: &rng)
        #expect(data.count == 200 && Set(data.labels) == [0, 1])
        #expect(data.inputs.shape == [200, 2])
    }

    @Test func trainingLowersTheLossAndRecordsValidation() {
        var rng = SplitMix64(seed: 7)
        let data = ClassificationData.moons(perClass: 40, noise: 0.1, rng: &rng)
        let model = MLPClassifier(hidden: [16], rng: &rng)
        let record = train(model, on: data, validation: data, optimizer: regularisedOptimizer(for: model, learningRate: 0.02, weightDecay: 0),
                           steps: 200, evaluateEvery: 50)
        #expect(record.trainLoss.count == 200 && record.validationLoss.count == 5)   // steps 0, 50, 100, 150, 199
        #expect(record.trainLoss.last! < record.trainLoss.first! / 2)
        #expect(model.evaluate(data).accuracy > 0.9)
        #expect(record.bestStep(every: 50) == 50 * record.validationLoss.indices.min { record.validationLoss[$0] < record.validationLoss[$1] }!)
    }

    @Test func stoppingEarlyRepeatsTheRunUpToTheBestStep() {
        var rng = SplitMix64(seed: 9)
        let data = ClassificationData.moons(perClass: 20, rng: &rng)
        func fresh() -> MLPClassifier { var r = SplitMix64(seed: 11); return MLPClassifier(hidden: [8], rng: &r) }
        let full = fresh()
        let record = train(full, on: data, optimizer: Adam(full.trainableParameters(), learningRate: 0.01), steps: 30)
        let stopped = fresh()
        trainStoppingEarly(stopped, on: data, bestStep: 19, learningRate: 0.01)
        // The stopped model's loss is the one the full run had after step 19's update.
        let again = fresh()
        let prefix = train(again, on: data, optimizer: Adam(again.trainableParameters(), learningRate: 0.01), steps: 21)
        #expect(prefix.trainLoss.prefix(20) == record.trainLoss.prefix(20))
        #expect(abs(stopped.evaluate(data).loss - prefix.trainLoss[20]) < 1e-6)
    }
}
