/// An error the command line reports itself: one line of text and an exit status.
///
/// Exit statuses: 0 success; 1 a problem with the input files or the fit (unreadable or
/// malformed CSV, unknown column, model file that does not match the data, numerical failure);
/// 2 a problem with the command line itself (unknown option, bad option value, α < 0, r ∉ [0, 1],
/// unknown model or solver, an option that does not apply to the chosen model).
struct CLIError: Error, CustomStringConvertible {
    /// The message, on one line, without the `ridgelasso: error:` prefix.
    let description: String
    /// The process exit status.
    let exitStatus: Int32

    /// Exit status for errors in the input data, model files or the fit.
    static let dataStatus: Int32 = 1
    /// Exit status for errors in the command line.
    static let usageStatus: Int32 = 2

    /// A problem with the input files or the fit (exit status 1).
    static func data(_ message: String) -> CLIError { CLIError(description: message, exitStatus: dataStatus) }
    /// A problem with the command line (exit status 2).
    static func usage(_ message: String) -> CLIError { CLIError(description: message, exitStatus: usageStatus) }
}
