import Foundation
import Testing
@testable import Decoding

/// JSON schema → regex: the patterns, which texts they accept, and the errors.
@Suite struct SchemaRegexTests {
    func output(_ schema: String) throws -> StructuredOutput { try StructuredOutput.jsonSchema(schema) }

    @Test func scalarTypes() throws {
        #expect(try output(#"{"type":"integer"}"#).pattern == "-?(0|[1-9][0-9]{0,14})")
        #expect(try output(#"{"type":"boolean"}"#).pattern == "(true|false)")
        #expect(try output(#"{"type":"null"}"#).pattern == "null")
        let number = try output(#"{"type":"number"}"#)
        for ok in ["0", "-12", "3.25", "1e5", "-0.5E-12", "123456789012345"] { #expect(number.matches(ok), "\(ok)") }
        for bad in ["01", "1.", ".5", "+1", "1e", "1234567890123456", "1e100"] { #expect(!number.matches(bad), "\(bad)") }
    }

    @Test func stringsCountCharactersAndEscapes() throws {
        let s = try output(#"{"type":"string","minLength":1,"maxLength":3}"#)
        for ok in [#""a""#, #""中文字""#, #""\n\"x""#, #""\u00e9""#, #""😀""#] { #expect(s.matches(ok), "\(ok)") }
        for bad in [#""""#, #""abcd""#, "\"a\nb\"", #""\x""#, #""\ud800""#, #""a"#, #""a\""#] { #expect(!s.matches(bad), "\(bad)") }
        // The default bound: 64 characters.
        let d = try output(#"{"type":"string"}"#)
        #expect(d.matches("\"" + String(repeating: "x", count: 64) + "\""))
        #expect(!d.matches("\"" + String(repeating: "x", count: 65) + "\""))
    }

    @Test func enumAndConstAreExactJSON() throws {
        let e = try output(#"{"enum":["red","a|b",1.5,null,{"k":[1]}]}"#)
        #expect(e.pattern == #"("red"|"a\|b"|1\.5|null|\{"k":\[1\]\})"#)
        for ok in [#""red""#, #""a|b""#, "1.5", "null", #"{"k":[1]}"#] { #expect(e.matches(ok), "\(ok)") }
        for bad in [#""a""#, "1.50", #""red" "#] { #expect(!e.matches(bad), "\(bad)") }
        #expect(try output(#"{"const":"x"}"#).matches(#""x""#))
        let str = try output(#"{"type":"string","enum":["yes","no"]}"#)
        #expect(str.matches(#""no""#) && !str.matches(#""maybe""#))
    }

    @Test func objectsKeepDeclaredOrderAndMayOmitOptionalProperties() throws {
        let o = try output(#"""
        {"type":"object","properties":{"a":{"type":"integer"},"b":{"type":"boolean"},"c":{"type":"null"}},"required":["b"]}
        """#)
        for ok in [#"{"b":true}"#, #"{"a":1,"b":false}"#, #"{"b":true,"c":null}"#, #"{"a":-3,"b":true,"c":null}"#] {
            #expect(o.matches(ok), "\(ok)")
        }
        for bad in [#"{}"#, #"{"a":1}"#, #"{"b":true,"a":1}"#, #"{,"b":true}"#, #"{"b":true,}"#, #"{"a":1,,"b":true}"#, #"{ "b":true}"#] {
            #expect(!o.matches(bad), "\(bad)")
        }
        let allOptional = try output(#"{"type":"object","properties":{"x":{"type":"integer"},"y":{"type":"integer"}}}"#)
        for ok in ["{}", #"{"x":1}"#, #"{"y":2}"#, #"{"x":1,"y":2}"#] { #expect(allOptional.matches(ok), "\(ok)") }
        for bad in [#"{"y":2,"x":1}"#, #"{,}"#, #"{"x":1,}"#] { #expect(!allOptional.matches(bad), "\(bad)") }
    }

    @Test func arraysHonorItemBounds() throws {
        let a = try output(#"{"type":"array","items":{"type":"integer"},"minItems":1,"maxItems":3}"#)
        for ok in ["[1]", "[1,2]", "[0,-1,7]"] { #expect(a.matches(ok), "\(ok)") }
        for bad in ["[]", "[1,2,3,4]", "[1,]", "[,1]"] { #expect(!a.matches(bad), "\(bad)") }
        let any = try output(#"{"type":"array","items":{"type":"boolean"}}"#)
        #expect(any.matches("[]") && any.matches("[" + Array(repeating: "true", count: 8).joined(separator: ",") + "]"))
        #expect(!any.matches("[" + Array(repeating: "true", count: 9).joined(separator: ",") + "]"))
        #expect(try output(#"{"type":["integer","null"]}"#).matches("null"))
    }

    @Test func everyMatchIsBounded() throws {
        let o = try output(#"{"type":"object","properties":{"tags":{"type":"array","items":{"type":"string"}},"n":{"type":"number"}}}"#)
        #expect(o.maxMatchBytes != nil)
        #expect(try StructuredOutput.regex("a*").maxMatchBytes == nil)
        #expect(try StructuredOutput.regex("(ab|中){2}").maxMatchBytes == 6)
    }

    @Test func unsupportedKeywordsNameTheKeywordAndPath() {
        do {
            _ = try StructuredOutput.jsonSchema(#"{"type":"object","properties":{"age":{"type":"integer","pattern":"[0-9]+"}}}"#)
            Issue.record("pattern should be refused")
        } catch {
            #expect(error.description.hasPrefix(#"$.properties.age: "pattern" is not supported; supported: type, properties"#), "\(error.description)")
        }
        for (schema, words) in [(#"{"type":"array"}"#, "needs \"items\""), (#"{"type":"strin"}"#, "\"strin\" is not a JSON schema type"),
                                (#"{"type":"string","maxLength":-1}"#, "maxLength"), ("{", "not valid JSON"),
                                (#"{"type":"object","properties":{},"required":["x"]}"#, "required")] {
            do { _ = try StructuredOutput.jsonSchema(schema); Issue.record("\(schema) should be refused") } catch {
                #expect(error.description.contains(words), "\(schema): \(error.description)")
            }
        }
    }
}

/// The schema's regex against Python's jsonschema on the same compact texts
/// (Fixtures/schema_validity.json, made by Scripts/fixtures/schema_validity.py).
@Suite struct SchemaOracleTests {
    @Test func regexAcceptsExactlyWhatJSONSchemaAccepts() throws {
        let fixture = try Fixtures.json(Fixtures.here.appendingPathComponent("Fixtures/schema_validity.json"))
        var compared = 0
        for case let c as [String: Any] in fixture["cases"] as! [Any] {
            let output = try StructuredOutput.jsonSchema(c["schema"] as! String)
            for case let row as [String: Any] in c["texts"] as! [Any] {
                let text = row["text"] as! String, valid = row["valid"] as! Bool
                #expect(output.matches(text) == valid, "\(text) for \(c["schema"]!): jsonschema says \(valid)")
                compared += 1
            }
        }
        #expect(compared > 250)
    }
}
