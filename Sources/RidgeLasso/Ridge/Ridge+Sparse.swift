import LinearAlgebra

extension Ridge {
    /// The largest order of a dense system that ridge on a sparse X forms: 4096, a 128 MiB Gram
    /// matrix (the equilibrated copy that Cholesky factors doubles it), factored in about
    /// 2·10¹⁰ flops. Beyond it, conjugate gradients.
    public static let sparseDirectMaximumOrder = 4096

    /// The default relative residual at which conjugate gradients stop: 1e-10, so that w is
    /// accurate to about κ·1e-10 relative (κ the condition number of X̃ᵀX̃ + αI) — about as
    /// many digits as ``RidgeSolver/automatic`` guarantees on a dense X for κ ≤ 10⁶.
    public static let sparseDefaultTolerance = 1e-10

    /// Fits one target y on a sparse X, with the same objective as ``fit(_:_:sampleWeights:)``,
    ///
    ///     minimize over w, b:   Σᵢ sᵢ(yᵢ − xᵢᵀw − b)² + α‖w‖²,
    ///
    /// without densifying X: the intercept is handled by centering that stays implicit
    /// (X̃ = S^½(X − 1x̄ᵀ) is never formed, only its products).
    ///
    /// Solver (``solver``):
    /// - ``RidgeSolver/automatic``: exact when the smaller system fits
    ///   (order ≤ ``sparseDirectMaximumOrder``): the p × p centered Gram matrix
    ///   (X̃ᵀX̃ + αI)w = X̃ᵀỹ when p ≤ n, else the n × n dual (X̃X̃ᵀ + αI)c = ỹ, w = X̃ᵀc (α > 0),
    ///   each by Cholesky of the equilibrated system, accepted when `dpocon`'s estimate leaves
    ///   at least 9 digits (``statisticsMinimumDigits``); otherwise conjugate gradients.
    /// - ``RidgeSolver/cholesky``: the exact forms only (refused beyond the order limit or
    ///   below m·ε reciprocal condition).
    /// - ``RidgeSolver/conjugateGradient``: always iterative.
    /// - ``RidgeSolver/qr``, ``RidgeSolver/svd``: refused (they need the dense X).
    ///
    /// The centered Gram matrices are formed entry by entry from the nonzero pattern
    /// (``SparseMatrix/centeredGram(means:weights:)``), never as XᵀSX − W·x̄x̄ᵀ, so columns with
    /// large means lose no more digits than on a dense X.
    ///
    /// - Parameters:
    ///   - tolerance: the relative residual ‖X̃ᵀỹ − (X̃ᵀX̃ + αI)w‖/‖X̃ᵀỹ‖ at which conjugate
    ///     gradients stop, in (0, 1) (ignored by the exact forms).
    ///   - maximumIterations: the iteration limit of conjugate gradients (default 2m + 100 for m
    ///     active columns; exact arithmetic needs at most m). A model that stops there reports
    ///     its residual with ``IterativeSolveReport/converged`` false.
    /// - Returns: the model; ``RidgeModel/iterativeSolve`` is set exactly when the solution is
    ///   iterative, ``RidgeModel/reciprocalCondition`` when it is exact.
    /// - Throws: as ``fit(_:_:sampleWeights:)``; ``RegressionError/invalidParameter(name:value:requirement:)``
    ///   for qr/svd, a tolerance outside (0, 1), or cholesky on a system too large to form.
    /// - Complexity: primal O(p² + Σᵢ rᵢ²) to form (rᵢ nonzeros in row i) plus p³/3; dual
    ///   O(n² + Σⱼ nnzⱼ²) plus n³/3; conjugate gradients O(n + p + nnz) per iteration.
    public func fit(
        _ x: SparseMatrix, _ y: [Double], sampleWeights: [Double]? = nil,
        tolerance: Double = Ridge.sparseDefaultTolerance, maximumIterations: Int? = nil
    ) throws(RegressionError) -> RidgeModel {
        let target = try la { () throws(LinearAlgebraError) in try Matrix(rows: y.count, columns: 1, columnMajor: y) }
        guard y.count == x.rows else { throw .dimensionMismatch("X has \(x.rows) rows but y has \(y.count) values") }
        let models = try fit(x, targets: target, sampleWeights: sampleWeights, tolerance: tolerance,
                             maximumIterations: maximumIterations)
        guard let model = models.first else { throw .emptyData("no model was fitted") }
        return model
    }

