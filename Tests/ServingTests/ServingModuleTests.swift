import Testing
@testable import Serving

@Suite struct ServingModuleTests {
    @Test func moduleLinks() { #expect("\(ServingModule.self)" == "ServingModule") }
}
