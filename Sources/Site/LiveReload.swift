import Foundation

/// Live reload for `llmcourse site serve`: the page reloads itself after a rebuild.
///
/// The preview server answers one request at a time, so a held-open connection (server-sent
/// events, long polling) would stall every other request; instead each HTML page the server
/// sends gets a small script that asks `/__llmcourse/build` once a second for the build
/// number, and reloads when it moved past the number the page was served with. The built
/// files never contain the script — only the served copies do — so a published site has no
/// trace of it.
///
/// Usage:
/// ```swift
/// let reload = LiveReload()
/// let watcher = SiteWatcher(root: root, builder: builder) { _ in reload.built() }
/// let server = try PreviewServer(folder: out, port: 8000, liveReload: reload)
/// ```
public final class LiveReload: @unchecked Sendable {
    public static let endpoint = "/__llmcourse/build"
    private let lock = NSLock()
    private var number = 0

    public init() {}

    /// Call after each finished build.
    public func built() {
        lock.lock(); number += 1; lock.unlock()
    }

    public var build: Int {
        lock.lock(); defer { lock.unlock() }
        return number
    }

    /// The polling script, pinned to the current build number.
    var script: String {
        """
        <script>(function () {
          var served = "\(build)";
          function poll() {
            fetch("\(Self.endpoint)", { cache: "no-store" }).then(function (r) { return r.text(); }).then(function (now) {
              if (now.trim() !== served) { window.location.reload(); return; }
              setTimeout(poll, 1000);
            }, function () { setTimeout(poll, 2000); });  /* server stopped or restarting: keep asking */
          }
          setTimeout(poll, 1000);
        })();</script>
        """
    }

    /// An HTML page with the script added before `</body>` (at the end when there is none).
    func inject(into page: Data) -> Data {
        var html = String(decoding: page, as: UTF8.self)
        if let end = html.range(of: "</body>", options: .backwards) {
            html.insert(contentsOf: script + "\n", at: end.lowerBound)
        } else {
            html += script
        }
        return Data(html.utf8)
    }
}