    /// Fits every column of Y (n × T) on a sparse X as a separate target, sharing the exact
    /// factorization (conjugate gradients run once per target): returns T models, each equal to
    /// fitting that column alone. Solvers, parameters and errors as
    /// ``fit(_:_:sampleWeights:tolerance:maximumIterations:)``.
    public func fit(
        _ x: SparseMatrix, targets y: Matrix, sampleWeights: [Double]? = nil,
        tolerance: Double = Ridge.sparseDefaultTolerance, maximumIterations: Int? = nil
    ) throws(RegressionError) -> [RidgeModel] {
        try Validation.alpha(alpha)
        guard tolerance > 0, tolerance < 1 else {
            throw .invalidParameter(name: "tolerance", value: tolerance, requirement: "must lie in (0, 1)")
        }
        if let maximumIterations { try Validation.maximumIterations(maximumIterations) }
        if solver == .qr || solver == .svd {
            throw .invalidParameter(name: "solver", value: .nan,
                                    requirement: "\(solver.rawValue) needs a dense X; a sparse X takes automatic, cholesky or conjugateGradient")
        }
        let problem = try SparseRidgeProblem(x: x, y: y, weights: sampleWeights, fitIntercept: fitIntercept)
        let m = problem.active.count
        guard m > 0 else {
            return try problem.models(Matrix(rows: 0, columns: y.columns), alpha: alpha,
                                      solver: solver == .conjugateGradient ? .conjugateGradient : .cholesky,
                                      reciprocalCondition: nil)
        }
        let limit = Self.sparseDirectMaximumOrder
        let primalFits = m <= limit
        let dualFits = x.rows <= limit && alpha > 0
        let exactForm: SparseRidgeExactForm?
        switch solver {
        case .conjugateGradient: exactForm = nil
        default:
            exactForm = primalFits && (m <= x.rows || !dualFits) ? .primal : dualFits ? .dual : nil
        }
        if solver == .cholesky {
            guard let exactForm else {
                throw .invalidParameter(name: "solver", value: .nan,
                                        requirement: "cholesky on this sparse X would form a system of order \(min(m, x.rows)) > \(limit) (or the dual at α = 0); use automatic or conjugateGradient")
            }
            let order = exactForm == .primal ? m : x.rows
            return try problem.solveExactly(alpha: alpha, form: exactForm,
                                            minimumDigits: max(0, Ridge.correctDigits(reciprocalCondition: Double(order) * .ulpOfOne)))
        }
        if let exactForm {
            do {
                return try problem.solveExactly(alpha: alpha, form: exactForm, minimumDigits: Self.statisticsMinimumDigits)
            } catch .insufficientAccuracy {
                // Too ill-conditioned for the normal equations to keep 9 digits: iterate instead,
                // and report the residual reached.
            }
        }
        var w = Matrix(rows: m, columns: y.columns)
        var reports: [IterativeSolveReport] = []
        for t in 0..<y.columns {
            let (solution, report) = try problem.conjugateGradient(
                alpha: alpha, target: t, tolerance: tolerance, maximumIterations: maximumIterations ?? (2 * m + 100))
            for jj in 0..<m { w[jj, t] = solution[jj] }
            reports.append(report)
        }
        return try problem.models(w, alpha: alpha, solver: .conjugateGradient, reciprocalCondition: nil, reports: reports)
    }
}

/// Which exact system a sparse ridge fit forms.
enum SparseRidgeExactForm { case primal, dual }

