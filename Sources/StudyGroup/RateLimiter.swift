import Foundation

/// Per-member token buckets: `burst` submissions at once, refilled at `perMinute` a minute.
/// A refused request learns how many seconds to wait (the `Retry-After` header).
public actor RateLimiter {
    public let burst: Double
    public let perMinute: Double
    private var buckets: [String: (tokens: Double, updated: Date)] = [:]

    public init(burst: Int, perMinute: Double) {
        self.burst = Double(max(1, burst))
        self.perMinute = max(0.001, perMinute)
    }

    /// Takes one token for `key`; returns nil when allowed, else the seconds to wait.
    public func take(_ key: String, now: Date = Date()) -> Int? {
        var bucket = buckets[key] ?? (burst, now)
        let refill = now.timeIntervalSince(bucket.updated) * perMinute / 60
        bucket = (min(burst, bucket.tokens + refill), now)
        if bucket.tokens >= 1 {
            bucket.tokens -= 1
            buckets[key] = bucket
            return nil
        }
        buckets[key] = bucket
        return max(1, Int(((1 - bucket.tokens) * 60 / perMinute).rounded(.up)))
    }
}
