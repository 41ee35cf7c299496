import Testing
@testable import RidgeLassoPlots

@Suite struct SVGTextTests {
    @Test func escapesXMLSpecialCharacters() {
        #expect(SVGText.escape("a<b & c>\"d\"'e'") == "a&lt;b &amp; c&gt;&quot;d&quot;&apos;e&apos;")
        #expect(SVGText.escape("α‖w‖²") == "α‖w‖²")
        #expect(SVGText.escape("x\u{1}y\nz") == "xy z")
    }

    @Test func numbers() {
        #expect(SVGText.coordinate(3.14159) == "3.14")
        #expect(SVGText.tick(0) == "0")
        #expect(SVGText.tick(0.5) == "0.5")
        #expect(SVGText.tick(1e-6) == "1e-06")
    }
}
