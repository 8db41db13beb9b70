import ArgumentParser
import Course
import CourseSearch
import Decoding
import Foundation
import Terminal
import Transformers

/// `ask --model DIR`: a model writes the answer from the found sections' best sentences,
/// numbered as sources it is told to cite. Greedy decoding, so an answer can be repeated.
struct AskWithModel {
    let folder: String
    let maxNewTokens: Int
    let language: CourseLanguage

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
        var config = GenerationConfig.requested(maxNewTokens: maxNewTokens, specialTokens: tokenizer.specialTokens, stopStrings: [],
                                                temperature: nil, topK: nil, topP: nil, minP: nil, repetitionPenalty: nil, seed: 0)
        if let endOfTurn, let id = tokenizer.specialTokens[endOfTurn] { config.endOfSequence.insert(id) }
        if stream { FileHandle.standardOutput.write(Data((AskMessages.text(.generatedHeading, language, folder) + "\n  ").utf8)) }
        var written = ""
        let streamer = TokenStreamer(bytes: tokenizer.decodeBytes) { piece in
            written += piece
            if stream { FileHandle.standardOutput.write(Data(piece.replacingOccurrences(of: "\n", with: "\n  ").utf8)) }
        }
        let ids = tokenizer.encode(text)
        let result = generate(LanguageModelAdapter(model), prompt: ids, config: config, decode: { tokenizer.decode($0) }, onToken: streamer.receive)
        if stream { FileHandle.standardOutput.write(Data("\n\n".utf8)) }
        let answerText = written.isEmpty ? tokenizer.decode(result.newTokens) : written
        return GeneratedAnswer(model: folder, text: answerText.trimmingCharacters(in: .whitespacesAndNewlines),
                               promptTokens: ids.count, sources: sources)
    }
}
