func depth(_ n: Int) -> Int { n < 0 ? 0 : depth(n + 1) + 1 }

func answer() -> Int { depth(0) }
