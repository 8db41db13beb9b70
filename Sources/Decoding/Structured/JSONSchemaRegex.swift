// ANCHOR: schema-to-regex
/// A JSON schema (a subset) as a regular expression matching compact JSON that satisfies it.
///
/// Outlines' first step: once the schema is a regex, the rest — automaton, token masks — is
/// the same machinery as for any pattern. Every match is bounded, so a generation always
/// ends: strings are at most `maxLength` (default 64) characters, numbers at most 15 digits
/// before and after the point, arrays at most `maxItems` (default 8) items.
///
/// | schema | regex (shape) |
/// |---|---|
/// | `{"type":"integer"}` | `-?(0\|[1-9][0-9]{0,14})` |
/// | `{"type":"string","maxLength":3}` | `"(C){0,3}"`, C = one character or escape |
/// | `{"enum":["a",1]}` | `("a"\|1)` |
/// | `{"type":"array","items":I,"maxItems":2}` | `\[(I(,I){0,1})?\]` |
/// | object, properties a (required), b | `\{"a":A(,"b":B)?\}` |
public enum JSONSchemaRegex {
    public static let defaultMaxStringLength = 64
    public static let defaultMaxItems = 8
    public static let maxDigits = 15

    /// Keywords that constrain and that this subset honors, plus annotations it ignores.
    public static let supported = ["type", "properties", "required", "additionalProperties", "items", "minItems", "maxItems",
                                   "minLength", "maxLength", "enum", "const", "title", "description", "$schema", "$id",
                                   "default", "examples"]

    /// One JSON string character: anything but `"`, `\` and control characters, or an escape
    /// (`\u` escapes of lone surrogates are left out: they are not characters).
    public static let stringCharacter = #"([^"\\\x00-\x1F]|\\["\\/bfnrt]|\\u([0-9A-Ca-c][0-9A-Fa-f]{3}|[DdEeFf][0-7][0-9A-Fa-f]{2}|[EeFf][89A-Fa-f][0-9A-Fa-f]{2}))"#
    public static let integer = "-?(0|[1-9][0-9]{0,14})"
    public static let number = integer + #"(\.[0-9]{1,15})?([eE][+-]?[0-9]{1,2})?"#

    public static func regex(_ schema: OrderedJSON, path: String = "$") throws(StructuredOutputError) -> String {
        guard case .object(let members) = schema else {
            if schema == .bool(true) { return regex(anyOf: ["null", "true", "false", number, string(min: 0, max: defaultMaxStringLength)]) }
            throw StructuredOutputError("\(path): a schema must be an object")
        }
        for m in members where !supported.contains(m.key) {
            throw StructuredOutputError("\(path): \"\(m.key)\" is not supported; supported: \(supported.joined(separator: ", "))")
        }
        if let c = schema["const"] { return escape(c.compact) }
        if let e = schema["enum"] {
            guard case .array(let values) = e, !values.isEmpty else { throw StructuredOutputError("\(path).enum: needs a non-empty array") }
            return regex(anyOf: values.map { escape($0.compact) })
        }
        if let extra = schema["additionalProperties"], extra != .bool(false), extra != .bool(true) {
            throw StructuredOutputError("\(path).additionalProperties: only true or false is supported (extra properties are never generated)")
        }
        switch schema["type"] {
        case .string(let type)?:
            return try regex(type: type, schema, path: path)
        case .array(let types)?:
            var branches: [String] = []
            for t in types {
                guard case .string(let type) = t else { throw StructuredOutputError("\(path).type: expected type names") }
                branches.append(try regex(type: type, schema, path: path))
            }
            return regex(anyOf: branches)
        case nil:
            if schema["properties"] != nil { return try regex(type: "object", schema, path: path) }
            throw StructuredOutputError("\(path): needs \"type\", \"enum\" or \"const\"")
        default:
            throw StructuredOutputError("\(path).type: expected a type name or a list of them")
        }
    }

