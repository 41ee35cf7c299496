/// The settings of the coordinate-descent solver: where each solve stops and which of its speed
/// machinery runs. One value, held by ``ElasticNet`` (and through it by ``Lasso``,
/// ``ElasticNetCV`` and ``LassoCV``), so a knob added here reaches every model and every
/// cross-validated path; each is also readable and settable as a member of those models
/// (`model.tolerance = 1e-8`).
///
/// **Stopping rule** (``StoppingCriterion/relativeSuboptimality``): a solve at one α ends when the
/// duality gap certifies
///
///     gap ≤ tolerance · max(P(w), 10⁻⁴ · P(0)),   P(0) = (1/2n)‖y − ȳ‖²,
///
/// i.e. a relative suboptimality (P(w) − P*)/P(w) ≤ `tolerance` (see ``ElasticNet``), or after
/// `maximumIterations` sweeps, unconverged. The speed switches never change the answer beyond
/// the tolerance: each can be turned off to compare.
public struct CoordinateDescentSettings: Sendable, Equatable {
    /// The certified relative suboptimality at which a solve stops (``stoppingCriterion``).
    /// Default ``defaultTolerance`` (1e-6).
    public var tolerance: Double
    /// Budget of coordinate-descent sweeps (per α on a path). Default ``defaultMaximumIterations``.
    public var maximumIterations: Int
    /// How the gradient is kept current (``UpdateScheme``). Default ``UpdateScheme/automatic`` (by shape).
    public var updateScheme: UpdateScheme
    /// Sequential strong rules with a KKT check of every discarded feature. Default true.
    public var screening: Bool
    /// Sweep only the nonzero coefficients between full sweeps. Default true.
    public var activeSetCycling: Bool
    /// Anderson extrapolation of the active-set iterates, sign-fixed Newton steps on the active set
    /// and a linear predictor along a path, each kept only when it lowers the objective. Default true.
    public var acceleration: Bool
    /// A single fit with the covariance scheme and at least
    /// ``ElasticNet/singlePrecisionMinimumColumns`` features forms its Gram matrix in single
    /// precision (`ssyrk`, about half the time of `dsyrk`) and refines: every check recomputes the
    /// residual and the gradient exactly, so the duality gap, the stopping rule and the answer are
    /// those of the exact problem (the solver switches to the exact Gram matrix should the gap stop
    /// improving). Paths always use the exact one (they check at every α). Default true.
    public var singlePrecisionGram: Bool
    /// A path with the naive scheme (p ≫ n) on an X of at least
    /// ``ElasticNet/singlePrecisionChecksMinimumSize`` values checks each α from a single-precision
    /// copy of X (one `sgemv` over half the bytes of the `dgemv`) and recomputes in double every
    /// correlation whose rounding bound could matter: the KKT checks, the duality gap and the answer
    /// are those of the exact correlations. The copy costs 4·n·p bytes while the path runs. Default true.
    public var singlePrecisionChecks: Bool

    /// What ``tolerance`` measures: ``StoppingCriterion/relativeSuboptimality``.
    public static let stoppingCriterion = StoppingCriterion.relativeSuboptimality

    /// The default stopping tolerance: a certified relative suboptimality of 10⁻⁶, about six
    /// correct digits of the objective, far below the statistical error of any fit.
    public static let defaultTolerance = 1e-6
    /// The default budget of sweeps: large enough never to end a well-posed solve early; it only
    /// stops a solve stalled at the rounding floor.
    public static let defaultMaximumIterations = 100_000

    /// Settings with every default (all speed machinery on).
    public init(
        tolerance: Double = CoordinateDescentSettings.defaultTolerance,
        maximumIterations: Int = CoordinateDescentSettings.defaultMaximumIterations,
        updateScheme: UpdateScheme = .automatic, screening: Bool = true, activeSetCycling: Bool = true,
        acceleration: Bool = true, singlePrecisionGram: Bool = true, singlePrecisionChecks: Bool = true
    ) {
        self.tolerance = tolerance
        self.maximumIterations = maximumIterations
        self.updateScheme = updateScheme
        self.screening = screening
        self.activeSetCycling = activeSetCycling
        self.acceleration = acceleration
        self.singlePrecisionGram = singlePrecisionGram
        self.singlePrecisionChecks = singlePrecisionChecks
    }

    /// The stopping rule of every solve.
    var stopping: StoppingRule { StoppingRule(tolerance: tolerance, maximumIterations: maximumIterations) }
}
