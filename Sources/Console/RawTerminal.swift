#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The saved terminal settings, reachable from a signal handler (which cannot capture context).
/// Written once by ``RawTerminal/enter()`` before the handlers are installed.
nonisolated(unsafe) private var savedSettings = termios()
nonisolated(unsafe) private var settingsSaved = false
/// The raw-mode settings, re-applied when the process is resumed after Ctrl-Z.
nonisolated(unsafe) private var rawSettings = termios()
/// Set by the SIGWINCH and SIGCONT handlers; the key reader turns it into a redraw.
nonisolated(unsafe) private var windowChanged = false
/// Whether raw mode also took over the screen (the stepper) or kept the scrollback (watch).
nonisolated(unsafe) private var usesAlternateScreen = true

private func writeSignalSafe(_ text: StaticString) {
    _ = write(STDOUT_FILENO, text.utf8Start, text.utf8CodeUnitCount)
}

/// Ctrl-Z: give the shell back a normal terminal, then stop for real.
private func suspendReading(_ sig: Int32) {
    tcsetattr(STDIN_FILENO, TCSAFLUSH, &savedSettings)
    if usesAlternateScreen { writeSignalSafe("\u{1B}[?25h\u{1B}[?1049l") }
    signal(SIGTSTP, SIG_DFL)
    raise(SIGTSTP)  // delivered when this handler returns
}

/// `fg` after Ctrl-Z: raw mode and the lesson screen come back.
private func resumeReading(_ sig: Int32) {
    tcsetattr(STDIN_FILENO, TCSAFLUSH, &rawSettings)
    if usesAlternateScreen { writeSignalSafe("\u{1B}[?1049h\u{1B}[?25l") }
    signal(SIGTSTP, suspendReading)
    windowChanged = true
}

/// Restores the terminal and leaves: used for SIGINT/SIGTERM/SIGHUP while in raw mode.
/// Only async-signal-safe calls here (tcsetattr, write, _exit).
private func restoreAndExit(_ signal: Int32) {
    RawTerminal.beforeExit?()
    if settingsSaved { tcsetattr(STDIN_FILENO, TCSAFLUSH, &savedSettings) }
    if usesAlternateScreen {
        let restore = RawTerminal.leaveSequence
        _ = restore.withCString { write(STDOUT_FILENO, $0, strlen($0)) }
    }
    _exit(128 + signal)
}

/// Key-at-a-time input for the lesson stepper.
///
/// `enter()` turns off line buffering and echo (termios `ICANON`, `ECHO`), switches to the
/// alternate screen and hides the cursor; `leave()` undoes all of it. Ctrl-C still sends
/// SIGINT (`ISIG` stays on) and the handler installed here restores the terminal before the
/// process exits, so the learner never ends up in a shell without echo. Ctrl-Z hands the shell
/// a normal terminal, and `fg` brings the lesson back.
public final class RawTerminal {
    /// Escape codes to leave the alternate screen and show the cursor again.
    public static let leaveSequence = "\u{1B}[?25h\u{1B}[?1049l"
    public static let enterSequence = "\u{1B}[?1049h\u{1B}[?25l"

    private var active = false
    /// True while raw mode is on (never when standard input is not a terminal).
    public var isActive: Bool { active }

    /// Runs in the signal handler before the terminal is restored and the process exits:
    /// for cleanup that must not be skipped (the grader kills the compiler it started).
    /// Only async-signal-safe work, and no captured context.
    nonisolated(unsafe) public static var beforeExit: (@convention(c) () -> Void)?

    public init() {}

    deinit { leave() }

