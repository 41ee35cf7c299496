import LinearAlgebra

/// Solves one prepared ridge problem for a list of α, sharing every decomposition: the Gram
/// matrix (Cholesky refactors only the small regularized system per α), the QR of Xc (each α
/// then costs a p × p-sized QR), and the SVD (each α costs a rescaling). Decompositions are
/// built lazily, only when the solver (or the ``RidgeSolver/automatic`` rule) asks for them.
struct RidgeFit {
    let data: RidgeData
    let solver: RidgeSolver
    private var cholesky: Result<RidgeCholesky, RegressionError>?
    private var qr: Result<RidgeQR, RegressionError>?
    private var svd: RidgeSVD

    init(data: RidgeData, solver: RidgeSolver) {
        self.data = data
        self.solver = solver
        self.svd = RidgeSVD(data)
    }

    /// One model per target for `alpha`. `last`: no other α follows, so the Cholesky solver may
    /// factor in the Gram matrix's own memory instead of a copy.
    mutating func models(alpha: Double, last: Bool = false) throws(RegressionError) -> [RidgeModel] {
        guard solver != .conjugateGradient else {
            throw .invalidParameter(name: "solver", value: .nan,
                                    requirement: "conjugateGradient solves a sparse X; a dense X takes automatic, cholesky, qr or svd")
        }
        if data.p == 0 {
            // No column can carry a coefficient: w = 0, b = ȳ.
            let used = solver == .automatic ? RidgeSolver.cholesky : solver
            return try data.models(Matrix(rows: 0, columns: data.targets), alpha: alpha, solver: used,
                               rank: used == .svd ? 0 : nil, reciprocalCondition: nil)
        }
        switch solver {
        case .cholesky:
            let (w, rcond) = try solveCholesky(alpha: alpha, last: last)
            return try data.models(w, alpha: alpha, solver: .cholesky, rank: nil, reciprocalCondition: rcond)
        case .qr:
            let (w, rcond) = try qrSolver().solve(alpha: alpha)
            return try data.models(w, alpha: alpha, solver: .qr, rank: nil, reciprocalCondition: rcond)
        case .svd, .conjugateGradient:   // conjugateGradient was refused above
            let (w, rank, rcond) = try svd.solve(alpha: alpha)
            return try data.models(w, alpha: alpha, solver: .svd, rank: rank, reciprocalCondition: rcond)
        case .automatic:
            if let (w, rcond) = try? solveCholesky(alpha: alpha, last: last),
               rcond >= Ridge.choleskyReciprocalConditionThreshold {
                return try data.models(w, alpha: alpha, solver: .cholesky, rank: nil, reciprocalCondition: rcond)
            }
            let q = try qrSolver()
            if alpha > 0 || !q.isRankDeficient {
                let (w, rcond) = try q.solve(alpha: alpha)
                return try data.models(w, alpha: alpha, solver: .qr, rank: nil, reciprocalCondition: rcond)
            }
            let (w, rank, rcond) = try svd.solve(alpha: alpha)
            return try data.models(w, alpha: alpha, solver: .svd, rank: rank, reciprocalCondition: rcond)
        }
    }

    /// The Cholesky solution at `alpha`; for the `last` α the solver is handed over (and
    /// dropped here), so that it owns its Gram matrix alone and can overwrite it.
    private mutating func solveCholesky(alpha: Double, last: Bool) throws(RegressionError) -> (w: Matrix, reciprocalCondition: Double) {
        let solver = try choleskySolver()
        guard last else { return try solver.solve(alpha: alpha) }
        cholesky = nil
        return try solver.solveLast(alpha: alpha)
    }

    private mutating func choleskySolver() throws(RegressionError) -> RidgeCholesky {
        if cholesky == nil {
            do { cholesky = .success(try RidgeCholesky(data)) } catch { cholesky = .failure(error) }
        }
        switch cholesky {
        case .success(let c)?: return c
        case .failure(let e)?: throw e
        case nil: throw .singular("internal error: the cholesky decomposition was not built")
        }
    }

    private mutating func qrSolver() throws(RegressionError) -> RidgeQR {
        if qr == nil {
            do { qr = .success(try RidgeQR(data)) } catch { qr = .failure(error) }
        }
        switch qr {
        case .success(let c)?: return c
        case .failure(let e)?: throw e
        case nil: throw .singular("internal error: the qr decomposition was not built")
        }
    }
}
