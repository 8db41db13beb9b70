/// Demos of the security chapter: prompt injection against retrieval, a backdoor planted by
/// poisoning, refusal and abliteration.
enum SecurityDemos {
    static let all: [Demo] = [
        PromptInjectionDemo.demo,
        AbliterationDemo.demo,
        BackdoorDemo.demo,
    ]
}
