import Testing
@testable import Agents

@Suite struct AgentsModuleTests {
    @Test func moduleLinks() { #expect("\(AgentsModule.self)" == "AgentsModule") }
}
