import ArgumentParser
import RidgeLasso

/// The ridge solver named by `--solver` (see ``RidgeSolver``).
enum SolverChoice: String, CaseIterable, ExpressibleByArgument {
    case auto, cholesky, qr, svd

    /// The library's solver of the same name.
    var ridgeSolver: RidgeSolver {
        switch self {
        case .auto: return .automatic
        case .cholesky: return .cholesky
        case .qr: return .qr
        case .svd: return .svd
        }
    }
}
