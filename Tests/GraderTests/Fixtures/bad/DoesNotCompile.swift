func answer() -> Int {
    let x: Int = "forty-two"
    return x
}
