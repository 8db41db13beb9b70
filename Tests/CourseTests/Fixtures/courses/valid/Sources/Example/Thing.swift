/// Example source with an anchored region.
enum Thing {
    // ANCHOR: sum
    static func sum(_ xs: [Int]) -> Int {
        xs.reduce(0, +)
    }
    // ANCHOR_END: sum
}
