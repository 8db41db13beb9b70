import Foundation
import Tensors
import Transformers

/// `llmcourse run tokenizer-bpe`: trains a byte-level BPE on a small generated English and
/// Chinese text, shows the merges in the order they were learned, and encodes a sentence.
enum TokenizerDemo {
    static let demo = Demo(id: "tokenizer-bpe", summary: "Train a byte-level BPE on English + Chinese text; merges, token boundaries, round trip",
                           inputs: TransformerDemos.inputs) { ctx in
        let text = corpus(seed: ctx.seed, sentences: ctx.quick ? 120 : 400)
        let tokenizer = try BytePairTrainer.train(text: text, vocabularySize: vocabularySize)
        DecodingDemos.say(ctx, ctx.tr("A generated corpus of {0} characters ({1} UTF-8 bytes), English and Chinese sentences mixed. We start from the 256 byte tokens and let BPE learn {2} merges (vocabulary {3}, counting <|endoftext|>).", String(text.count), String(text.utf8.count), String(tokenizer.mergeList.count), String(tokenizer.vocabularySize)))

        ctx.heading(ctx.tr("The first merges, in the order they were learned"))
        let shown = tokenizer.mergeList.prefix(16).enumerated().map { index, pair in
            [String(index + 1), DecodingDemos.show(tokenizer, pair.left) + " + " + DecodingDemos.show(tokenizer, pair.right)]
        }
        ctx.table(["#", ctx.tr("merge")], shown)
        DecodingDemos.say(ctx, ctx.tr("The most frequent neighbors merge first: a space joins the letter after it (GPT-2's pre-tokenizer keeps the space at the start of a word), common endings grow, and the three UTF-8 bytes of a frequent Chinese character become one token. GPT-2's pre-tokenizer only splits at spaces and punctuation, so a Chinese sentence is one long chunk and merges can join whole words inside it."))

        ctx.heading(ctx.tr("Encoding a sentence"))
        for sentence in examples {
            let ids = tokenizer.encode(sentence)
            DecodingDemos.say(ctx, ctx.tr("\"{0}\" → {1} tokens from {2} bytes:", sentence, String(ids.count), String(sentence.utf8.count)))
            DecodingDemos.say(ctx, "  " + ids.map { DecodingDemos.show(tokenizer, $0) }.joined(separator: " "), indent: "  ")
            let back = tokenizer.decode(ids)
            ctx.print("  " + ctx.tr("round trip: {0}", back == sentence ? "decode(encode(s)) == s" : ctx.tr("DIFFERS: {0}", back)))
        }
        DecodingDemos.say(ctx, ctx.tr("Words the corpus never had (\"zebra\") fall back to short pieces or single bytes: byte-level BPE has no unknown token, it can always spell a word byte by byte."))
    }

    static let vocabularySize = 257 + 200

    static let examples = ["the small robot reads a new book.", "小狗在學校看紅蘋果。", "the zebra 看 a book."]

    /// A seeded mix of short English and Chinese sentences from a few templates.
    static func corpus(seed: UInt64, sentences: Int) -> String {
        let subjects = ["the cat", "the small robot", "a student", "my teacher", "the old dog"]
        let verbs = ["reads", "writes", "finds", "likes", "carries"]
        let objects = ["a book", "the letter", "a new book", "the small box", "a red apple"]
        let places = ["at home", "in the park", "at school", "near the river"]
        let zhSubjects = ["小貓", "小狗", "學生", "老師", "機器人"]
        let zhPlaces = ["在公園裡", "在學校", "在家裡", "在河邊"]
        let zhVerbs = ["看", "寫", "找", "拿"]
        let zhObjects = ["書", "信", "新的書", "小盒子", "紅蘋果"]
        var rng = SplitMix64(seed: seed)
        func pick(_ list: [String]) -> String { list[rng.nextInt(below: list.count)] }
        var lines: [String] = []
        for _ in 0..<sentences {
            if rng.nextInt(below: 2) == 0 {
                lines.append(pick(zhSubjects) + pick(zhPlaces) + pick(zhVerbs) + pick(zhObjects) + "。")
            } else {
                lines.append("\(pick(subjects)) \(pick(verbs)) \(pick(objects)) \(pick(places)).")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
