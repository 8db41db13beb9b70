/// Demos of the agents chapter: the loop and its tools, then a tiny model trained to call them.
enum AgentsDemos {
    static let all: [Demo] = [
        AgentLoopDemo.demo,
        AgentTrainDemo.demo,
    ]
}
