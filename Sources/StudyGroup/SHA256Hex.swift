import Course

/// SHA-256 of a string's UTF-8 bytes as lowercase hex, via the course's own implementation.
enum SHA256Hex {
    static func of(_ text: String) -> String {
        SHA256.hex(Array(text.utf8))
    }
}
