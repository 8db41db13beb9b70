import Course

/// What `llmcourse generate`, `evaluate` (perplexity, `--task`, `--metric`) and `merge` say, in English and Traditional Chinese
/// (Taiwan). Option names, paths and numbers stay as typed; a damaged model file is reported
/// by the loader in English, naming the file, like a compiler's message.
public enum ModelMessages {
    public enum Key: Sendable, CaseIterable {
        case notAFolder
        // generate
        case maxNewTokensTooSmall, temperatureNotPositive, topKTooSmall, topPOutOfRange, minPOutOfRange, penaltyNotPositive
        case systemNeedsChat, chatFallback, chatTemplateFailed
        case grammarBoth, grammarUnreadable, grammarInvalid
        case emptyPrompt, promptTooLong, generated, stopMaxTokens, stopEndOfSequence, stopString, stopContextFull
        // evaluate
        case windowTooSmall, strideTooSmall, strideAboveWindow, maxTokensTooSmall, cannotReadText, notUTF8, tooFewTokens
        case scoring, labelModel, labelText, labelWindow, labelPerplexity, labelBitsPerByte, labelTime
        case valueText, valueWindow, valuePerplexity, valueTime
        // evaluate --task and --metric
        case chooseOneMode, modelNeeded, modelNotWanted, taskForm, unknownMetric, outputsNeeded, referencesWithoutMetric
        case cannotReadFile, scoringChoices
        case labelTask, labelQuestions, labelOutputs
        case valueQuestions, valueAccuracy, valueOutputs, valueBLEU, valueRouge, valueSeconds
        // merge
        case nameModels, slerpNeedsTwo, needsBase, weightsCount, merged, recorded
        // lineage
        case notLocal, noRecords
    }

    public static func text(_ key: Key, _ language: CourseLanguage, _ args: String...) -> String {
        text(key, language, arguments: args)
    }

    public static func text(_ key: Key, _ language: CourseLanguage, arguments: [String]) -> String {
        MessageTemplate.fill(template(key, language), arguments)
    }

