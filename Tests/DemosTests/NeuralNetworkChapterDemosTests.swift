import Foundation
import Testing
@testable import Demos

/// The neural-networks chapter's demos state these outcomes (quick paths, seed 42).
@Suite struct NeuralNetworkChapterDemosTests {
    /// The cells of the first table row starting with `label`, split on runs of spaces.
    func cells(_ out: String, _ label: String) -> [String] {
        let row = out.split(separator: "\n").first { $0.hasPrefix(label) }.map(String.init) ?? ""
        return row.dropFirst(label.count).split(separator: " ").map(String.init)
    }

    @Test func adaptiveOptimizersOvertakePlainSGD() throws {
        let out = try runDemo("optimizer-race")
        // Columns: loss at 10 %, 50 %, 100 % of the steps, accuracy.
        let sgd = Double(cells(out, "SGD, rate 0.1")[2])!, adam = Double(cells(out, "Adam, rate 0.01")[2])!
        let rmsprop = Double(cells(out, "RMSprop, rate 0.01")[2])!
        #expect(adam < sgd && rmsprop < sgd, "final losses: Adam \(adam), RMSprop \(rmsprop), SGD \(sgd)")
    }

    @Test func heKeepsReLUSignalsXavierLetsThemShrink() throws {
        let out = try runDemo("init-stats")
        // Columns: std L1, std L20, flat L20, ∂W L1, ∂W L20.
        let he = cells(out, "ReLU, He (gain √2)"), xavier = cells(out, "ReLU, Xavier (gain 1)")
        let tiny = cells(out, "tanh, N(0, 0.01²)")
        #expect(Double(he[1])! > 0.1 && Double(xavier[1])! < 0.01 && Double(tiny[1])! < 1e-10, "\(he) \(xavier) \(tiny)")
        #expect(cells(out, "tanh, N(0, 1)")[2].hasSuffix("%") && Double(cells(out, "tanh, N(0, 1)")[2].dropLast())! > 50)
    }

    @Test func activationValuesAndDerivatives() throws {
        let out = try runDemo("activations")
        #expect(cells(out, "sigmoid′") == ["0.045", "0.197", "0.235", "0.250", "0.235", "0.197", "0.045"])
        #expect(cells(out, "GELU ")[5] == "0.841")
        #expect(out.contains("9.5e-07"))   // 0.25¹⁰
    }

    @Test func batchNormNormalizesColumnsAndEvaluationIsDeterministic() throws {
        let out = try runDemo("batchnorm")
        #expect(out.contains("(identical)"))
        // BatchNorm columns: mean 0, std 1 (ε makes the narrowest column 0.999).
        for feature in ["0 ", "1 ", "2 "] {
            let row = cells(out, feature)
            #expect(row.count == 4 && row[2] == "0.000" && Double(row[3])! > 0.99, "\(row)")
        }
        // Quick path: after 40 SGD steps the BatchNorm network is ahead of the plain one.
        let rows = out.split(separator: "\n").map(String.init).filter { $0.hasPrefix("SGD + momentum, rate 0.01") }
        let final = rows.map { Double($0.split(separator: " ").dropLast().last!)! }
        #expect(rows.count == 3 && final[1] < final[0], "\(rows)")
    }
}
