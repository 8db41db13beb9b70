import ArgumentParser

/// Exercises: exercises, check, watch, hint, reset, solution.
enum ExerciseCommands {
    static let all: [any ParsableCommand.Type] = [
        Exercises.self,
        Check.self,
        Watch.self,
        Hint.self,
        Reset.self,
        Solution.self,
    ]
}
