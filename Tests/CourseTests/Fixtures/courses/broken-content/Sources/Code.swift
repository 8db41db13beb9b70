enum Code {
    // ANCHOR: open
    static let x = 1
    // ANCHOR: closed
    static let y = 2
    // ANCHOR_END: closed
}
