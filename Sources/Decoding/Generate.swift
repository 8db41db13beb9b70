import Tensors
import Transformers

// ANCHOR: generate
/// Greedy or sampled generation with stop conditions, one token at a time.
///
/// Each step runs the model on the newest token only (the prompt once),
/// reading earlier keys and values from the ``KVCache``; passes the last
/// row of logits through `config.pipeline`; and picks the arg-max, or
/// draws from `softmax` of the processed scores with a ``SplitMix64``
/// seeded from `config.seed`. It stops at `maxNewTokens`, an
/// end-of-sequence token, a stop string in the decoded new text (when
/// `decode` is given) or the context length. `onToken` sees each token as
/// soon as it is chosen.
public func generate(
    _ model: some NextTokenModel, prompt: [Int], config: GenerationConfig,
    decode: (([Int]) -> String)? = nil, onToken: ((Int) -> Void)? = nil
) -> Generation {
    precondition(!prompt.isEmpty, "generate: the prompt needs a token")
    let pipeline = config.pipeline
    var rng = SplitMix64(seed: config.seed)
    let cache = model.makeCache()
    var tokens = prompt
    var input = prompt
    func finish(_ reason: StopReason) -> Generation {
        Generation(tokens: tokens, promptLength: prompt.count,
                   stopReason: reason)
    }
    for _ in 0..<config.maxNewTokens {
        guard tokens.count < model.contextLength else {
            return finish(.contextFull)
        }
        var scores = model.nextTokenLogits(input, cache: cache).last!
        pipeline.process(&scores, history: tokens)
        let next = config.sampling
            ? Probabilities.sample(Probabilities.softmax(scores),
                                   using: &rng)
            : Probabilities.argmax(scores)
        tokens.append(next)
        onToken?(next)
        if config.endOfSequence.contains(next) {
            return finish(.endOfSequence(next))
        }
        if let decode, !config.stopStrings.isEmpty {
            let text = decode(Array(tokens[prompt.count...]))
            let stops = config.stopStrings
            if let hit = stops.first(where: { text.contains($0) }) {
                return finish(.stopString(hit))
            }
        }
        input = [next]
    }
    return finish(.maxNewTokens)
}
// ANCHOR_END: generate

/// Prints generated text as the tokens arrive.
///
/// A byte-level BPE token may end in the middle of a UTF-8 character (a Chinese character is
/// three bytes, often split across tokens). The streamer decodes the bytes of all tokens so far
/// and writes only the complete characters it has not written yet, so half a character never
/// shows up as `�`.
///
/// ```swift
/// let streamer = TokenStreamer(bytes: tokenizer.decodeBytes) { print($0, terminator: "") }
/// _ = generate(model, prompt: ids, config: config, onToken: streamer.receive)
/// ```
public final class TokenStreamer {
    private let bytes: ([Int]) -> [UInt8]
    private let write: (String) -> Void
    private var tokens: [Int] = []
    private var written = 0  // bytes already written

    public init(bytes: @escaping ([Int]) -> [UInt8], write: @escaping (String) -> Void) {
        self.bytes = bytes
        self.write = write
    }

    public func receive(_ token: Int) {
        tokens.append(token)
        let all = bytes(tokens)
        let end = TokenStreamer.completePrefixLength(all)
        guard end > written else { return }
        write(String(decoding: all[written..<end], as: UTF8.self))
        written = end
    }

    /// The length of `bytes` without a trailing, unfinished UTF-8 sequence (at most 3 bytes).
    static func completePrefixLength(_ bytes: [UInt8]) -> Int {
        var i = bytes.count - 1
        var continuation = 0
        while i >= 0 && continuation < 3 && bytes[i] & 0xC0 == 0x80 {
            continuation += 1
            i -= 1
        }
        guard i >= 0 else { return bytes.count }
        let lead = bytes[i]
        let needed = lead >= 0xF0 ? 3 : lead >= 0xE0 ? 2 : lead >= 0xC0 ? 1 : 0
        return needed > continuation ? i : bytes.count
    }
}
