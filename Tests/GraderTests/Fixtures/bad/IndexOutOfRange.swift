func answer() -> Int {
    let values = [40, 41]
    return values[values.count + Int.random(in: 0...1)]
}
