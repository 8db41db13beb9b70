import Testing
@testable import Terminal

/// The command line as typed, before the parser: `--lang` before the subcommand, typos.
@Suite("Command line before parsing")
struct CommandLineArgumentsTests {
    let commands = ["status", "list", "read", "ask", "check", "watch", "exercises", "config", "run"]

    @Test func optionsBeforeTheSubcommandMoveAfterIt() {
        #expect(CommandLineArguments(["--lang", "zh-TW", "list"], subcommands: commands).arguments == ["list", "--lang", "zh-TW"])
        #expect(CommandLineArguments(["--lang=zh-TW", "--course", "/c", "read", "rag"], subcommands: commands).arguments
                == ["read", "--lang=zh-TW", "--course", "/c", "rag"])
        // Alone, they go to the default command unchanged; after the subcommand nothing moves.
        #expect(CommandLineArguments(["--lang", "zh-TW"], subcommands: commands).arguments == ["--lang", "zh-TW"])
        #expect(CommandLineArguments(["read", "--lang", "en"], subcommands: commands).arguments == ["read", "--lang", "en"])
        #expect(CommandLineArguments(["--help"], subcommands: commands).arguments == ["--help"])
        #expect(CommandLineArguments(["read", "--lang", "en", "--lang", "zh-TW"], subcommands: commands).language == "zh-TW")
    }

    @Test func aWordThatIsNoCommandIsCaughtWithTheNearestNames() {
        #expect(CommandLineArguments(["raed"], subcommands: commands).unknownCommand == "raed")
        #expect(CommandLineArguments(["--lang", "zh-TW", "lsit"], subcommands: commands).unknownCommand == "lsit")
        #expect(CommandLineArguments(["help", "read"], subcommands: commands).unknownCommand == nil)
        #expect(CommandLineArguments(["read", "raed"], subcommands: commands).unknownCommand == nil, "only the first word")
        #expect(CommandLineArguments.suggestions(for: "raed", among: commands) == ["read"])
        #expect(CommandLineArguments.suggestions(for: "exercise", among: commands) == ["exercises"])
        #expect(CommandLineArguments.suggestions(for: "chek", among: commands) == ["check"])
        #expect(CommandLineArguments.suggestions(for: "xyzzy", among: commands).isEmpty)
        #expect(CommandLineArguments.editDistance("raed", "read") == 1, "a swap is one edit")
    }
}
