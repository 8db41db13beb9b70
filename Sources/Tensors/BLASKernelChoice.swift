import Foundation

/// Picks OpenBLAS's kernel where its own detection falls short.
///
/// A `DYNAMIC_ARCH` OpenBLAS chooses its kernels when it loads, by the processor's model
/// number. A release older than the processor (Debian 12 ships 0.3.21) does not know it and
/// falls back to `Prescott`, the SSE3 kernels: matrix products then run several times slower
/// than the AVX2 or AVX-512 kernels the processor can run. The choice is made before `main`, so
/// it can only be corrected for a new process: ``corrected()`` names the kernel the
/// processor's feature flags allow, and a command re-executes itself with
/// `OPENBLAS_CORETYPE` set to it (`OPENBLAS_CORETYPE` set by the user always wins).
///
/// Only the commands whose output is speed (`serve`, `bench`) do so. A different kernel sums in a
/// different order, so trained demos would print slightly different numbers from the ones the
/// lessons quote; the demos keep OpenBLAS's own choice until the lessons are rerun with it.
public enum BLASKernelChoice {
    /// The kernel to ask for, or nil when OpenBLAS's choice stands.
    public static func corrected(environment: [String: String] = ProcessInfo.processInfo.environment,
                                 cpuFlags: Set<String>? = nil) -> String? {
        guard environment["OPENBLAS_CORETYPE"] == nil, BLAS.coreName.lowercased() == "prescott" else { return nil }
        return kernel(for: cpuFlags ?? flags())
    }

    /// The best kernel family these feature flags can run.
    public static func kernel(for flags: Set<String>) -> String? {
        if flags.isSuperset(of: ["avx512f", "avx512bw", "avx512dq", "avx512vl", "avx512cd"]) { return "SkylakeX" }
        if flags.isSuperset(of: ["avx2", "fma"]) { return "Haswell" }
        return nil
    }

    /// The `flags` line of /proc/cpuinfo (Linux).
    static func flags() -> Set<String> {
        guard let text = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
              let line = text.split(separator: "\n").first(where: { $0.hasPrefix("flags") }),
              let colon = line.firstIndex(of: ":") else { return [] }
        return Set(line[line.index(after: colon)...].split(separator: " ").map(String.init))
    }

    /// Re-executes this program with the corrected kernel; returns only when there is nothing
    /// to correct or the re-execution failed (the program then runs on as it was).
    public static func reexecuteIfNeeded() {
        guard let kernel = corrected(), ProcessInfo.processInfo.environment["LLMCOURSE_BLAS_REEXEC"] == nil else { return }
        setenv("OPENBLAS_CORETYPE", kernel, 1)
        setenv("LLMCOURSE_BLAS_REEXEC", "1", 1)
        let arguments = CommandLine.arguments
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        execv("/proc/self/exe", &argv)
    }
}
