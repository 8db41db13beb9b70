func answer(_ question: String) -> Int {
    42
}
