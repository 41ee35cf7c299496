import LinearAlgebra

extension RidgeCV {
    /// ``defaultAlphas(for:sampleWeights:fitIntercept:count:)`` for a sparse X: t = tr(X̃ᵀX̃)/p
    /// from the nonzeros, centering implicit.
    /// - Throws: as the dense form.
    public static func defaultAlphas(
        for x: SparseMatrix, sampleWeights: [Double]? = nil, fitIntercept: Bool = true, count: Int = 100
    ) throws(RegressionError) -> [Double] {
        try Validation.gridCount(count, name: "count")
        let y = Matrix(rows: x.rows, columns: 1)
        let problem = try SparseRidgeProblem(x: x, y: y, weights: sampleWeights, fitIntercept: fitIntercept)
        let t = problem.centeredSquares().reduce(0, +) / Double(x.columns)
        guard t.isFinite else { throw .overflow("tr(XcᵀXc) exceeds the largest Double: no α scale; rescale X") }
        guard t > 0 else { throw .singular("every column of X is constant: no α scale") }
        return logarithmicGrid(minimum: 1e-6 * t, maximum: 1e4 * t, count: count)
    }

    /// Chooses α for the target `y` on a sparse X and refits, with the objective, criteria, fold
    /// rules and selection rule of ``fit(_:_:sampleWeights:)`` on a dense X; centering stays
    /// implicit.
    ///
    /// - Leave-one-out and GCV come from one eigendecomposition of the smaller centered Gram
    ///   matrix (p × p, or n⁺ × n⁺ over the rows of positive weight), which must have order
    ///   ≤ ``Ridge/sparseDirectMaximumOrder``; beyond it they are refused — use K-fold.
    /// - K-fold decomposes each training set the same way when it fits, and otherwise fits every
    ///   α by ``Ridge/fit(_:_:sampleWeights:tolerance:maximumIterations:)`` (conjugate gradients);
    ///   a fold whose solve stops above its tolerance throws ``RegressionError/notConverged(_:)``
    ///   rather than enter the curve.
    /// - The refit at the chosen α is ``Ridge/fit(_:_:sampleWeights:tolerance:maximumIterations:)``
    ///   with ``solver`` (``RidgeSolver/qr`` and ``RidgeSolver/svd`` are refused for a sparse X).
    ///
    /// ``storeLeaveOneOutResiduals`` is not supported on a sparse X (the residuals are not kept).
    /// - Throws: ``RegressionError`` for bad data, weights, α list, folds or threads, and as above.
    public func fit(_ x: SparseMatrix, _ y: [Double], sampleWeights: [Double]? = nil) throws(RegressionError) -> RidgeCVResult {
        guard y.count == x.rows else { throw .dimensionMismatch("X has \(x.rows) rows but y has \(y.count) values") }
        let ym = try la { () throws(LinearAlgebraError) in try Matrix(rows: y.count, columns: 1, columnMajor: y) }
        return try fit(x, targets: ym, sampleWeights: sampleWeights)[0]
    }

    /// Chooses α for every column of `targets` on a sparse X (one decomposition for all) and
    /// refits each target at its α, as the one-target form on a sparse X describes.
    public func fit(_ x: SparseMatrix, targets y: Matrix, sampleWeights: [Double]? = nil) throws(RegressionError) -> [RidgeCVResult] {
        let evaluation = try evaluate(x, targets: y, sampleWeights: sampleWeights)
        var models = [RidgeModel?](repeating: nil, count: y.columns)
        for index in Set(evaluation.indicesOfChosenAlpha).sorted() {
            let columns = (0..<y.columns).filter { evaluation.indicesOfChosenAlpha[$0] == index }
            let fitted = try Ridge(alpha: alphas[index], fitIntercept: fitIntercept, solver: solver)
                .fit(x, targets: y.selectingColumns(columns), sampleWeights: sampleWeights)
            for (k, t) in columns.enumerated() { models[t] = fitted[k] }
        }
        return try (0..<y.columns).map { (t: Int) throws(RegressionError) -> RidgeCVResult in
            guard let model = models[t] else { throw .emptyData("no model was refitted for target \(t)") }
            return RidgeCVResult(target: t, evaluation: evaluation, model: model)
        }
    }

