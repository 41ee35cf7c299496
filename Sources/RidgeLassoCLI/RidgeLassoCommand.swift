import ArgumentParser

/// The root command, `ridgelasso`: its subcommands and the text shared by their help.
struct RidgeLassoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ridgelasso",
        abstract: "Ridge, lasso and elastic-net regression on numeric CSV files, with JSON output.",
        discussion: """
        Input: a CSV file with a header row and numeric cells. The response is the column named \
        by --target (default: the last column); every other column is a feature, in file order. \
        fit, path, cv and predict also read svmlight files (--format); fit, path and cv also fit \
        from statistics written by `ridgelasso stats` (--stats).
        
        \(Objectives.text)
        
        \(ExitStatus.text)
        
        ridgelasso --version prints the release, the BLAS and LAPACK in use and the OpenBLAS \
        kernels (the same report as `ridgelasso blas`).
        """,
        subcommands: [FitCommand.self, PathCommand.self, PredictCommand.self, CVCommand.self, StatsCommand.self, MergeCommand.self, BLASCommand.self]
    )
}

/// The objectives, written out for `--help`.
enum Objectives {
    static let text = """
    Objectives (scikit-learn's conventions; n rows; the intercept b is never \
    penalized; minimized over w and b):
      ridge       ‖y − Xw − b‖² + α‖w‖²
      lasso       (1/(2n))‖y − Xw − b‖² + α‖w‖₁
      elasticnet  (1/(2n))‖y − Xw − b‖² + αr‖w‖₁ + (α(1 − r)/2)‖w‖²
                  with r = --l1-ratio in [0, 1]
    With --no-intercept, b = 0 and nothing is centered. Ridge is solved \
    exactly (LAPACK); lasso and elastic net by coordinate descent, which \
    reports its iterations, duality gap and convergence.
    """
}

/// The exit statuses, written out for `--help`.
enum ExitStatus {
    static let text = """
    Exit status: 0 success; 1 bad input data, model file or failed fit; 2 bad command line. \
    On failure exactly one line goes to standard error and nothing to standard output.
    """
}
