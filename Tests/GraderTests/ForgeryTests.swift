import Foundation
import Grader
import Testing

/// A learner who solves nothing and tries to be graded as a pass anyway. Each of these
/// worked when the checks ran in the learner's process; with the checks in a process of
/// their own (see Lessons/FORMAT.md, "Grading"), each is an ordinary failing attempt.
extension BadInputTests {
    /// What every forging attempt must come to: the unsolved check fails, nothing scores it.
    func expectUnforged(_ verdict: Verdict) {
        #expect(verdict.status != .pass)
        #expect(verdict.tests.first?.status != .pass, "the unsolved check was graded as passed")
        #expect(verdict.score <= 1)
    }

    @Test func aTypeNamedLikeTheLibraryModuleCannotReplaceTheRunner() throws {
        try grade({ try $0.writeBad("ShadowsTheModule") }) { verdict, _ in
            expectUnforged(verdict)
            // The learner's program never answered a call: no check could run.
            #expect(verdict.score == 0)
        }
    }

    @Test func anExtensionOfTheCheckContextDoesNotReachTheChecks() throws {
        try grade({ try $0.writeBad("ExtendsTheContext") }) { verdict, _ in
            expectUnforged(verdict)
            #expect(verdict.tests.map(\.status) == [.fail, .pass])
            #expect(verdict.tests.first?.message == "answer(): got 0, expected 42")
        }
    }

    @Test func aReplacedLibcWriteOnlyChangesTheLearnersOwnOutput() throws {
        try grade({ try $0.writeBad("ReplacesWrite") }) { verdict, _ in
            expectUnforged(verdict)
            #expect(verdict.tests.first?.status == .fail)
            #expect(verdict.tests.first?.message == "answer(): got 0, expected 42")
        }
    }

    @Test func scanningItsOwnMemoryFindsNoNonce() throws {
        try grade({ try $0.writeBad("ScansMemory") }) { verdict, _ in
            expectUnforged(verdict)
            #expect(verdict.tests.first?.status == .fail)
            // It really looked, and its imitations stayed output.
            #expect(verdict.tests.first?.output?.contains("SCANNED") == true)
        }
    }

    @Test func theChecksProcessCannotBeReachedFromTheLearnersCode() throws {
        try grade({ try $0.writeBad("LooksForTheChecks") }) { verdict, _ in
            expectUnforged(verdict)
            let output = verdict.tests.first?.output ?? ""
            if verdict.isolation == Sandbox.Mode.bubblewrap.rawValue {
                #expect(!output.contains("REACHED"), "the learner's code reached another process: \(output)")
                #expect(!output.contains("checks/program"), "the checks program is visible: \(output)")
            }
            // The checks program outlived the attempt on its parent and graded the next check.
            #expect(verdict.tests.last?.status == .pass)
        }
    }
}
