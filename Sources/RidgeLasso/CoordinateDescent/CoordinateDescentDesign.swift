import LinearAlgebra

/// What the covariance scheme of coordinate descent needs of the data, and nothing more: the
/// curvatures dⱼ = c‖x̃ⱼ‖², the correlations at zero c X̃ᵀỹ, c‖ỹ‖² and Gram columns c X̃ᵀx̃ⱼ
/// (x̃ⱼ = xⱼ − mⱼ the centered columns, c the row weight). The covariance updates, the exact
/// checks g = c X̃ᵀỹ − G w, the duality gap (``DualityGap``) and α_max are all formed from these.
///
/// A design made from XᵀX and Xᵀy alone (``StatisticsDesign``, from streamed
/// ``SufficientStatistics``, no rows) conforms to this protocol only: its ``rowLevel`` is nil, and
/// the solver then uses the covariance scheme whatever the settings ask. Designs that hold the
/// rows conform to the refinement ``CoordinateDescentDesign``.
protocol CoordinateDescentStatistics {
    /// The row-level design behind these statistics (``NoRowLevel`` for a statistics-only design).
    associatedtype Rows: CoordinateDescentDesign
    /// p: the number of features.
    var columns: Int { get }
    /// The row weight c of the data term (c/2)‖ỹ − X̃w‖².
    var c: Double { get }
    /// c‖ỹ‖², twice the objective at w = 0.
    var yy: Double { get }
    /// dⱼ = c‖x̃ⱼ‖² (exactly 0 for a constant column).
    var curvature: [Double] { get }
    /// c X̃ᵀỹ, the correlations at w = 0.
    var correlations0: [Double] { get }
    /// The Gram columns c X̃ᵀx̃ⱼ of `features` (p × k, column-major).
    func gramColumns(_ features: [Int]) throws(RegressionError) -> [Double]
    /// The whole Gram matrix c X̃ᵀX̃ (p × p, column-major).
    func fullGram() throws(RegressionError) -> [Double]
    /// An approximation of ``fullGram()`` formed in single precision, or nil.
    func singlePrecisionGram() -> [Double]?
    /// The design with its rows, or nil when there are none (then only the covariance scheme runs).
    var rowLevel: Rows? { get }
    /// The rounding floor of a duality gap formed from the Gram matrix at `coefficients`, in
    /// objective units, when the design has no rows to recompute the residual from (nil otherwise).
    func dualityGapFloor(coefficients: [Double]) -> Double?
}

extension CoordinateDescentStatistics {
    /// Designs with rows report no floor: their checks can form the residual from the data.
    func dualityGapFloor(coefficients: [Double]) -> Double? { nil }
}

/// The design as coordinate descent sees it when it has the rows: the statistics of
/// ``CoordinateDescentStatistics`` plus the column operations the naive scheme needs, with the
/// centering x̃ⱼ = xⱼ − mⱼ and the row weight c hidden behind them, so that the solver
/// (``CoordinateDescentSolver``) never touches how the columns are stored.
///
/// The naive scheme and the single-precision checks work with n-vectors: a column's dot product
/// with a vector, a multiple of a column added to a vector, all correlations at once, the centered
/// columns themselves (the Newton steps' Gram cache). Compressed sparse columns implement them
/// over the nonzeros, with the shift applied as a constant as the dense design does.
///
/// ``PreparedDesign`` (dense, column-major) and ``SparseDesign`` (compressed sparse columns) implement all of it. The solver is generic over the
/// design, so every call is specialized and inlined: no dynamic dispatch in a sweep.
protocol CoordinateDescentDesign: CoordinateDescentStatistics where Rows == Self {
    /// n: the length of the residual and of the columns.
    var rows: Int { get }
    /// The working target ỹ.
    var y: [Double] { get }
    /// Whether any column shift mⱼ is nonzero (else sums of the residual are never needed).
    var hasShift: Bool { get }
    /// The column shifts mⱼ (column means when centering on the fly, else 0).
    var shift: [Double] { get }
    /// Whether xⱼᵀv − mⱼΣv is accurate for column j (the shift is modest next to its spread);
    /// otherwise products are formed on the shifted values.
    var modestShift: [Bool] { get }

