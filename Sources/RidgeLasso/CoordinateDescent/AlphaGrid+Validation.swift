// The bound on α-grid lengths belongs to the grid: Validation, shared by every model, does not
// reach up to it; the grid's users call this check.
extension Validation {
    /// The largest α grid a model builds from a count (``AlphaGrid/maximumCount``): a count from
    /// user input must never reach an allocation that cannot succeed.
    static func gridCount(_ count: Int, name: String) throws(RegressionError) {
        guard count >= 1 else {
            throw .invalidParameter(name: name, value: Double(count), requirement: "must be ≥ 1")
        }
        guard count <= AlphaGrid.maximumCount else {
            throw .invalidParameter(name: name, value: Double(count), requirement: "must be ≤ \(AlphaGrid.maximumCount)")
        }
    }
}
