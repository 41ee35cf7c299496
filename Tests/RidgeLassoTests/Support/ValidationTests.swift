import LinearAlgebra
import RidgeLasso
import Testing

/// The range checks every model runs (``Validation``): finite inputs whose intermediate
/// quantities leave the range of `Double`, and counts that would request impossible allocations,
/// are typed errors naming the problem, never a crash or NaN/±∞ coefficients.
@Suite("Validation: overflow and oversized counts")
struct ValidationTests {
    /// Finite entries near 1e300: the centered sum of squares of column 0 is about 2.75e600.
    static let huge = try! Matrix(rows: [[1e300, 2], [-1e300, 3], [1e300, 5], [2, 4]])
    static let hugeY: [Double] = [1, 3, -1, 7]
    static let x = try! Matrix(rows: [[1, 2], [2, 1], [3, 5], [4, 3], [5, 8], [6, 1]])
    static let y: [Double] = [1, 2, 3, 4, 5, 7]
    static let columnOverflow = RegressionError.overflow(
        "the centered sum of squares of column 0 of X exceeds the largest Double; rescale X")

    @Test("coordinate descent: X whose column sum of squares overflows is an error, not NaN coefficients")
    func coordinateDescentOverflow() {
        for standardize in [false, true] {
            for intercept in [true, false] {
                #expect(throws: Self.columnOverflow) {
                    try ElasticNet(alpha: 0.1, fitIntercept: intercept, standardize: standardize).fit(Self.huge, Self.hugeY)
                }
                #expect(throws: Self.columnOverflow) {
                    try Lasso(alpha: 0.1, fitIntercept: intercept, standardize: standardize).fit(Self.huge, Self.hugeY)
                }
                #expect(throws: Self.columnOverflow) {
                    try ElasticNet(fitIntercept: intercept, standardize: standardize).path(Self.huge, Self.hugeY, count: 5)
                }
            }
        }
        #expect(throws: Self.columnOverflow) {
            try LassoCV(alphaCount: 5, folds: .contiguous(count: 2)).fit(Self.huge, Self.hugeY)
        }
    }

    @Test("coordinate descent: y whose sum of squares overflows")
    func targetOverflow() {
        #expect(throws: RegressionError.overflow("the centered sum of squares of y exceeds the largest Double; rescale y")) {
            try Lasso(alpha: 0.1).fit(Self.x, [1e300, -1e300, 1e300, -1e300, 1e300, -1e300])
        }
    }

    @Test("gradient methods: the same overflow is an error, not a NaN iterate")
    func gradientOverflow() {
        #expect(throws: Self.columnOverflow) { try ProximalGradientDescent.fista(alpha: 0.1).fit(Self.huge, Self.hugeY) }
        #expect(throws: Self.columnOverflow) { try ProximalGradientDescent.ista(alpha: 0.1).fit(Self.huge, Self.hugeY) }
        #expect(throws: Self.columnOverflow) { try RidgeGradientDescent(alpha: 0.1).fit(Self.huge, Self.hugeY) }
        #expect(throws: Self.columnOverflow) { try StochasticGradientDescent(epochs: 2).fit(Self.huge, Self.hugeY) }
        #expect(throws: Self.columnOverflow) { try Adam(epochs: 2).fit(Self.huge, Self.hugeY) }
    }

    @Test("gradient methods still accept large but representable data")
    func gradientLargeButFinite() throws {
        // Column sums of squares about 1e300·n: within range, so the check must not fire.
        let scaled = try Matrix(rows: (0..<Self.x.rows).map { i in [Self.x[i, 0] * 1e149, Self.x[i, 1] * 1e149] })
        let result = try RidgeGradientDescent(alpha: 0, maximumIterations: 5).fit(scaled, Self.y)
        #expect(result.coefficients.allSatisfy(\.isFinite) && result.intercept.isFinite)
    }

    @Test("sample weights whose sum overflows are rejected by every model")
    func weightSumOverflow() {
        let weights = [Double](repeating: 1e308, count: Self.x.rows)
        let error = RegressionError.invalidWeights(
            "their sum exceeds the largest Double (\(Double.greatestFiniteMagnitude)); rescale them")
        #expect(throws: error) { try Ridge(alpha: 1).fit(Self.x, Self.y, sampleWeights: weights) }
        #expect(throws: error) { try ElasticNet(alpha: 0.1).fit(Self.x, Self.y, sampleWeights: weights) }
        #expect(throws: error) { try RidgeCV(alphas: [1, 10]).fit(Self.x, Self.y, sampleWeights: weights) }
        #expect(throws: error) { try LassoCV(alphaCount: 3, folds: .contiguous(count: 2)).fit(Self.x, Self.y, sampleWeights: weights) }
    }

    @Test("ridge: a weight near the largest Double gives a finite intercept, not NaN")
    func ridgeWeightedOverflow() throws {
        // One row, weight 1e308: Σw is finite but Σw·x overflows in the weighted means.
        let one = try Matrix(rows: [[1, 2]])
        #expect(throws: RegressionError.overflow(
            "the solution for target 0 is not finite: the data or weights exceed the range of Double; rescale them")) {
            try Ridge(alpha: 1).fit(one, [3], sampleWeights: [1e308])
        }
        // The same row with weight 1: b = y, w = 0 (centering leaves nothing to fit).
        let model = try Ridge(alpha: 1).fit(one, [3], sampleWeights: [1])
        #expect(model.coefficients == [0, 0] && model.intercept == 3)
    }

    @Test("ridge qr and svd: √α/‖x̃ⱼ‖ overflow on a subnormal column is an error naming it, not a NaN in 'X'")
    func ridgeSubnormalColumn() throws {
        // Column 1 has centered norm √5·1e-310 ≈ 2.2e-310, so √1/norm ≈ 4.5e309 = ∞.
        // (Subnormal literals are parsed at run time: the compiler warns on them.)
        let column = try ["2e-310", "3e-310", "5e-320", "1e-310"].map { try #require(Double($0)) }
        let tiny = try Matrix(rows: (0..<4).map { [Double($0 + 1), column[$0]] })
        let y: [Double] = [1, 2, 3, 5]
        for solver in [RidgeSolver.qr, .svd] {
            #expect {
                try Ridge(alpha: 1, solver: solver).fit(tiny, y)
            } throws: { error in
                guard case RegressionError.overflow(let message) = error else { return false }
                return message.hasPrefix("√α / ‖x̃ⱼ‖ for a column of centered norm 2.236")
            }
        }
        // Cholesky (and so the automatic choice) handles it. With ỹ = y − 2.75, x̃₀ = (−1.5, −0.5, 0.5, 1.5):
        // x̃₀ᵀỹ = 6.5, x̃₀ᵀx̃₀ = 5, x̃₁ᵀỹ = −3.5e-310, x̃₀ᵀx̃₁ = −3e-310, and x̃₁ᵀx̃₁ = 5e-620 underflows
        // to 0. So w₀ = 6.5/6 (the cross term is negligible beside 6) and
        // w₁ ≈ x̃₁ᵀỹ − x̃₀ᵀx̃₁·w₀ = −3.5e-310 + 3.25e-310 = −2.5e-311; exactly (rational arithmetic on
        // the stored inputs) −2.500000001458e-311, matched within 20 subnormal units (1e-322).
        let exact = try #require(Double("-2.500000001458e-311"))
        for solver in [RidgeSolver.cholesky, .automatic] {
            let model = try Ridge(alpha: 1, solver: solver).fit(tiny, y)
            #expect(abs(model.coefficients[0] - 6.5 / 6) <= 4 * Double.ulpOfOne)
            #expect(abs(model.coefficients[1] - exact) <= 20 * Double.leastNonzeroMagnitude)
        }
    }

    @Test("α_max that overflows for a tiny l1 ratio is an error, not a grid of ∞")
    func alphaMaxOverflow() throws {
        let r = try #require(Double("1e-320"))   // subnormal: α_max/r overflows
        let error = RegressionError.overflow(
            "α_max = maxⱼ |xⱼᵀ(y − ȳ)|/(n r) exceeds the largest Double for l1Ratio = \(r); use a larger l1Ratio or explicit alphas")
        #expect(throws: error) { try ElasticNet.alphaMax(Self.x, Self.y, l1Ratio: r) }
        #expect(throws: error) { try ElasticNet(l1Ratio: r).path(Self.x, Self.y, count: 3) }
        #expect(throws: error) { try ElasticNetCV(l1Ratios: [r], alphaCount: 3, folds: .contiguous(count: 2)).fit(Self.x, Self.y) }
    }

    @Test("grid counts beyond AlphaGrid.maximumCount are errors, not allocation crashes")
    func gridCounts() throws {
        #expect(AlphaGrid.maximumCount == 10_000)
        #expect(throws: RegressionError.invalidParameter(name: "count", value: Double(Int.max), requirement: "must be ≤ 10000")) {
            try ElasticNet().path(Self.x, Self.y, count: Int.max)
        }
        #expect(throws: RegressionError.invalidParameter(name: "count", value: 0, requirement: "must be ≥ 1")) {
            try ElasticNet().path(Self.x, Self.y, count: 0)
        }
        #expect(throws: RegressionError.invalidParameter(name: "alphaCount", value: 1e11, requirement: "must be ≤ 10000")) {
            try ElasticNetCV(alphaCount: 100_000_000_000).fit(Self.x, Self.y)
        }
        #expect(throws: RegressionError.invalidParameter(name: "count", value: 10_001, requirement: "must be ≤ 10000")) {
            try RidgeCV.defaultAlphas(for: Self.x, count: 10_001)
        }
        // The bound itself is accepted.
        #expect(try RidgeCV.defaultAlphas(for: Self.x, count: AlphaGrid.maximumCount).count == AlphaGrid.maximumCount)
    }

    @Test("RidgeCV's default grid: an overflowing trace is named as overflow, not as constant columns")
    func ridgeCVTraceOverflow() {
        #expect(throws: RegressionError.overflow("tr(XcᵀXc) exceeds the largest Double: no α scale; rescale X")) {
            try RidgeCV.defaultAlphas(for: Self.huge)
        }
        #expect(throws: RegressionError.singular("every column of X is constant: no α scale")) {
            try RidgeCV.defaultAlphas(for: Matrix(rows: [[1, 2], [1, 2]]))
        }
    }

    @Test("predict: a prediction that overflows is an error, not ±∞")
    func predictionOverflow() throws {
        // A saved model with a huge intercept: the first prediction is 1e308 + 1e308 = ∞.
        let saved = RidgeModel(coefficients: [1e308, 0], intercept: 1e308, alpha: 1, solverUsed: .cholesky)
        #expect {
            try saved.predict(try Matrix(rows: [[1, 0], [-1, 0]]))
        } throws: { error in
            guard case RegressionError.overflow(let message) = error else { return false }
            return message.hasPrefix("the prediction for row 0 is inf")
        }
        #expect(try saved.predict(try Matrix(rows: [[-1, 0]])) == [0])
    }

    @Test("CrossValidationCurve: mismatched standard errors stop at the precondition with its message, not an index trap")
    func curvePreconditions() async {
        // Programmer errors (the models always pass consistent sizes): a precondition, never an
        // out-of-range read. Valid input still works.
        let curve = CrossValidationCurve(alphas: [2, 1], meanErrors: [3, 1], standardErrors: [1, 1])
        #expect(curve.alphaMin == 1 && curve.alphaOneStandardError == 1)
        let mismatchedErrors = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = CrossValidationCurve(alphas: [2, 1], meanErrors: [3, 1], standardErrors: [1])
        }
        let mismatchedText = String(decoding: mismatchedErrors?.standardErrorContent ?? [], as: UTF8.self)
        #expect(mismatchedText.contains("CrossValidationCurve: needs ≥ 1 α and one mean (and standard error) per α"))
        let raggedFolds = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = CrossValidationCurve(alphas: [2, 1], foldErrors: [[1, 2], [1]], foldWeights: [1, 1])
        }
        let raggedText = String(decoding: raggedFolds?.standardErrorContent ?? [], as: UTF8.self)
        #expect(raggedText.contains("one error per α in every fold"))
    }
}
