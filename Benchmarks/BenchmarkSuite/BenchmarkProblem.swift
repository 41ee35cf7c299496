import LinearAlgebra

/// One benchmark problem: data, which objective, and its regularization strength.
public struct BenchmarkProblem: Sendable {
    /// Ridge ‖y − Xw − b‖² + α‖w‖², or lasso (1/2n)‖y − Xw − b‖² + α‖w‖₁.
    public enum Kind: String, Sendable, Codable { case ridge, lasso }

    /// A short identifier used in file names ("ridge-100000x500-decaying").
    public let name: String
    public let kind: Kind
    /// How the data were made, for the report.
    public let description: String
    public let x: Matrix
    public let y: [Double]
    /// The α of the objective above.
    public let alpha: Double

    public init(name: String, kind: Kind, description: String, x: Matrix, y: [Double], alpha: Double) {
        self.name = name
        self.kind = kind
        self.description = description
        self.x = x
        self.y = y
        self.alpha = alpha
    }
}