    /// x̃ⱼᵀv for a vector v whose entries sum to `rowSum`.
    func shiftedDot(_ j: Int, _ v: UnsafePointer<Double>, rowSum: Double) -> Double
    /// v ← v + a·x̃ⱼ, except for a constant: returns the amount (−a·mⱼ, or 0) still to be added
    /// to every entry of v, so that a sweep can add the shifts of many updates at once.
    func addColumn(_ j: Int, times a: Double, into v: UnsafeMutablePointer<Double>) -> Double
    /// out ← c X̃ᵀv for all features, v's entries summing to `rowSum`.
    func correlations(_ v: UnsafePointer<Double>, rowSum: Double, into out: UnsafeMutablePointer<Double>)
    /// Appends the n values of x̃ⱼ to `buffer`.
    func appendCenteredColumn(_ j: Int, to buffer: inout [Double])
    /// A single-precision copy of X for approximate correlations with error bounds, or nil.
    func singlePrecisionCopy() -> SinglePrecisionMatrix?

    // The direction e along which the column shifts act: x̃ⱼ = xⱼ − mⱼe. It is the all-ones
    // vector for a design whose rows carry equal weight (the defaults below), and √v for a design
    // that folds row weights v into its rows without forming the centered columns.

    /// ‖e‖².
    var shiftNormSquared: Double { get }
    /// eᵀv, the `rowSum` that ``shiftedDot(_:_:rowSum:)`` and ``correlations(_:rowSum:into:)`` expect.
    func shiftSum(_ v: UnsafePointer<Double>) -> Double
    /// v ← v + amount·e (the constants ``addColumn(_:times:into:)`` leaves to the caller).
    func addShift(_ amount: Double, to v: UnsafeMutablePointer<Double>)
    /// The products X̃_freshᵀX̃_all of the Newton Gram cache (fresh.count × all.count,
    /// column-major; `all` ends with `fresh`), unscaled by c. `columns` holds the centered columns
    /// of the features before `fresh`, for designs that keep them (the dense default appends
    /// those of `fresh` and forms the products with one `dgemm`).
    func newtonProducts(_ fresh: [Int], against all: [Int], columns: inout [Double]) -> [Double]
}

extension CoordinateDescentDesign {
    /// A design with rows is its own row level.
    var rowLevel: Self? { self }
}

/// The row level of a statistics-only design: no value exists, so none of its operations can run.
enum NoRowLevel: CoordinateDescentDesign {
    var columns: Int { switch self {} }
    var c: Double { switch self {} }
    var yy: Double { switch self {} }
    var curvature: [Double] { switch self {} }
    var correlations0: [Double] { switch self {} }
    func gramColumns(_ features: [Int]) throws(RegressionError) -> [Double] { switch self {} }
    func fullGram() throws(RegressionError) -> [Double] { switch self {} }
    func singlePrecisionGram() -> [Double]? { switch self {} }
    var rows: Int { switch self {} }
    var y: [Double] { switch self {} }
    var hasShift: Bool { switch self {} }
    var shift: [Double] { switch self {} }
    var modestShift: [Bool] { switch self {} }
    func shiftedDot(_ j: Int, _ v: UnsafePointer<Double>, rowSum: Double) -> Double { switch self {} }
    func addColumn(_ j: Int, times a: Double, into v: UnsafeMutablePointer<Double>) -> Double { switch self {} }
    func correlations(_ v: UnsafePointer<Double>, rowSum: Double, into out: UnsafeMutablePointer<Double>) { switch self {} }
    func appendCenteredColumn(_ j: Int, to buffer: inout [Double]) { switch self {} }
    func singlePrecisionCopy() -> SinglePrecisionMatrix? { switch self {} }
}
