/// Every `include=` names a file that exists and an anchor marked in it.
struct IncludeRule: LintRule {
    let name = "includes"

    func check(_ context: LintContext) -> [LintProblem] {
        var problems: [LintProblem] = []
        for lesson in context.allLessons {
            for include in lesson.includes {
                do {
                    _ = try Course.resolve(include, in: lesson, text: context.text(ofFile: include.path))
                } catch {
                    if case .invalid(let diagnostic) = error { problems.append(diagnostic) }
                }
            }
        }
        return problems
    }
}

/// Every `run <demo-id>` block names a demo that exists (when the registry is known) and that
/// the English lesson's metadata lists under `demos:`.
struct RunStepRule: LintRule {
    let name = "run-steps"

    func check(_ context: LintContext) -> [LintProblem] {
        var problems: [LintProblem] = []
        for lesson in context.allLessons {
            let listed = Set(lesson.metadata?.demos ?? [])
            for step in lesson.runSteps {
                func report(_ message: String) {
                    problems.append(LintProblem(path: lesson.path, at: step.range.start, message: message))
                }
                if step.demoID.isEmpty {
                    report("run step names no demo: write the fence as ```run <demo-id>")
                } else if let known = context.knownDemoIDs, !known.contains(step.demoID) {
                    report("unknown demo '\(step.demoID)' in run step: no demo has this id (see `llmcourse run --list`)")
                } else if lesson.language == .english, lesson.metadata != nil, !listed.contains(step.demoID) {
                    report("demo '\(step.demoID)' runs here but is missing from the metadata `demos:` line: add it there")
                }
            }
        }
        return problems
    }
}