extension SparseRidgeProblem {
    /// The exact solution by Cholesky of the equilibrated primal (p × p) or dual (n × n) system.
    /// - Throws: ``RegressionError/insufficientAccuracy(reciprocalCondition:digits:required:)``
    ///   when the system leaves fewer than `minimumDigits` digits.
    func solveExactly(alpha: Double, form: SparseRidgeExactForm, minimumDigits: Double) throws(RegressionError) -> [RidgeModel] {
        let columns = activeColumns
        let weightsIfAny = weights
        let means = active.map { xMean[$0] }
        switch form {
        case .primal:
            let gram = try la { () throws(LinearAlgebraError) in try columns.centeredGram(means: means, weights: weightsIfAny) }
            let system = try StatisticsNormalEquations(gram: gram, cross: crossProducts())
            let (w, rcond) = try system.solveCholesky(alpha: alpha, minimumDigits: minimumDigits)
            return try models(w, alpha: alpha, solver: .cholesky, reciprocalCondition: rcond)
        case .dual:
            let outer = try la { () throws(LinearAlgebraError) in try columns.centeredOuterGram(means: means, weights: weightsIfAny) }
            var yTilde = Matrix(rows: rows, columns: targets)
            for t in 0..<targets {
                for i in 0..<rows { yTilde[i, t] = (weights?[i] ?? 1).squareRoot() * (y[i, t] - yMean[t]) }
            }
            let system = try StatisticsNormalEquations(gram: outer, cross: yTilde)
            let (c, rcond) = try system.solveCholesky(alpha: alpha, minimumDigits: minimumDigits)
            // w = X̃ᵀc = (X − 1x̄ᵀ)ᵀ(S^½c).
            var w = Matrix(rows: active.count, columns: targets)
            var scaled = [Double](repeating: 0, count: rows)
            for t in 0..<targets {
                for i in 0..<rows { scaled[i] = (weights?[i] ?? 1).squareRoot() * c[i, t] }
                scaled.withUnsafeBufferPointer { sp in
                    w.storage.withUnsafeMutableBufferPointer { wp in
                        centeredTransposeTimes(sp.baseAddress!, into: wp.baseAddress! + t * active.count, scatteringTo: false)
                    }
                }
            }
            return try models(w, alpha: alpha, solver: .cholesky, reciprocalCondition: rcond)
        }
    }

    /// A = X̃ᵀX̃ + αI applied to v (p-vector over all columns, zero off the active ones): two
    /// passes over the nonzeros, X̃ never formed. Inactive entries of the result are 0.
    func applyNormalMatrix(_ v: [Double], alpha: Double, workspace u: inout [Double]) -> [Double] {
        // u = S(Xv − 1(x̄ᵀv)), then Aᵥ = Xᵀu − x̄(1ᵀu) + αv.
        var shift = 0.0
        for j in active { shift += xMean[j] * v[j] }
        for i in 0..<rows { u[i] = -shift }
        u.withUnsafeMutableBufferPointer { up in
            for j in active where v[j] != 0 { x.addColumn(j, times: v[j], into: up.baseAddress!) }
        }
        if let weights { for i in 0..<rows { u[i] *= weights[i] } }
        var out = [Double](repeating: 0, count: x.columns)
        u.withUnsafeBufferPointer { up in
            out.withUnsafeMutableBufferPointer { op in
                centeredTransposeTimes(up.baseAddress!, into: op.baseAddress!, scatteringTo: true)
            }
        }
        for j in active { out[j] += alpha * v[j] }
        return out
    }

