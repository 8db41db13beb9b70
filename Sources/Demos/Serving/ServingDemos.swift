/// Demos of the deployment chapter: the serving engine's scheduler and the server under load.
enum ServingDemos {
    static let all: [Demo] = [
        ContinuousBatchingDemo.demo,
        ServeLoadDemo.demo,
    ]
}
