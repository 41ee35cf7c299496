/// A small JSON reader for the tests that converts numbers with `Double(String)` (correctly
/// rounded), because Foundation's `JSONSerialization` on Linux does not read every shortest
/// round-trip decimal back to the same `Double` (e.g. 0.30000000000000004 → 0.3000000000000001).
///
/// Values: `[String: Any]`, `[Any]` (a homogeneous array of numbers also casts to `[Double]`),
/// `String`, `Bool`, `Int` (a number without `.`, `e` or `E`), `Double`, and `Optional<Any>.none` for null.
enum ExactJSON {
    struct SyntaxError: Error, CustomStringConvertible {
        let description: String
    }

    static func parse(_ text: String) throws -> Any {
        var p = Parser(bytes: Array(text.utf8))
        let value = try p.value()
        p.skipSpace()
        guard p.i == p.bytes.count else { throw SyntaxError(description: "trailing text at byte \(p.i)") }
        return value
    }

    private struct Parser {
        let bytes: [UInt8]
        var i = 0

        mutating func skipSpace() {
            while i < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[i]) { i += 1 }
        }

        mutating func value() throws -> Any {
            skipSpace()
            guard i < bytes.count else { throw SyntaxError(description: "unexpected end") }
            switch bytes[i] {
            case UInt8(ascii: "{"): return try object()
            case UInt8(ascii: "["): return try array()
            case UInt8(ascii: "\""): return try string()
            case UInt8(ascii: "t"): try literal("true"); return true
            case UInt8(ascii: "f"): try literal("false"); return false
            case UInt8(ascii: "n"): try literal("null"); return Optional<Any>.none as Any
            default: return try number()
            }
        }

        mutating func literal(_ word: String) throws {
            let w = Array(word.utf8)
            guard i + w.count <= bytes.count, Array(bytes[i..<(i + w.count)]) == w else {
                throw SyntaxError(description: "bad literal at byte \(i)")
            }
            i += w.count
        }

        mutating func object() throws -> [String: Any] {
            i += 1
            var out: [String: Any] = [:]
            skipSpace()
            if i < bytes.count, bytes[i] == UInt8(ascii: "}") { i += 1; return out }
            while true {
                skipSpace()
                let key = try string()
                skipSpace()
                guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { throw SyntaxError(description: "expected : at \(i)") }
                i += 1
                out[key] = try value()
                skipSpace()
                guard i < bytes.count else { throw SyntaxError(description: "unterminated object") }
                if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
                if bytes[i] == UInt8(ascii: "}") { i += 1; return out }
                throw SyntaxError(description: "expected , or } at \(i)")
            }
        }

        mutating func array() throws -> Any {
            i += 1
            var out: [Any] = []
            skipSpace()
            if i < bytes.count, bytes[i] == UInt8(ascii: "]") { i += 1; return out }
            while true {
                out.append(try value())
                skipSpace()
                guard i < bytes.count else { throw SyntaxError(description: "unterminated array") }
                if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
                if bytes[i] == UInt8(ascii: "]") { i += 1; break }
                throw SyntaxError(description: "expected , or ] at \(i)")
            }
            if !out.isEmpty, out.allSatisfy({ $0 is Double }) { return out.map { $0 as! Double } }
            if !out.isEmpty, out.allSatisfy({ $0 is Int }) { return out.map { $0 as! Int } }
            if !out.isEmpty, out.allSatisfy({ $0 is String }) { return out.map { $0 as! String } }
            if !out.isEmpty, out.allSatisfy({ $0 is Bool }) { return out.map { $0 as! Bool } }
            if !out.isEmpty, out.allSatisfy({ $0 is [Double] }) { return out.map { $0 as! [Double] } }
            return out
        }

        mutating func string() throws -> String {
            guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else { throw SyntaxError(description: "expected string at \(i)") }
            i += 1
            var out: [UInt8] = []
            while i < bytes.count {
                let b = bytes[i]
                if b == UInt8(ascii: "\"") { i += 1; return String(decoding: out, as: UTF8.self) }
                if b == UInt8(ascii: "\\"), i + 1 < bytes.count {
                    let e = bytes[i + 1]
                    i += 2
                    switch e {
                    case UInt8(ascii: "n"): out.append(0x0A)
                    case UInt8(ascii: "t"): out.append(0x09)
                    case UInt8(ascii: "r"): out.append(0x0D)
                    case UInt8(ascii: "u"):
                        guard i + 4 <= bytes.count, let code = UInt32(String(decoding: bytes[i..<(i + 4)], as: UTF8.self), radix: 16),
                              let scalar = Unicode.Scalar(code) else { throw SyntaxError(description: "bad \\u at \(i)") }
                        out.append(contentsOf: Array(String(Character(scalar)).utf8))
                        i += 4
                    default: out.append(e)
                    }
                    continue
                }
                out.append(b)
                i += 1
            }
            throw SyntaxError(description: "unterminated string")
        }

        mutating func number() throws -> Any {
            let start = i
            while i < bytes.count, "+-0123456789.eE".utf8.contains(bytes[i]) { i += 1 }
            let text = String(decoding: bytes[start..<i], as: UTF8.self)
            if !text.contains(where: { $0 == "." || $0 == "e" || $0 == "E" }), let n = Int(text) { return n }
            guard let d = Double(text) else { throw SyntaxError(description: "bad number \(text)") }
            return d
        }
    }
}
