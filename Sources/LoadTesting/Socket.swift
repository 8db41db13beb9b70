import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A TCP connection over POSIX sockets with a timeout on every wait.
///
/// The descriptor stays non-blocking and each connect, send and receive first waits in
/// `poll` for at most `timeout` seconds, so a silent server becomes a clear error instead of a
/// thread stuck forever in `recv`.
final class Socket {
    let fd: Int32

    private init(fd: Int32) { self.fd = fd }

    deinit { close(fd) }

    /// Connects to the first address of `server.host` that accepts. Refused on every address
    /// means nothing listens there, which gets its own error (the usual mistake: no server).
    static func connect(to server: ServerURL, timeout: Double) throws -> Socket {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(server.host, String(server.port), &hints, &list) == 0, let first = list else {
            throw LoadTestError.cannotResolve(host: server.host)
        }
        defer { freeaddrinfo(list) }
        var refused = false, timedOut = false, lastError: Int32 = 0
        var entry: UnsafeMutablePointer<addrinfo>? = first
        while let info = entry {
            entry = info.pointee.ai_next
            let fd = socket(info.pointee.ai_family, info.pointee.ai_socktype, info.pointee.ai_protocol)
            guard fd >= 0 else { lastError = errno; continue }
            let sock = Socket(fd: fd)
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            var one: Int32 = 1  // small SSE writes should not wait for Nagle on our side either
            setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
            var status = Glibc.connect(fd, info.pointee.ai_addr, info.pointee.ai_addrlen)
            if status != 0 && errno == EINPROGRESS {
                guard try sock.wait(for: Int16(POLLOUT), timeout: timeout, connecting: true) else { timedOut = true; continue }
                var error: Int32 = 0
                var length = socklen_t(MemoryLayout<Int32>.size)
                getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &length)
                status = error == 0 ? 0 : -1
                errno = error
            }
            if status == 0 { return sock }
            lastError = errno
            if errno == ECONNREFUSED { refused = true }
        }
        if refused { throw LoadTestError.connectionRefused(url: server.description) }
        if timedOut { throw LoadTestError.connectTimeout(url: server.description, seconds: timeout) }
        throw LoadTestError.socket("cannot connect to \(server): \(String(cString: strerror(lastError)))")
    }

    /// Writes all of `bytes`. MSG_NOSIGNAL: a server that hung up gives EPIPE, not a SIGPIPE
    /// that would end the whole process.
    func sendAll(_ bytes: [UInt8], timeout: Double) throws {
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if n > 0 { offset += n; continue }
            if n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR) {
                guard try wait(for: Int16(POLLOUT), timeout: timeout) else { throw LoadTestError.readTimeout(seconds: timeout) }
                continue
            }
            throw LoadTestError.socket("send failed: \(String(cString: strerror(errno)))")
        }
    }

    /// Reads what is available into `buffer`; 0 means the server closed the connection.
    func receive(into buffer: inout [UInt8], timeout: Double) throws -> Int {
        while true {
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n >= 0 { return n }
            guard errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR else {
                if errno == ECONNRESET { throw LoadTestError.connectionClosed }
                throw LoadTestError.socket("recv failed: \(String(cString: strerror(errno)))")
            }
            guard try wait(for: Int16(POLLIN), timeout: timeout) else { throw LoadTestError.readTimeout(seconds: timeout) }
        }
    }

    /// Waits until the socket is ready for `events`; false on timeout.
    private func wait(for events: Int16, timeout: Double, connecting: Bool = false) throws -> Bool {
        var entry = pollfd(fd: fd, events: events, revents: 0)
        let deadline = Monotonic.seconds() + timeout
        while true {
            let left = max(0, deadline - Monotonic.seconds())
            let ready = poll(&entry, 1, Int32(min(left * 1000, Double(Int32.max)).rounded(.up)))
            if ready > 0 { return true }
            if ready == 0 { return false }
            if errno != EINTR { throw LoadTestError.socket("poll failed: \(String(cString: strerror(errno)))") }
        }
    }
}

/// Seconds on the monotonic clock: never jumps with NTP or a changed wall clock, so
/// differences between two readings are true durations.
public enum Monotonic {
    public static func seconds() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
    }
}