    /// Preconditioned conjugate gradients (Jacobi: D = diag(X̃ᵀX̃) + αI) on
    /// (X̃ᵀX̃ + αI)w = X̃ᵀỹ for target `t`, from w = 0. Stops when the recurrence's residual
    /// reaches `tolerance`·‖X̃ᵀỹ‖, then recomputes the residual from X; if that one is still above
    /// the tolerance (rounding in the recurrence), it restarts from the current w.
    /// Returns the active coefficients.
    func conjugateGradient(alpha: Double, target t: Int, tolerance: Double, maximumIterations: Int)
        throws(RegressionError) -> (w: [Double], report: IterativeSolveReport) {
        let p = x.columns
        var rhs = [Double](repeating: 0, count: p)
        var scaled = [Double](repeating: 0, count: rows)
        for i in 0..<rows { scaled[i] = (weights?[i] ?? 1) * (y[i, t] - yMean[t]) }
        scaled.withUnsafeBufferPointer { sp in
            rhs.withUnsafeMutableBufferPointer { rp in
                centeredTransposeTimes(sp.baseAddress!, into: rp.baseAddress!, scatteringTo: true)
            }
        }
        // Jacobi: diag(X̃ᵀX̃) + α (1 on the inactive columns, which stay 0).
        let squares = centeredSquares()
        var diagonal = [Double](repeating: 1, count: p)
        for j in active { diagonal[j] = squares[j] + alpha }
        func norm(_ v: [Double]) -> Double { BLAS.norm(v) }
        func dot(_ a: [Double], _ b: [Double]) -> Double { BLAS.dot(a, b) }
        let rhsNorm = norm(rhs)
        var w = [Double](repeating: 0, count: p)
        var report = IterativeSolveReport(iterations: 0, relativeResidual: 0, tolerance: tolerance)
        guard rhsNorm > 0 else { return (active.map { w[$0] }, report) }
        guard rhsNorm.isFinite else { throw .overflow("X̃ᵀỹ exceeds the largest Double; rescale X or y") }
        var workspace = [Double](repeating: 0, count: rows)
        var residual = rhs
        var iterations = 0
        var relative = 1.0
        restart: while iterations < maximumIterations {
            var z = zip(residual, diagonal).map { $0 / $1 }
            var direction = z
            var rz = dot(residual, z)
            while iterations < maximumIterations {
                let q = applyNormalMatrix(direction, alpha: alpha, workspace: &workspace)
                let curvature = dot(direction, q)
                guard curvature > 0, curvature.isFinite else { break restart }   // exhausted (α = 0, singular)
                let step = rz / curvature
                for j in active {
                    w[j] += step * direction[j]
                    residual[j] -= step * q[j]
                }
                iterations += 1
                if norm(residual) <= tolerance * rhsNorm {
                    let aw = applyNormalMatrix(w, alpha: alpha, workspace: &workspace)
                    residual = zip(rhs, aw).map { $0 - $1 }
                    relative = norm(residual) / rhsNorm
                    if relative <= tolerance { break restart }
                    continue restart
                }
                z = zip(residual, diagonal).map { $0 / $1 }
                let rzNext = dot(residual, z)
                let beta = rzNext / rz
                rz = rzNext
                for j in active { direction[j] = z[j] + beta * direction[j] }
            }
        }
        let aw = applyNormalMatrix(w, alpha: alpha, workspace: &workspace)
        relative = norm(zip(rhs, aw).map { $0 - $1 }) / rhsNorm
        report = IterativeSolveReport(iterations: iterations, relativeResidual: relative, tolerance: tolerance)
        return (active.map { w[$0] }, report)
    }
}

extension StatisticsNormalEquations {
    /// A system G w = q from a Gram matrix and right-hand sides formed elsewhere (a sparse X),
    /// solved with the same equilibrated Cholesky as fits from statistics; only
    /// ``solveCholesky(alpha:minimumDigits:)`` is meaningful on it.
    /// - Throws: ``RegressionError/overflow(_:)`` when an entry is not finite.
    init(gram: Matrix, cross: Matrix) throws(RegressionError) {
        guard gram.firstNonFinite() == nil, cross.firstNonFinite() == nil else {
            throw .overflow("the Gram matrix of X exceeds the largest Double; rescale X")
        }
        self.features = gram.rows
        self.active = Array(0..<gram.rows)
        self.gram = gram
        self.cross = cross
        self.xMean = [Double](repeating: 0, count: gram.rows)
        self.yMean = [Double](repeating: 0, count: cross.columns)
        self.targetSquares = [Double](repeating: 0, count: cross.columns)
        self.fitIntercept = false
    }
}
