func answer() -> Int {
    for i in 0..<50_000_000 { print("line \(i) of far too much output") }
    return 42
}