    /// Scores every α for every column of `targets` on a sparse X and picks α by ``rule``,
    /// without the final refit.
    public func evaluate(_ x: SparseMatrix, targets y: Matrix, sampleWeights: [Double]? = nil) throws(RegressionError) -> RidgeCVEvaluation {
        try validateAlphas()
        if let threads { guard threads >= 1 else {
            throw .invalidParameter(name: "threads", value: Double(threads), requirement: "must be ≥ 1")
        } }
        guard !storeLeaveOneOutResiduals else {
            throw .invalidParameter(name: "storeLeaveOneOutResiduals", value: 1,
                                    requirement: "is not supported on a sparse X")
        }
        let weights = Self.effectiveWeights(sampleWeights)
        let problem = try SparseRidgeProblem(x: x, y: y, weights: weights, fitIntercept: fitIntercept)
        let t = y.columns, a = alphas.count
        var curves: [CrossValidationCurve] = []
        var gcv: [[Double]]? = nil
        var dfs: [Double]? = nil
        switch criterion {
        case .leaveOneOut, .generalizedCrossValidation:
            let spectrum = try SparseRidgeSpectrum(problem)
            dfs = alphas.map { spectrum.degreesOfFreedom(alpha: $0) }
            let g = spectrum.generalizedCrossValidation(alphas: alphas)
            let perTarget = (0..<t).map { Array(g[($0 * a)..<($0 * a + a)]) }
            gcv = perTarget
            if criterion == .leaveOneOut {
                let scores = try spectrum.leaveOneOut(alphas: alphas)
                curves = (0..<t).map { tt in
                    CrossValidationCurve(alphas: alphas, meanErrors: Array(scores.mean[(tt * a)..<(tt * a + a)]),
                                         standardErrors: Array(scores.standardErrors[(tt * a)..<(tt * a + a)]))
                }
            } else {
                curves = perTarget.map { CrossValidationCurve(alphas: alphas, meanErrors: $0, standardErrors: nil) }
            }
        case .kFold(let folds):
            curves = try sparseKFoldCurves(x, y, weights: weights, folds: folds)
        }
        return RidgeCVEvaluation(criterion: criterion, rule: rule, curves: curves, generalizedCrossValidation: gcv,
                                 degreesOfFreedom: dfs, leaveOneOutResiduals: nil,
                                 indicesOfChosenAlpha: chooseAlphas(curves))
    }

    /// Per-target K-fold curves on a sparse X, with the fold rules of the dense K-fold
    /// (``foldCurves(rows:_:weights:folds:fitFold:)``).
    private func sparseKFoldCurves(
        _ x: SparseMatrix, _ y: Matrix, weights: [Double]?, folds: CrossValidationFolds
    ) throws(RegressionError) -> [CrossValidationCurve] {
        let t = y.columns, a = alphas.count
        let alphas = self.alphas, fitIntercept = self.fitIntercept
        return try foldCurves(rows: x.rows, y, weights: weights, folds: folds) {
            (train: [Int], trainWeights: [Double]?, test: [Int]) throws(RegressionError) -> (predictions: Matrix, intercepts: [Double]) in
            let problem = try SparseRidgeProblem(x: x.selectingRows(train), y: y.selectingRows(train),
                                                 weights: trainWeights, fitIntercept: fitIntercept)
            // Coefficients over all p columns, column t·A + a.
            var w = Matrix(rows: x.columns, columns: t * a)
            var b = [Double](repeating: 0, count: t * a)
            if SparseRidgeSpectrum.fits(problem) {
                let (active, intercepts) = try SparseRidgeSpectrum(problem).coefficients(alphas: alphas)
                for col in 0..<(t * a) {
                    for (jj, j) in problem.active.enumerated() { w[j, col] = active[jj, col] }
                }
                b = intercepts
            } else {
                for (ai, alpha) in alphas.enumerated() {
                    let models = try Ridge(alpha: alpha, fitIntercept: fitIntercept, solver: .conjugateGradient)
                        .fit(problem.x, targets: problem.y, sampleWeights: trainWeights)
                    for (tt, model) in models.enumerated() {
                        // A fold's curve resting on an unconverged solve would choose α on it.
                        if let report = model.iterativeSolve, !report.converged {
                            throw .notConverged("conjugate gradients for α = \(alpha) reached a relative residual of "
                                + "\(report.relativeResidual), above \(report.tolerance), in \(report.iterations) iterations")
                        }
                        for j in 0..<x.columns { w[j, tt * a + ai] = model.coefficients[j] }
                        b[tt * a + ai] = model.intercept
                    }
                }
            }
            let xt = x.selectingRows(test)
            var predictions = Matrix(rows: test.count, columns: t * a)
            for col in 0..<(t * a) {
                let column = try la { () throws(LinearAlgebraError) in try xt.multiply(w.column(col)) }
                for r in 0..<test.count { predictions[r, col] = column[r] }
            }
            return (predictions, b)
        }
    }
}
