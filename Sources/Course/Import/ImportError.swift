/// Input `llmcourse import` cannot turn into a course, or a course it cannot write. Messages
/// exist in English and Traditional Chinese because `import --lang zh-TW` promises its messages
/// in that language; ``description`` is the English one.
public enum ImportError: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Reason: Equatable, Sendable {
        case empty, notUTF8, noParts, noChapters
    }

    /// The file has no recognisable part/chapter structure.
    case notARoadmap(path: String, reason: Reason)
    case inputMissing(path: String)
    case inputIsFolder(path: String)
    /// Standard input, a pipe or a device: the importer reads a README file.
    case inputNotAFile(path: String)
    /// `--translation` named an English README, or the main README is not English.
    case translationLanguage(path: String, expected: CourseLanguage)
    /// The output folder already holds a course.
    case outputExists(path: String)
    case outputIsFile(path: String)
    case cannotWrite(path: String, reason: String)
    /// A line of the `--ids` file that cannot be used.
    case badIDLine(path: String, line: Int, text: String)
    case duplicateID(id: String)

    public var description: String { message(.english) }

    public func message(_ language: CourseLanguage) -> String {
        let zh = language == .traditionalChinese
        switch self {
        case .notARoadmap(let path, let reason):
            let why: String
            switch reason {
            case .empty: why = zh ? "檔案是空的" : "the file is empty"
            case .notUTF8: why = zh ? "檔案不是 UTF-8 文字" : "the file is not UTF-8 text"
            case .noParts: why = zh ? "找不到 `##` 部分標題" : "no `##` part headings were found"
            case .noChapters: why = zh ? "`##` 部分底下找不到 `###` 章節標題" : "no `###` chapter headings were found under the `##` parts"
            }
            return zh
                ? "\(path)：不是課程路線圖：\(why)。需要 `## 部分` 標題，底下接 `### 1. 章節` 標題與 `- **主題**：說明` 這類項目。"
                : "\(path): not a course roadmap: \(why). Expected `## Part` headings, each followed by `### 1. Chapter` headings with bullet lists like `- **Topic**: text`."
        case .inputMissing(let path):
            return zh ? "\(path)：找不到這個檔案" : "\(path): no such file"
        case .inputIsFolder(let path):
            return zh ? "\(path) 是資料夾，不是 README：請指定資料夾裡的 Markdown 檔案，例如 \(path)/README.md"
                : "\(path) is a folder, not a README: name the Markdown file inside it, e.g. \(path)/README.md"
        case .inputNotAFile(let path):
            return zh ? "\(path) 不是一般檔案（標準輸入、管線或裝置）：請先把 README 存成檔案再匯入"
                : "\(path) is not a regular file (standard input, a pipe or a device): save the README to a file and import that"
        case .translationLanguage(let path, let expected):
            if expected == .english {
                return zh ? "\(path) 看起來是中文：請把英文 README 放在前面，中文版用 --translation 指定"
                    : "\(path) reads as Chinese: name the English README first and the Chinese one with --translation"
            }
            return zh ? "\(path) 看起來是英文：--translation 要指定繁體中文版的 README"
                : "\(path) reads as English: --translation names the Traditional Chinese README"
        case .outputExists(let path):
            return zh ? "\(path) 已經有 Lessons/：請換一個 --out 資料夾，或先把它移走"
                : "\(path) already holds Lessons/; choose another --out folder or remove it first"
        case .outputIsFile(let path):
            return zh ? "\(path) 是檔案，不是資料夾：--out 要指定課程要寫入的資料夾"
                : "\(path) is a file, not a folder: --out names the folder to write the course into"
        case .cannotWrite(let path, let reason):
            return zh ? "\(path)：無法寫入（\(reason)）；請確認資料夾可以寫入。沒有留下寫到一半的課程。"
                : "\(path): cannot write (\(reason)); check that the folder is writable. No half-written course was left behind."
        case .badIDLine(let path, let line, let text):
            return zh ? "\(path):\(line)：無法使用「\(text)」：每一行寫 `<部分>.<章> <id>` 或 `<原本的 id> <id>`，id 只能有小寫英文字母、數字與連字號"
                : "\(path):\(line): cannot use '\(text)': write `<part>.<chapter> <id>` or `<derived-id> <id>` per line; an id has lower-case letters, digits and hyphens"
        case .duplicateID(let id):
            return zh ? "有兩章的 id 都是「\(id)」：請在 --ids 檔案裡替其中一章換一個 id"
                : "two chapters would get the id '\(id)': give one of them another id in the --ids file"
        }
    }
}
