import Course
import Testing

/// What a learner reads as an exercise's task: everything but the metadata, title and hints.
@Suite("Exercise task text")
struct ExerciseTaskTests {
    @Test func theTaskLeavesOutMetadataTitleAndHints() {
        let text = """
        <!-- exercise
        id: relu
        -->
        # ReLU

        Write `relu(_:)`.

        ## Your task

        Return $\\max(0, x)$.

        ## Hints

        1. Compare with zero.

        ## After the hints

        Kept.
        """
        let edition = ExerciseParser.parse(text, id: "relu", language: .english, path: "Exercises/relu/exercise.md")
        let plain = edition.task.blocks.map { block -> String in
            switch block {
            case .paragraph(let inlines, _): return inlines.plainText
            case .heading(_, let inlines, _): return "## " + inlines.plainText
            default: return "?"
            }
        }
        #expect(plain == ["Write relu(_:).", "## Your task", "Return $\\max(0, x)$.", "## After the hints", "Kept."])
        #expect(edition.hints == ["Compare with zero."])
    }
}
