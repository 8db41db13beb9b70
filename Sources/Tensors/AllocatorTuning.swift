#if os(Linux)
/// glibc's `int mallopt(int param, int value)` from `<malloc.h>`, which the Glibc module does not export.
@_silgen_name("mallopt")
private func mallopt(_ parameter: Int32, _ value: Int32) -> Int32
private let M_TRIM_THRESHOLD: Int32 = -1, M_MMAP_THRESHOLD: Int32 = -3
#endif

/// Keeps freed tensor buffers in the process for reuse.
///
/// A training step allocates and frees the same set of large buffers (activations, gradients)
/// every time. By default glibc serves blocks over 128 KiB with `mmap` and hands freed memory
/// at the top of the heap back to the system, so each step gets fresh pages from the kernel and
/// pays a page fault plus zeroing for every 4 KiB touched — a tenth of a small MLP's step.
/// Raising both thresholds lets the next step reuse the previous step's memory instead.
/// The cost is that the process keeps up to a few hundred MiB it no longer needs.
///
/// ``Variable/backward(seed:)`` calls this once, so training loops get it without asking.
public enum AllocatorTuning {
    private static let applied: Bool = {
        #if os(Linux)
        _ = mallopt(M_MMAP_THRESHOLD, 64 << 20)    // blocks up to 64 MiB come from the heap…
        _ = mallopt(M_TRIM_THRESHOLD, 512 << 20)   // …and up to 512 MiB of free heap is kept
        #endif
        return true
    }()

    /// Applies the tuning (once per process; later calls do nothing).
    public static func keepFreedMemory() { _ = applied }
}
