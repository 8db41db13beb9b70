import Tensors

/// One generated word problem with its reference solution: the tool calls a correct agent makes,
/// their observations, and the exact answer.
public struct WordProblem: Sendable, Equatable {
    public var question: String
    /// The reference calls in order (`lookup[crate]`, then `calc[7*12]`).
    public var calls: [ToolCall]
    public var answer: String

    /// The full ReAct trace of a correct run, prompt included. With `tools: false` the trace
    /// answers at once, as a model without tools would have to.
    public func trace(tools: Bool, toolbox: Toolbox) -> String {
        var text = ReAct.prompt(question: question, tools: tools ? toolbox.names : [])
        if tools {
            for call in calls {
                text += call.description + "\n"
                text += ReAct.observation + ((try? toolbox.tool(named: call.tool)!.run(call.argument)) ?? "?") + "\n"
            }
        }
        return text + ReAct.answer + answer + "\n"
    }
}

// ANCHOR: problems
/// Seeded arithmetic word problems a tiny model cannot solve in its head but can write down as
/// an expression: products of two-digit numbers, sums of products, differences, fair shares, and
/// quantities per container that must be looked up first.
///
/// ```swift
/// let world = WordProblemWorld(seed: 42)
/// let p = world.problems(count: 1, seed: 7)[0]
/// p.question   // "Ana has 17 boxes of 3 pens and 4 loose pens. How many pens?"
/// p.calls      // [calc[17*3+4]]
/// p.answer     // "55"
/// ```
public struct WordProblemWorld: Sendable {
    /// Container → (how many items it holds, the items), drawn once per seed.
    public let containers: [(container: String, count: Int, items: String)]

    static let names = ["Ana", "Ben", "Cai", "Dev", "Eli", "Fay", "Gus", "Hao", "Ivy", "Jo", "Kim", "Lea", "Max", "Noa", "Oz", "Pia"]
    static let kinds = [("crate", "eggs"), ("box", "pens"), ("bag", "apples"), ("pack", "cards"), ("jar", "cookies"),
                        ("tray", "cups"), ("case", "bottles"), ("sack", "onions"), ("tin", "nails"), ("roll", "stamps")]

    public init(seed: UInt64) {
        var rng = SplitMix64(seed: seed)
        containers = Self.kinds.map { ($0.0, 6 + rng.nextInt(below: 19), $0.1) }
    }

    /// The facts the lookup tool indexes: `a crate holds 12 eggs`, one per container.
    public var facts: [String] { containers.map { "a \($0.container) holds \($0.count) \($0.items)" } }

    /// The tools a solver needs: the calculator and a lookup over ``facts``.
    public var toolbox: Toolbox { Toolbox([Calculator(), LookupTool(facts: facts)]) }

    /// `count` problems of the five kinds in turn, numbers drawn from `seed`.
    public func problems(count: Int, seed: UInt64) -> [WordProblem] {
        var rng = SplitMix64(seed: seed)
        func int(_ range: ClosedRange<Int>) -> Int { range.lowerBound + rng.nextInt(below: range.count) }
        return (0..<count).map { i in
            let name = Self.names[rng.nextInt(below: Self.names.count)]
            let (a, b, c) = (int(11...99), int(3...19), int(2...29))
            switch i % 5 {
            case 0:
                return Self.make("\(name) has \(a) boxes of \(b) pens and \(c) loose pens. How many pens?", "\(a)*\(b)+\(c)")
            case 1:
                let spent = int(2...(a - 1))
                return Self.make("\(name) had \(a) coins, spent \(spent) and got \(c). How many now?", "\(a)-\(spent)+\(c)")
            case 2:
                return Self.make("\(name) shares \(a * b) cards among \(b) kids. How many each?", "\(a * b)/\(b)")
            case 3:
                let d = int(3...19)
                return Self.make("\(name) buys \(b) pens at \(a) cents and \(d) at \(c) cents. Total cents?", "\(b)*\(a)+\(d)*\(c)")
            default:
                let kind = containers[rng.nextInt(below: containers.count)]
                let question = "\(name) buys \(a) \(kind.container)s. How many \(kind.items)?"
                return Self.make(question, "\(a)*\(kind.count)", lookup: kind.container)
            }
        }
    }

    static func make(_ question: String, _ expression: String, lookup: String? = nil) -> WordProblem {
        let value = Calculator.format((try? Calculator.evaluate(expression)) ?? .nan)
        let calls = (lookup.map { [ToolCall(tool: "lookup", argument: $0)] } ?? []) + [ToolCall(tool: "calc", argument: expression)]
        return WordProblem(question: question, calls: calls, answer: value)
    }
}
// ANCHOR_END: problems
