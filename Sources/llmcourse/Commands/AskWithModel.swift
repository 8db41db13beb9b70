import ArgumentParser
import Course
import CourseSearch
import Decoding
import Foundation
import Terminal
import Transformers

/// `ask --model DIR`: a model writes the answer from the found sections' best sentences,
/// numbered as sources it is told to cite, and with `--rewrite` first rewords the question for
/// multi-query retrieval. Greedy decoding, so an answer can be repeated.
struct AskWithModel {
    let folder: String
    let maxNewTokens: Int
    let language: CourseLanguage

    /// Up to `count` other wordings of `question`, one per line of the model's answer (for
    /// multi-query retrieval). A model that writes none leaves the question alone.
    func rewrites(of question: String, count: Int = 2) throws -> [String] {
        let (model, tokenizer) = try ModelCommands.load(folder, language)
        let url = try ModelCommands.modelFolder(folder, language)
        let request = "Write \(count) different ways to ask the question below, one per line, without answering it.\nQuestion: \(question)\nOther ways to ask it:\n"
        let (text, endOfTurn) = try ChatPrompt.render(folder: url, name: folder, user: request, system: nil, language: language,
                                                      plainWithoutTemplate: true)
        let written = complete(text, model: model, tokenizer: tokenizer, endOfTurn: endOfTurn, maxNewTokens: 24 * count) { _ in }
        let lines = written.split(whereSeparator: \.isNewline).map {
            $0.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "-*0123456789.) "))
        }
        return Array(lines.filter { !$0.isEmpty && $0 != question }.prefix(count))
    }

    func answer(_ question: CourseQuestion, stream: Bool) throws -> GeneratedAnswer {
        let (model, tokenizer) = try ModelCommands.load(folder, language)
        let url = try ModelCommands.modelFolder(folder, language)
        let count: (String) -> Int = { tokenizer.encode($0, allowSpecialTokens: false).count }
        // The chat template's own tokens take room too; a fixed allowance keeps the budget honest.
        let allowance = 64
        let budget = model.contextLength - maxNewTokens - allowance
        let questionTokens = count(question.question)
        guard budget > questionTokens + 40 else {
            throw ValidationError(AskMessages.text(.questionTooLong, language, "\(questionTokens)", folder, "\(max(budget - 40, 0))"))
        }
        let (prompt, sources) = question.groundedPrompt(budget: budget, countTokens: count)
        let (text, endOfTurn) = try ChatPrompt.render(folder: url, name: folder, user: prompt.text, system: nil, language: language,
                                                      plainWithoutTemplate: true)
        if stream { FileHandle.standardOutput.write(Data((AskMessages.text(.generatedHeading, language, folder) + "\n  ").utf8)) }
        let written = complete(text, model: model, tokenizer: tokenizer, endOfTurn: endOfTurn, maxNewTokens: maxNewTokens) { piece in
            if stream { FileHandle.standardOutput.write(Data(piece.replacingOccurrences(of: "\n", with: "\n  ").utf8)) }
        }
        if stream { FileHandle.standardOutput.write(Data("\n\n".utf8)) }
        return GeneratedAnswer(model: folder, text: written.trimmingCharacters(in: .whitespacesAndNewlines),
                               promptTokens: tokenizer.encode(text).count, sources: sources)
    }

    /// Greedy continuation of `text`, each piece handed to `onText` as it is decoded.
    func complete(_ text: String, model: any LanguageModel, tokenizer: BytePairTokenizer, endOfTurn: String?, maxNewTokens: Int,
                  onText: @escaping (String) -> Void) -> String {
        var config = GenerationConfig.requested(maxNewTokens: maxNewTokens, specialTokens: tokenizer.specialTokens, stopStrings: [],
                                                temperature: nil, topK: nil, topP: nil, minP: nil, repetitionPenalty: nil, seed: 0)
        if let endOfTurn, let id = tokenizer.specialTokens[endOfTurn] { config.endOfSequence.insert(id) }
        var written = ""
        let streamer = TokenStreamer(bytes: tokenizer.decodeBytes) { piece in
            written += piece
            onText(piece)
        }
        // The newest part of an overlong prompt (the question comes last) leaves room to answer.
        let ids = Array(tokenizer.encode(text).suffix(max(model.contextLength - maxNewTokens, 1)))
        let result = generate(LanguageModelAdapter(model), prompt: ids, config: config, decode: { tokenizer.decode($0) }, onToken: streamer.receive)
        return written.isEmpty ? tokenizer.decode(result.newTokens) : written
    }
}
