/// The coordinate-descent solver's tuning constants. None changes the answer (every step is
/// checked against the objective and every solve ends on the duality gap); they trade sweeps
/// against checks, factors and passes over X. The benchmark's lasso-compare task reproduces the
/// measurements behind them. (A namespace of its own: a generic class has no static stored properties.)
enum CoordinateDescentTuning {
    // MARK: - Inner threshold

    /// Smallest λ₁/λ₁′ between successive solves for which ``innerScale`` is carried over: a path
    /// grid (steps of 0.93) or a cold fit's warm-up (0.3) keeps it, a coarse jump starts afresh.
    static let carriedThresholdStep = 0.5
    /// How much looser than where the last solve ended the next one starts: the ratio of sweep
    /// changes to gap moves little between neighbouring α, but not so little that it can be reused tight.
    static let carriedThresholdRelaxation = 3.0
    /// Smallest inner threshold relative to the objective: a coordinate change dⱼΔwⱼ² below it
    /// is at the rounding level of the objective (ε² ≈ 5e-32, with room).
    static let roundingChange = 1e-26
    /// Checks at the smallest inner threshold without a gap improvement of 10% (``stallProgress``)
    /// after which a solve ends unconverged: the gap has stalled at the rounding floor.
    static let stallChecks = 3
    /// The gap improvement a check at the rounding floor must make not to count as stalled.
    static let stallProgress = 0.9

    // MARK: - Single-precision Gram matrix

    /// Inner-threshold shrink after a failed check with the single-precision cache: a check costs
    /// two passes over X and a model sweep none, so the model is solved far below the target first.
    static let approximateModelShrink = 1e-9
    /// Most sweeps of the single-precision model between two checks (a model that is not positive
    /// definite need not settle below the inner threshold).
    static let approximateSweepLimit = 200

    // MARK: - Anderson extrapolation

    /// Iterates combined per extrapolation: deep enough to capture the slow modes, small enough
    /// that the K × K system and the K passes over the active set stay cheap (celer and skglm use 5).
    static let andersonDepth = 5

    // MARK: - Newton steps

    /// Most features by which a support may differ from the factored one (removed plus added)
    /// for a bordered solve; also at most 1/8 of the factored support. With the border columns
    /// kept per factor, a bordered solve costs a triangular solve pair and a k × k system,
    /// against b³/3 for a new factor.
    static let borderLimit = 32
    /// Most features kept in the Newton Gram cache (its memory is 8·limit² bytes).
    static let newtonCacheLimit = 2 * newtonMaximumSize
    /// Largest active set for a Newton step (its cost is n·|A|² + |A|³/3).
    static let newtonMaximumSize = 2000
    /// How much faster BLAS-3 (`dsyrk`, `dpotrf`) runs per flop than the memory-bound sweeps,
    /// used to convert a Newton step's flops into sweeps.
    static let blasSpeedup = 0.05
    /// Active-set sweeps before a Newton step is tried: a few sweeps settle the signs first.
    static let newtonAfterSweeps = 10
    /// Sweeps after an accepted Newton step before the next one is tried: few, since at the
    /// ill-conditioned end of a p ≫ n path the Newton steps, not the sweeps, make the progress.
    static let newtonAfterAccepted = 2
    /// Most re-solves of a Newton step with the coordinates that cross 0 held there: each is a
    /// bordered solve, and more than a few rounds means the support is still far off.
    static let crossingRounds = 3
}
