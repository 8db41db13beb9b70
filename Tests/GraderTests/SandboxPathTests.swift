import Testing
@testable import Grader

@Suite("Sandbox mount points")
struct SandboxPathTests {
    @Test func foldersBelowTheFreshTmpAreMadeReadable() {
        // A course cloned under /tmp: bwrap must make each folder of the library's path on the
        // private /tmp, or the program cannot reach its library after dropping privileges.
        #expect(Sandbox.ancestors(of: "/tmp/ci/.build/debug/libLLMCourseKit.so")
                == ["/tmp/ci", "/tmp/ci/.build", "/tmp/ci/.build/debug"])
    }

    @Test func systemFoldersAreLeftToTheirOwnBinds() {
        #expect(Sandbox.ancestors(of: "/usr/lib/libx.so") == [])
        #expect(Sandbox.ancestors(of: "/work/course/lib.so") == ["/work", "/work/course"])
    }
}