    /// Raw mode on. `alternateScreen` (the stepper) also takes over the screen and hides the
    /// cursor; without it (`watch`) output keeps scrolling as usual.
    public func enter(alternateScreen: Bool = true) {
        guard !active, isatty(STDIN_FILENO) == 1 else { return }
        usesAlternateScreen = alternateScreen
        var settings = termios()
        guard tcgetattr(STDIN_FILENO, &settings) == 0 else { return }
        savedSettings = settings
        settingsSaved = true
        for sig in [SIGINT, SIGTERM, SIGHUP] { signal(sig, restoreAndExit) }
        Self.watchWindowSize()
        settings.c_lflag &= ~tcflag_t(ICANON | ECHO)
        withUnsafeMutableBytes(of: &settings.c_cc) { cc in
            cc[Int(VMIN)] = 1
            cc[Int(VTIME)] = 0
        }
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &settings)
        rawSettings = settings
        signal(SIGTSTP, suspendReading)
        signal(SIGCONT, resumeReading)
        if alternateScreen { Output.write(Self.enterSequence) }
        active = true
    }

    public func leave() {
        guard active else { return }
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &savedSettings)
        for sig in [SIGINT, SIGTERM, SIGHUP, SIGWINCH, SIGTSTP, SIGCONT] { signal(sig, SIG_DFL) }
        if usesAlternateScreen { Output.write(Self.leaveSequence) }
        active = false
    }

    /// A key the stepper understands (or a change of window size, so it can redraw).
    public enum Key: Equatable, Sendable {
        case character(Character)
        case up, down, pageUp, pageDown, home, end, left, right, escape, enter, resize
    }

    /// Notes SIGWINCH in a flag that ``readKey()`` checks, so the screen is redrawn at once.
    private static func watchWindowSize() {
        #if os(Linux)
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in windowChanged = true }
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        sigaction(SIGWINCH, &action, nil)
        #endif
    }

    /// Blocks until a key arrives; nil at end of input.
    public func readKey() -> Key? {
        // The signal may reach another thread than the one blocked here, so wait in short
        // slices and look at the flag between them instead of relying on EINTR.
        while !waitForInput(milliseconds: 150) {
            if windowChanged { windowChanged = false; return .resize }
        }
        if windowChanged { windowChanged = false; return .resize }
        return decodeKey()
    }

    /// The key waiting now, if any (never blocks): for loops that also wait on other things.
    public func pendingKey() -> Key? {
        guard waitForInput(milliseconds: 0) else { return nil }
        return decodeKey()
    }

    /// Reads one key's bytes (input is known to be waiting).
    private func decodeKey() -> Key? {
        guard let byte = readByte() else { return nil }
        switch byte {
        case 0x1B:
            guard waitForInput(milliseconds: 40), let next = readByte() else { return .escape }
            guard next == UInt8(ascii: "[") || next == UInt8(ascii: "O"), let code = readByte() else { return .escape }
            switch code {
            case UInt8(ascii: "A"): return .up
            case UInt8(ascii: "B"): return .down
            case UInt8(ascii: "C"): return .right
            case UInt8(ascii: "D"): return .left
            case UInt8(ascii: "H"): return .home
            case UInt8(ascii: "F"): return .end
            case UInt8(ascii: "5"): _ = readByte(); return .pageUp
            case UInt8(ascii: "6"): _ = readByte(); return .pageDown
            default: return .escape
            }
        case 0x0D, 0x0A:
            return .enter
        default:
            var bytes = [byte]
            // Multi-byte UTF-8 (a key typed with a Chinese input method, e.g. full-width ｑ).
            if byte >= 0xC0 {
                let extra = byte >= 0xF0 ? 3 : byte >= 0xE0 ? 2 : 1
                for _ in 0..<extra { if let b = readByte() { bytes.append(b) } }
            }
            let s = String(decoding: bytes, as: UTF8.self)
            return s.first.map { .character($0) } ?? .escape
        }
    }

    private func readByte() -> UInt8? {
        var b: UInt8 = 0
        while true {
            let n = read(STDIN_FILENO, &b, 1)
            if n == 1 { return b }
            if n < 0 && errno == EINTR { continue }
            return nil
        }
    }

    private func waitForInput(milliseconds: Int32) -> Bool {
        var fds = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
        return poll(&fds, 1, milliseconds) > 0
    }
}

#if canImport(Glibc)
private let systemWrite = Glibc.write
#else
private let systemWrite = Darwin.write
#endif

/// Unbuffered writes to stdout (the stepper redraws whole screens and must not interleave
/// with Swift's buffered `print`).
public enum Output {
    public static func write(_ text: String) {
        var remaining = Array(text.utf8)[...]
        while !remaining.isEmpty {
            let n = remaining.withUnsafeBytes { systemWrite(STDOUT_FILENO, $0.baseAddress, $0.count) }
            if n <= 0 { if errno == EINTR { continue }; return }
            remaining = remaining.dropFirst(n)
        }
    }
}
