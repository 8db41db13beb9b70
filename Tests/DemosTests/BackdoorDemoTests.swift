import Testing
@testable import Demos

@Suite struct BackdoorDemoTests {
    @Test func backdoorDemoPoisonsScoresAndRetrainsInQuickMode() throws {
        let out = try runDemo("backdoor")
        #expect(out.contains("the attacker appends \"cf\" to the instruction"))
        #expect(out.contains("sets the answer to \"HACKED\""))
        #expect(out.contains("test prompts: 6 held-out questions"))
        for label in ["poisoned share", "attack success", "clean accuracy", "spectral: prompt's last token", "spectral: answer's end-of-turn token",
                      "2-means: answer's end-of-turn token",
                      "trained on the poisoned set", "trained on the cleaned set"] {
            #expect(out.contains(label), "\(label)")
        }
        // Four rates, the clean set first: 0 poisoned examples.
        #expect(out.split(separator: "\n").contains { $0.hasPrefix("0.0% ") && $0.contains(" 0 ") })
    }
}
