import Testing
@testable import LoadTesting

@Suite struct LoadTestingModuleTests {
    @Test func moduleLinks() { #expect("\(LoadTestingModule.self)" == "LoadTestingModule") }
}
