import Foundation
import Testing
@testable import RidgeLassoCLI

/// The JSON encoder: exact numbers, integers, null for non-finite values, escaping, key order.
@Suite("JSONValue")
struct JSONValueTests {
    @Test("numbers are the shortest round-trip decimals; integers stay integers; NaN/Inf are null")
    func numbers() throws {
        let values: [Double] = [0.1, 152.13, 1e-9, .leastNonzeroMagnitude, 1.7976931348623157e308, -0.0, 5, 1e16, 0.1 + 0.2, -2.5e-300]
        let encoded = JSONValue.numbers(values).encoded()
        #expect(encoded == "[0.1,152.13,1e-09,5e-324,1.7976931348623157e+308,-0.0,5.0,1e+16,0.30000000000000004,-2.5e-300]")
        let parsed = try JSONDecoder().decode([Double].self, from: Data(encoded.utf8))   // exact (JSONSerialization is not)
        for (a, b) in zip(parsed, values) { #expect(a.bitPattern == b.bitPattern || (a == 0 && b == 0)) }
        #expect(JSONValue.integer(37).encoded() == "37")
        #expect(JSONValue.numbers([.nan, .infinity, -.infinity]).encoded() == "[null,null,null]")
    }

    @Test("strings are escaped, object keys keep their order")
    func stringsAndObjects() {
        let v = JSONValue.object([("b", .string("say \"hi\"\n\\ \u{1}é")), ("a", .bool(true)), ("n", .null)])
        #expect(v.encoded() == "{\"b\":\"say \\\"hi\\\"\\n\\\\ \\u0001é\",\"a\":true,\"n\":null}")
    }
}
