func answer() -> Int {
    fatalError("the learner gave up")
}
