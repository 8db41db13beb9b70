import Testing
@testable import Course

@Suite struct CourseLanguageTests {
    @Test func explicitTagIsStrict() throws {
        #expect(try CourseLanguage.resolve(explicit: "zh-TW", environment: [:]) == .traditionalChinese)
        #expect(try CourseLanguage.resolve(explicit: "zh_tw", environment: ["LANG": "en_US.UTF-8"]) == .traditionalChinese)
        #expect(try CourseLanguage.resolve(explicit: "en", environment: ["LANG": "zh_TW.UTF-8"]) == .english)
        #expect(throws: CourseError.unknownLanguage("fr")) { try CourseLanguage.resolve(explicit: "fr", environment: [:]) }
    }

    @Test func environment() throws {
        #expect(try CourseLanguage.resolve(explicit: nil, environment: ["LANG": "zh_TW.UTF-8"]) == .traditionalChinese)
        #expect(try CourseLanguage.resolve(explicit: nil, environment: ["LANG": "zh_HK.UTF-8@stroke"]) == .traditionalChinese)
        #expect(try CourseLanguage.resolve(explicit: nil, environment: ["LANG": "en_US.UTF-8", "LANGUAGE": "fr:zh_TW:en"]) == .traditionalChinese)
        // gettext ignores LANGUAGE when LANG is C or unset.
        #expect(try CourseLanguage.resolve(explicit: nil, environment: ["LANG": "C", "LANGUAGE": "zh_TW"]) == .english)
        #expect(try CourseLanguage.resolve(explicit: nil, environment: ["LANGUAGE": "zh_TW"]) == .english)
        // Simplified Chinese is not silently shown the Traditional edition.
        #expect(try CourseLanguage.resolve(explicit: nil, environment: ["LANG": "zh_CN.UTF-8"]) == .english)
        #expect(try CourseLanguage.resolve(explicit: nil, environment: ["LANG": "de_DE.UTF-8"]) == .english)
    }

    @Test func fileNames() {
        #expect(CourseLanguage.english.lessonFileName == "lesson.md")
        #expect(CourseLanguage.traditionalChinese.lessonFileName == "lesson.zh-TW.md")
        #expect(CourseLanguage.traditionalChinese.roadmapFileName == "roadmap.zh-TW.md")
    }
}
