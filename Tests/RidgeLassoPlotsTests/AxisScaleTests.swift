import Testing
@testable import RidgeLassoPlots

@Suite struct AxisScaleTests {
    @Test func transforms() {
        #expect(AxisScale.linear.transform(-2) == -2)
        #expect(AxisScale.log10.transform(1000) == 3)
        #expect(AxisScale.log10.transform(0) == nil)
        #expect(AxisScale.log10.transform(-1) == nil)
        #expect(AxisScale.linear.transform(.nan) == nil)
    }
}
