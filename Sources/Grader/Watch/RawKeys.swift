import CheckProtocol
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Single-key input from a terminal: no line buffering, no echo; Ctrl-C still interrupts.
/// The terminal's previous mode is restored on `restore()`, at exit, and on SIGINT/SIGTERM.
final class RawKeys {
    let enabled: Bool

    init() {
        guard isatty(STDIN_FILENO) == 1, tcgetattr(STDIN_FILENO, &RawKeys.saved) == 0 else {
            enabled = false
            return
        }
        enabled = true
        RawKeys.active = true
        var raw = RawKeys.saved
        raw.c_lflag &= ~tcflag_t(ICANON | ECHO)
        withUnsafeMutableBytes(of: &raw.c_cc) { cc in
            cc[Int(VMIN)] = 0
            cc[Int(VTIME)] = 0
        }
        tcsetattr(STDIN_FILENO, TCSANOW, &raw)
        atexit { RawKeys.restoreSaved() }
        for sig in [SIGINT, SIGTERM, SIGHUP] {
            signal(sig) { number in
                // A compile or run under way dies with the session.
                ChildProcess.killRunningChildren()
                RawKeys.restoreSaved()
                _exit(128 + number)
            }
        }
    }

    /// The next key pressed, if any is waiting.
    func key() -> Character? {
        var byte: UInt8 = 0
        guard read(STDIN_FILENO, &byte, 1) == 1 else { return nil }
        return Character(Unicode.Scalar(byte))
    }

    func restore() { RawKeys.restoreSaved() }

    // The signal handler cannot capture context, so the saved mode is process-wide. Only the
    // main thread touches it (set once before the handler is installed).
    nonisolated(unsafe) private static var saved = termios()
    nonisolated(unsafe) private static var active = false

    private static func restoreSaved() {
        guard active else { return }
        active = false
        tcsetattr(STDIN_FILENO, TCSANOW, &saved)
    }
}