    static func template(_ key: Key, _ language: CourseLanguage) -> String {
        let zh = language == .traditionalChinese
        switch key {
        case .notAFolder:
            return zh ? "{0} 不是資料夾。請給一個模型資料夾，裡面要有 config.json、model.safetensors 和分詞器檔案（見 docs/models.md）。"
                : "{0} is not a folder. Give a model folder holding config.json, model.safetensors and tokenizer files (see docs/models.md)."
        case .maxNewTokensTooSmall: return zh ? "--max-new-tokens 至少要是 1。" : "--max-new-tokens must be at least 1."
        case .temperatureNotPositive:
            return zh ? "--temperature 必須大於 0；若每次都要取機率最高的詞元，請省略此選項（貪婪解碼）。"
                : "--temperature must be above 0; for the most likely token each time, leave it out (greedy)."
        case .topKTooSmall: return zh ? "--top-k 至少要是 1。" : "--top-k must be at least 1."
        case .topPOutOfRange: return zh ? "--top-p 必須在 (0, 1] 之間，例如 0.9。" : "--top-p must be in (0, 1], e.g. 0.9."
        case .minPOutOfRange: return zh ? "--min-p 必須在 [0, 1) 之間，例如 0.05。" : "--min-p must be in [0, 1), e.g. 0.05."
        case .penaltyNotPositive: return zh ? "--repetition-penalty 必須大於 0，例如 1.2。" : "--repetition-penalty must be above 0, e.g. 1.2."
        case .systemNeedsChat: return zh ? "--system 要搭配 --chat 使用。" : "--system goes with --chat."
        case .grammarBoth: return zh ? "--json-schema 與 --regex 只能擇一。" : "Give --json-schema or --regex, not both."
        case .grammarUnreadable: return zh ? "無法讀取 JSON schema 檔案 {0}。" : "Cannot read the JSON schema file {0}."
        case .grammarInvalid:
            return zh ? "無法把 {0} 當成輸出的限制：{1}" : "Cannot use {0} to constrain the output: {1}"
        case .chatFallback:
            return zh ? "{0} 沒有對話範本（tokenizer_config.json 裡沒有 chat_template）：改用 ChatML。"
                : "{0} has no chat template (no chat_template in tokenizer_config.json): using ChatML."
        case .chatTemplateFailed:
            return zh ? "無法套用 {0} 的對話範本：{1}" : "Cannot apply the chat template of {0}: {1}"
        case .emptyPrompt: return zh ? "提示文字是空的；請給一段要接續的文字。" : "The prompt is empty; give some text to continue."
        case .promptTooLong:
            return zh ? "提示文字有 {0} 個詞元，但模型最多只能讀 {1} 個；請縮短它。"
                : "The prompt has {0} tokens but the model reads at most {1}; shorten it."
        case .generated:
            return zh ? "產生 {0} 個新詞元，耗時 {1} 秒（每秒 {2} 個）；停止原因：{3}"
                : "{0} new {0|token|tokens} in {1} s ({2} tokens/s); stopped: {3}"
        case .stopMaxTokens: return zh ? "達到 --max-new-tokens" : "reached --max-new-tokens"
        case .stopEndOfSequence: return zh ? "遇到序列結束詞元" : "end-of-sequence token"
        case .stopString: return zh ? "遇到停止字串 {0}" : "stop string {0}"
        case .stopContextFull: return zh ? "模型的上下文已滿" : "the model's context is full"
        case .windowTooSmall: return zh ? "--window 至少要有 2 個詞元。" : "--window must be at least 2 tokens."
        case .strideTooSmall: return zh ? "--stride 至少要有 1 個詞元。" : "--stride must be at least 1 token."
        case .strideAboveWindow: return zh ? "--stride（{0}）不能大於 --window（{1}）。" : "--stride ({0}) cannot exceed --window ({1})."
        case .maxTokensTooSmall: return zh ? "--max-tokens 至少要是 2。" : "--max-tokens must be at least 2."
        case .cannotReadText: return zh ? "無法讀取 {0}。請用 --text 指定一個 UTF-8 文字檔。" : "Cannot read {0}. Give a UTF-8 text file with --text."
        case .notUTF8: return zh ? "{0} 不是 UTF-8 文字。請先轉換，例如用 iconv -t UTF-8。" : "{0} is not UTF-8 text. Convert it first, e.g. iconv -t UTF-8."
        case .tooFewTokens: return zh ? "{0} 不到兩個詞元，沒有東西可以評分。" : "{0} holds fewer than two tokens; nothing to score."
        case .scoring: return zh ? "評分中… {0}/{1} 個詞元" : "scoring… {0}/{1} tokens"
        case .labelModel: return zh ? "模型" : "model"
        case .labelText: return zh ? "文字" : "text"
        case .labelWindow: return zh ? "視窗" : "window"
        case .labelPerplexity: return zh ? "困惑度" : "perplexity"
        case .labelBitsPerByte: return zh ? "每位元組位元數" : "bits/byte"
        case .labelTime: return zh ? "時間" : "time"
        case .valueText: return zh ? "{0}（{1} 位元組，{2} 個詞元）" : "{0} ({1} bytes, {2} tokens)"
        case .valueWindow: return zh ? "{0} 個詞元，步長 {1}（共 {2} 個視窗）" : "{0} tokens, stride {1} ({2} windows)"
        case .valuePerplexity: return zh ? "{0}（平均損失每詞元 {1} nats）" : "{0}   (mean loss {1} nats/token)"
        case .valueTime: return zh ? "{0} 秒（每秒 {1} 個詞元）" : "{0} s ({1} tokens/s)"
        case .chooseOneMode:
            return zh ? "請擇一：--text 檔案（困惑度）、--task mcq 檔案（選擇題）或 --metric bleu|rouge-l（比對參考答案）。"
                : "Choose one: --text FILE (perplexity), --task mcq FILE (multiple choice) or --metric bleu|rouge-l (against references)."
        case .modelNeeded: return zh ? "{0} 需要一個模型資料夾：llmcourse evaluate <模型資料夾> {0} …" : "{0} needs a model folder: llmcourse evaluate <model-folder> {0} …"
        case .modelNotWanted:
            return zh ? "--metric 只比對文字，不需要模型；請拿掉 {0}，並用 --outputs 指定模型的輸出檔。"
                : "--metric compares text and needs no model; leave out {0} and give the model's outputs with --outputs."
        case .taskForm:
            return zh ? "--task 的寫法是 --task mcq 檔案.jsonl（每行一題：{\"question\": …, \"choices\": […], \"answer\": 索引}）。"
                : "--task takes a kind and a file: --task mcq FILE.jsonl (one {\"question\": …, \"choices\": […], \"answer\": index} per line)."
        case .unknownMetric: return zh ? "不認得的指標 {0}；可用的有 bleu 和 rouge-l。" : "Unknown metric {0}; the metrics are bleu and rouge-l."
        case .outputsNeeded:
            return zh ? "--metric 需要 --outputs 檔案（每行一個輸出）和至少一個 --references 檔案（逐行對應）。"
                : "--metric needs --outputs FILE (one output per line) and at least one --references FILE (line-aligned)."
        case .referencesWithoutMetric: return zh ? "--outputs 和 --references 要搭配 --metric 使用。" : "--outputs and --references go with --metric."
        case .cannotReadFile: return zh ? "無法讀取 {0}，或它不是 UTF-8 文字。" : "Cannot read {0}, or it is not UTF-8 text."
        case .scoringChoices: return zh ? "評分中… {0}/{1} 個選項" : "scoring… {0}/{1} choices"
        case .labelTask: return zh ? "題組" : "task"
        case .labelQuestions: return zh ? "題數" : "questions"
        case .labelOutputs: return zh ? "輸出" : "outputs"
        case .valueQuestions: return zh ? "{0} 題（共 {1} 個選項要評分）" : "{0} ({1} choices scored)"
        case .valueAccuracy: return zh ? "{0}（答對 {1} 題）" : "{0}   ({1} right)"
        case .valueOutputs: return zh ? "{0} 行，每行 {1} 個參考答案" : "{0} lines, {1} {1|reference|references} each"
        case .valueBLEU:
            return zh ? "{0}（精確度 {1}；簡短懲罰 {2}；長度 {3}/{4}）" : "{0}   (precisions {1}; brevity penalty {2}; length {3}/{4})"
        case .valueRouge: return zh ? "F {0}（精確度 {1}，召回率 {2}，取各行平均）" : "F {0}   (precision {1}, recall {2}; mean over lines)"
        case .valueSeconds: return zh ? "{0} 秒" : "{0} s"
        case .nameModels: return zh ? "請指定要合併的模型資料夾。" : "Name the model folders to merge."
        case .slerpNeedsTwo: return zh ? "slerp 只能合併剛好兩個模型；你指定了 {0} 個。" : "slerp merges exactly two models; you named {0}."
        case .needsBase:
            return zh ? "{0} 是把各模型相對於基礎模型的差異加起來；請用 --base <資料夾> 指定基礎模型。"
                : "{0} adds the models' differences from a base; name it with --base <folder>."
        case .weightsCount:
            return zh ? "請為每個模型各給一個 --weight（共 {0} 個），或都不給（權重相同）。"
                : "Give one --weight per model ({0}), or none for equal weights."
        case .merged:
            return zh ? "已用 {1} 把 {0} 個模型合併到 {2}，耗時 {3} 秒。"
                : "Merged {0} {0|model|models} with {1} into {2} in {3} s."
        case .recorded: return zh ? "已記錄：{0}" : "Recorded: {0}"
        case .notLocal: return zh ? "不在這台機器上" : "not on this machine"
        case .noRecords:
            return zh ? "{0} 沒有記錄它從哪裡來（沒有合併紀錄、adapter_config.json，也沒有模型卡的 base_model）。"
                : "{0} records no origin (no merge record, no adapter_config.json, no base_model in a model card README.md)."
        }
    }
}
