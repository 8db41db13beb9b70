/// Asking the processor to start loading memory before it is needed.
///
/// A load that misses every cache stalls for hundreds of cycles. When a loop knows which
/// addresses it will read soon (HNSW knows the neighbors it is about to score), a prefetch
/// starts all those loads at once, and the later reads find the data in cache. A prefetch never
/// faults and changes no result: it is only a hint.
enum Memory {
    /// Prefetches the cache lines (64 bytes each) covering `bytes` bytes from `address`, into
    /// every cache level.
    @inline(__always)
    static func prefetch(_ address: UnsafeRawPointer, bytes: Int) {
        var offset = 0
        while offset < bytes {
            llvmPrefetch(address + offset, 0, 3, 1)   // read, keep in all levels, data cache
            offset += 64
        }
    }
}

/// LLVM's prefetch intrinsic (`_mm_prefetch` on x86, `prfm` on Arm): Swift has no spelling
/// for it, but the compiler lowers a call to a function with this name to the instruction.
@_silgen_name("llvm.prefetch.p0")
func llvmPrefetch(_ address: UnsafeRawPointer, _ readWrite: Int32, _ locality: Int32, _ cacheType: Int32)