    static func regex(type: String, _ schema: OrderedJSON, path: String) throws(StructuredOutputError) -> String {
        switch type {
        case "null": return "null"
        case "boolean": return "(true|false)"
        case "integer": return integer
        case "number": return number
        case "string":
            let lo = try count(schema, "minLength", path: path) ?? 0
            let hi = try count(schema, "maxLength", path: path) ?? max(lo, defaultMaxStringLength)
            guard lo <= hi else { throw StructuredOutputError("\(path): minLength is above maxLength") }
            return string(min: lo, max: hi)
        case "array":
            guard let items = schema["items"] else { throw StructuredOutputError("\(path): an array needs \"items\"") }
            let item = try regex(items, path: path + ".items")
            let lo = try count(schema, "minItems", path: path) ?? 0
            let hi = try count(schema, "maxItems", path: path) ?? max(lo, defaultMaxItems)
            guard lo <= hi else { throw StructuredOutputError("\(path): minItems is above maxItems") }
            if hi == 0 { return #"\[\]"# }
            let rest = "(,\(item)){\(max(lo, 1) - 1),\(hi - 1)}"
            return lo == 0 ? #"\[("# + item + rest + #")?\]"# : #"\["# + item + rest + #"\]"#
        case "object":
            return try object(schema, path: path)
        default:
            throw StructuredOutputError("\(path).type: \"\(type)\" is not a JSON schema type")
        }
    }

    /// `{"a":A,"b":B}` with optional properties allowed to be missing. The alternation is over
    /// which property comes first (only optional ones may be skipped before it), so commas
    /// are right however many are left out; size grows with the square of the property count.
    static func object(_ schema: OrderedJSON, path: String) throws(StructuredOutputError) -> String {
        var properties: [(key: String, value: OrderedJSON)] = []
        if let p = schema["properties"] {
            guard case .object(let members) = p else { throw StructuredOutputError("\(path).properties: expected an object") }
            properties = members
        }
        var required = Set<String>()
        if let r = schema["required"] {
            guard case .array(let names) = r else { throw StructuredOutputError("\(path).required: expected an array of names") }
            for n in names {
                guard case .string(let name) = n, properties.contains(where: { $0.key == name }) else {
                    throw StructuredOutputError("\(path).required: \(n.compact) is not among the properties")
                }
                required.insert(name)
            }
        }
        var pairs: [String] = []
        for p in properties {
            pairs.append(escape(OrderedJSON.quote(p.key)) + ":" + (try regex(p.value, path: path + ".properties." + p.key)))
        }
        var firsts: [String] = []
        for (j, p) in properties.enumerated() {
            var branch = pairs[j]
            for k in (j + 1)..<max(j + 1, properties.count) {
                branch += required.contains(properties[k].key) ? "," + pairs[k] : "(," + pairs[k] + ")?"
            }
            firsts.append(branch)
            if required.contains(p.key) { break }  // a required property cannot be skipped
        }
        let allOptional = properties.allSatisfy { !required.contains($0.key) }
        if firsts.isEmpty { return #"\{\}"# }
        let body = regex(anyOf: firsts)
        return #"\{"# + (allOptional ? "(" + body + ")?" : body) + #"\}"#
    }

    static func string(min lo: Int, max hi: Int) -> String { "\"\(stringCharacter){\(lo),\(hi)}\"" }

    static func regex(anyOf branches: [String]) -> String { branches.count == 1 ? branches[0] : "(" + branches.joined(separator: "|") + ")" }

    static func count(_ schema: OrderedJSON, _ key: String, path: String) throws(StructuredOutputError) -> Int? {
        guard let v = schema[key] else { return nil }
        guard case .number(let text) = v, let n = Int(text), n >= 0, n <= 1000 else {
            throw StructuredOutputError("\(path).\(key): expected a whole number from 0 to 1000")
        }
        return n
    }

    /// `text` with every regex metacharacter escaped.
    public static func escape(_ text: String) -> String {
        var out = ""
        for c in text.unicodeScalars {
            if #"\^$.|?*+()[]{}/-"#.unicodeScalars.contains(c) { out += "\\" }
            out.unicodeScalars.append(c)
        }
        return out
    }
}
// ANCHOR_END: schema-to-regex
