struct Fake {
    // ANCHOR: piece
    let live = 42  // from the source
    // ANCHOR_END: piece
}
