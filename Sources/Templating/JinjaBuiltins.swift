import Foundation

/// Operators, attribute access, filters, tests and methods, with Python's behavior.
enum JinjaBuiltins {
    static func iterate(_ v: JinjaValue) throws(JinjaError) -> [JinjaValue] {
        switch v {
        case .list(let l): return l
        case .dict(let d): return d.keys.map { .string($0) }
        case .string(let s): return s.map { .string(String($0)) }
        case .undefined, .none: return []
        default: throw .runtime("\(v.repr) is not iterable")
        }
    }

    /// `a.b`: a dictionary's key (Jinja tries the attribute, then the item), else undefined.
    static func attribute(_ base: JinjaValue, _ name: String) -> JinjaValue {
        switch base {
        case .dict(let d): return d[name] ?? .undefined
        case .namespace(let n): return n.storage[name] ?? .undefined
        default: return .undefined
        }
    }

    static func item(_ base: JinjaValue, _ index: JinjaValue) throws(JinjaError) -> JinjaValue {
        switch (base, index) {
        case (.list(let l), .int(let i)):
            let k = i < 0 ? l.count + i : i
            guard l.indices.contains(k) else { throw .runtime("list index \(i) out of range (length \(l.count))") }
            return l[k]
        case (.string(let s), .int(let i)):
            let chars = Array(s), k = i < 0 ? chars.count + i : i
            guard chars.indices.contains(k) else { throw .runtime("string index \(i) out of range") }
            return .string(String(chars[k]))
        case (.dict, .string(let key)), (.namespace, .string(let key)): return attribute(base, key)
        default: return .undefined
        }
    }

    static func slice(_ base: JinjaValue, _ start: JinjaValue?, _ end: JinjaValue?) throws(JinjaError) -> JinjaValue {
        func bounds(_ count: Int) -> Range<Int> {
            func clamp(_ v: JinjaValue?, _ fallback: Int) -> Int {
                guard case .int(let i)? = v else { return fallback }
                return max(0, min(count, i < 0 ? count + i : i))
            }
            let a = clamp(start, 0), b = clamp(end, count)
            return a < b ? a..<b : 0..<0
        }
        switch base {
        case .list(let l): return .list(Array(l[bounds(l.count)]))
        case .string(let s): let c = Array(s); return .string(String(c[bounds(c.count)]))
        default: throw .runtime("cannot slice \(base.repr)")
        }
    }

    static func binary(_ op: String, _ l: JinjaValue, _ r: JinjaValue) throws(JinjaError) -> JinjaValue {
        switch op {
        case "==": return .bool(equal(l, r))
        case "!=": return .bool(!equal(l, r))
        case "~": return .string(l.text + r.text)
        case "in":
            switch r {
            case .string(let s): return .bool(s.contains(l.text))
            case .list(let items): return .bool(items.contains { equal($0, l) })
            case .dict(let d): return .bool(d[l.text] != nil)
            case .namespace(let n): return .bool(n.storage[l.text] != nil)
            default: return .bool(false)
            }
        default: break
        }
        switch (l, r) {
        case (.string(let a), .string(let b)):
            switch op {
            case "+": return .string(a + b)
            case "<": return .bool(a < b)
            case ">": return .bool(a > b)
            case "<=": return .bool(a <= b)
            case ">=": return .bool(a >= b)
            default: break
            }
        case (.list(let a), .list(let b)) where op == "+": return .list(a + b)
        case (.int(let a), .int(let b)):
            switch op {
            case "+": return .int(a + b)
            case "-": return .int(a - b)
            case "*": return .int(a * b)
            case "//": return .int(Int((Double(a) / Double(b)).rounded(.down)))
            case "%": return .int(((a % b) + b) % b)
            case "/": return .double(Double(a) / Double(b))
            case "<": return .bool(a < b)
            case ">": return .bool(a > b)
            case "<=": return .bool(a <= b)
            case ">=": return .bool(a >= b)
            default: break
            }
        default:
            if let a = number(l), let b = number(r) {
                switch op {
                case "+": return .double(a + b)
                case "-": return .double(a - b)
                case "*": return .double(a * b)
                case "/": return .double(a / b)
                case "<": return .bool(a < b)
                case ">": return .bool(a > b)
                case "<=": return .bool(a <= b)
                case ">=": return .bool(a >= b)
                default: break
                }
            }
        }
        throw .runtime("cannot apply `\(op)` to \(l.repr) and \(r.repr)")
    }

    static func number(_ v: JinjaValue) -> Double? {
        switch v {
        case .int(let i): return Double(i)
        case .double(let d): return d
        default: return nil
        }
    }

    static func equal(_ a: JinjaValue, _ b: JinjaValue) -> Bool {
        if let x = number(a), let y = number(b) { return x == y }
        return a == b
    }

    static func test(_ name: String, _ v: JinjaValue, _ args: [JinjaValue]) throws(JinjaError) -> Bool {
        switch name {
        case "defined": if case .undefined = v { return false } else { return true }
        case "undefined": if case .undefined = v { return true } else { return false }
        case "none": return v == .none
        case "true": return v == .bool(true)
        case "false": return v == .bool(false)
        case "boolean": if case .bool = v { return true } else { return false }
        case "string": if case .string = v { return true } else { return false }
        case "number": return number(v) != nil
        case "integer": if case .int = v { return true } else { return false }
        case "mapping": switch v { case .dict, .namespace: return true; default: return false }
        case "sequence", "iterable": switch v { case .list, .string, .dict: return true; default: return false }
        case "equalto", "eq", "==": return equal(v, args.first ?? .undefined)
        case "ne", "!=": return !equal(v, args.first ?? .undefined)
        case "in": return try binary("in", v, args.first ?? .undefined).isTruthy
        case "odd", "even":
            guard case .int(let i) = v else { return false }
            return (i % 2 != 0) == (name == "odd")
        default: throw .unsupported("the test `is \(name)`")
        }
    }
}
