import Testing
@testable import Tensors

@Suite struct BLASKernelChoiceTests {
    @Test func kernelFollowsTheFeatureFlags() {
        #expect(BLASKernelChoice.kernel(for: ["sse3", "avx", "avx2", "fma", "avx512f", "avx512bw", "avx512dq", "avx512vl", "avx512cd"]) == "SkylakeX")
        #expect(BLASKernelChoice.kernel(for: ["sse3", "avx", "avx2", "fma", "avx512f"]) == "Haswell")  // AVX-512 foundation alone is not enough
        #expect(BLASKernelChoice.kernel(for: ["sse3", "avx"]) == nil)
    }

    @Test func theUsersChoiceStands() {
        #expect(BLASKernelChoice.corrected(environment: ["OPENBLAS_CORETYPE": "Haswell"], cpuFlags: ["avx2", "fma"]) == nil)
    }

    @Test func cpuInfoIsRead() {
        // Every x86-64 Linux processor lists sse2; elsewhere the set may be empty.
        let flags = BLASKernelChoice.flags()
        #expect(flags.isEmpty || flags.contains("sse2") || flags.contains("fp"))
    }
}
