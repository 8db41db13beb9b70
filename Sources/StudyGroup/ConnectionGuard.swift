import Foundation
import NIOCore
import NIOHTTPTypes

/// Caps how many connections the server holds open, so thousands of idle or half-open sockets
/// cannot use up the process's file descriptors and stop it serving anyone.
///
/// Every accepted connection registers here. At the cap, a new connection makes room by
/// closing an idle connection (no request being read or answered): first one that has never
/// been answered (a silent or stalled socket), longest idle first; only then a kept-alive
/// connection that has been answered before, so a member's pooled connection outlives a flood
/// of sockets accepted after it. When every connection is busy with a request, the new one is
/// closed instead. Idle sockets
/// are therefore what gets shed under a flood, and a member's request on a fresh connection is
/// still answered. Deferring the accept instead would leave members waiting in the kernel's
/// backlog behind the flood until the idle timeout freed a place.
///
/// Busy means "a request head was read and its response not yet finished": a socket that sent
/// nothing, or only part of a request head, counts as idle.
public final class ConnectionGuard: @unchecked Sendable {
    private let lock = NSLock()
    private var cap: Int
    private var open: [Int: Entry] = [:]
    private var nextID = 0
    /// Increases with every request event; the smallest among idle entries is the longest idle.
    private var tick = 0
    private var shed = 0
    private var accepted = 0

    private struct Entry {
        let channel: any Channel
        var busy: Int
        var lastActive: Int
        /// At least one response was finished on this connection.
        var answered = false

        /// Orders victims: never-answered before answered, then longest idle first.
        func shedsBefore(_ other: Entry) -> Bool {
            answered != other.answered ? !answered : lastActive < other.lastActive
        }
    }

    public init(maximum: Int) {
        cap = max(1, maximum)
    }

    /// Most connections held at once.
    public var maximum: Int { lock.withLock { cap } }

    /// Lowers the cap (to what the open-file limit allows); connections already open stay.
    func lower(to maximum: Int) { lock.withLock { cap = max(1, min(cap, maximum)) } }

    /// How many connections are open now.
    public var openCount: Int { lock.withLock { open.count } }
    /// How many connections were closed to stay under the cap since the server started.
    public var shedCount: Int { lock.withLock { shed } }
    /// How many connections the server has accepted since it started (held, shed or closed).
    public var acceptedCount: Int { lock.withLock { accepted } }

    /// A handler for one new connection's pipeline (after HTTP decoding).
    func handler() -> ConnectionGuardHandler { ConnectionGuardHandler(guard: self) }

    /// Registers `channel`; returns its id, or nil when every place is busy (the caller closes it).
    func register(_ channel: any Channel) -> Int? {
        let (id, victim): (Int?, (any Channel)?) = lock.withLock {
            var victim: (any Channel)?
            accepted += 1
            if open.count >= cap {
                guard let oldest = open.filter({ $0.value.busy == 0 }).min(by: { $0.value.shedsBefore($1.value) }) else {
                    shed += 1
                    return (nil, nil)
                }
                open[oldest.key] = nil
                shed += 1
                victim = oldest.value.channel
            }
            nextID += 1
            tick += 1
            open[nextID] = Entry(channel: channel, busy: 0, lastActive: tick)
            return (nextID, victim)
        }
        // Closed outside the lock: closing runs handlers on the victim's event loop.
        victim?.close(promise: nil)
        return id
    }

    func requestStarted(_ id: Int) { update(id) { $0.busy += 1 } }
    func responseFinished(_ id: Int) {
        update(id) {
            $0.busy = max(0, $0.busy - 1)
            $0.answered = true
        }
    }

    func unregister(_ id: Int) {
        lock.withLock { _ = open.removeValue(forKey: id) }
    }

    private func update(_ id: Int, _ change: (inout Entry) -> Void) {
        lock.withLock {
            guard var entry = open[id] else { return }
            change(&entry)
            tick += 1
            entry.lastActive = tick
            open[id] = entry
        }
    }
}

/// Tells the guard when its connection starts reading a request and finishes answering it.
final class ConnectionGuardHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    private let connections: ConnectionGuard
    private var id: Int?
    private var registered = false

    init(guard connections: ConnectionGuard) {
        self.connections = connections
    }

    // A connection counts once it is active, whichever of these sees that first.
    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { register(context) }
    }

    func channelActive(context: ChannelHandlerContext) {
        register(context)
        context.fireChannelActive()
    }

    private func register(_ context: ChannelHandlerContext) {
        guard !registered else { return }
        registered = true
        guard let id = connections.register(context.channel) else {
            context.close(promise: nil)
            return
        }
        self.id = id
        let connections = self.connections
        context.channel.closeFuture.whenComplete { _ in connections.unregister(id) }
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if let id, case .head = unwrapInboundIn(data) { connections.requestStarted(id) }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if let id, case .end = unwrapOutboundIn(data) { connections.responseFinished(id) }
        context.write(data, promise: promise)
    }
}
