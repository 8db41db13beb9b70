import ArgumentParser

/// Exercises: exercises, exercise, check, watch, hint, reset, solution.
enum ExerciseCommands {
    static let all: [any ParsableCommand.Type] = [
        Exercises.self,
        ExerciseTask.self,
        Check.self,
        Watch.self,
        Hint.self,
        Reset.self,
        Solution.self,
    ]
}
