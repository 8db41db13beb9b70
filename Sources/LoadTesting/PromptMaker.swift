/// Prompts of about a given number of tokens, the same for the same seed.
///
/// Words come from a list of short, common English words: with a byte-level BPE tokenizer
/// (GPT-2, Llama, Qwen) almost each one, space included, is a single token, so n words make
/// roughly n tokens. Every request gets a different prompt (seed and request index mix into
/// the generator), so a server's prefix cache cannot answer the whole prompt from a previous
/// request and the measured prefill stays honest.
public enum PromptMaker {
    static let words = """
    the of and to in is was for on that with as by at from it his an were are which this be has \
    or had not but first one their its new after who they have her she two been other when there \
    all time during into school more may years over only year most would world city some where \
    between later three state such then national used made known under many university united \
    while part season team these american than film second born south became states war through \
    being including both before north high however people family early history album area them \
    series against until since district county name work life group music following number \
    company several four called played released career league game government house each based \
    day same won use station club international town located population general college east \
    found age march end september river major june west old small long
    """.split(separator: " ").map(String.init)

    /// `tokens` words drawn with SplitMix64 from `seed` and `index`.
    public static func prompt(tokens: Int, seed: UInt64, index: Int) -> String {
        var state = seed &+ UInt64(truncatingIfNeeded: index) &* 0x9E37_79B9_7F4A_7C15
        var out: [String] = []
        out.reserveCapacity(tokens)
        for _ in 0..<max(tokens, 1) {
            out.append(words[Int(splitMix64(&state) % UInt64(words.count))])
        }
        return out.joined(separator: " ")
    }

    /// SplitMix64 (Steele, Lea, Flood 2014): a tiny generator with good spread from any seed.
    static func splitMix64(_ state: inout UInt64) -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
