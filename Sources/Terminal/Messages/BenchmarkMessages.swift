import Course

/// What `llmcourse evaluate --task` and `--metric` say, in English and Traditional Chinese
/// (Taiwan). A malformed benchmark file is reported in English, naming the file and line, like
/// a compiler's message.
public enum BenchmarkMessages {
    public enum Key: Sendable, CaseIterable {
        case chooseOneMode, modelNeeded, modelNotWanted, taskForm, unknownMetric, outputsNeeded, referencesWithoutMetric
        case cannotRead, scoringChoices
        case labelTask, labelQuestions, labelAcc, labelAccNorm, labelMetric, labelOutputs, labelScore, labelTime
        case valueQuestions, valueAccuracy, valueOutputs, valueBLEU, valueRouge, valueTime
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
        case .cannotRead: return zh ? "無法讀取 {0}，或它不是 UTF-8 文字。" : "Cannot read {0}, or it is not UTF-8 text."
        case .scoringChoices: return zh ? "評分中… {0}/{1} 個選項" : "scoring… {0}/{1} choices"
        case .labelTask: return zh ? "題組" : "task"
        case .labelQuestions: return zh ? "題數" : "questions"
        case .labelAcc: return "acc"
        case .labelAccNorm: return "acc_norm"
        case .labelMetric: return zh ? "指標" : "metric"
        case .labelOutputs: return zh ? "輸出" : "outputs"
        case .labelScore: return zh ? "分數" : "score"
        case .labelTime: return zh ? "時間" : "time"
        case .valueQuestions: return zh ? "{0} 題（共 {1} 個選項要評分）" : "{0} ({1} choices scored)"
        case .valueAccuracy: return zh ? "{0}（答對 {1} 題）" : "{0}   ({1} right)"
        case .valueOutputs: return zh ? "{0} 行，每行 {1} 個參考答案" : "{0} lines, {1} {1|reference|references} each"
        case .valueBLEU:
            return zh ? "{0}（精確度 {1}；簡短懲罰 {2}；長度 {3}/{4}）" : "{0}   (precisions {1}; brevity penalty {2}; length {3}/{4})"
        case .valueRouge: return zh ? "F {0}（精確度 {1}，召回率 {2}，取各行平均）" : "F {0}   (precision {1}, recall {2}; mean over lines)"
        case .valueTime: return zh ? "{0} 秒" : "{0} s"
        }
    }
}
