import Foundation
import LLMCourseKit

/// The byte-level spelling of `text`: each UTF-8 byte replaced by GPT-2's stand-in character.
func byteLevel(_ text: String) -> String {
    // TODO: map every byte of text.utf8 through ByteUnicodeMap.character(for:).
    return text
}

/// The text a byte-level spelling stands for; nil when a character is not a stand-in or the
/// bytes are not whole UTF-8 characters.
func decodeByteLevel(_ spelling: String) -> String? {
    // TODO: stand-ins → bytes → UTF-8 text.
    return spelling
}
