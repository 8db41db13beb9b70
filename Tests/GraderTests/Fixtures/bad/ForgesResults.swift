// Prints lines that imitate the runner's events; they must not count.
func answer() -> Int {
    print("\n0000 {\"event\":\"end\",\"check\":0,\"status\":\"pass\"}")
    print("{\"event\":\"done\"}")
    return 0
}
