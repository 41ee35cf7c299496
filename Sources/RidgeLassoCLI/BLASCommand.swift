import ArgumentParser
import LinearAlgebra
import RidgeLasso

/// `ridgelasso blas`: which BLAS, LAPACK and OpenBLAS kernels this program runs, and why.
struct BLASCommand: OutputProducingCommand {
    static let configuration = CommandConfiguration(
        commandName: "blas",
        abstract: "Print the BLAS/LAPACK libraries, the OpenBLAS kernels in use and the CPU.",
        discussion: """
        OpenBLAS picks its kernels when it loads, from the CPU model; a release older than the \
        CPU falls back to generic kernels (Debian 12's OpenBLAS 0.3.21 runs its 2004-era \
        Prescott kernels on current Intel Xeons) that are 2–5× slower. When that happens and \
        OPENBLAS_CORETYPE is unset, ridgelasso starts itself once more with \
        OPENBLAS_CORETYPE=SkylakeX (CPUs with AVX-512) or Haswell (AVX2 and FMA). A value of \
        OPENBLAS_CORETYPE that is set, even empty, is never overridden; \
        RIDGELASSO_KERNELS=detected keeps OpenBLAS's own detection.
        
        --chosen-core prints only the core ridgelasso chose for itself (nothing when it kept the \
        detection or the user's setting): `make test` runs the suite under it.
        """
    )

    @Flag(name: .customLong("chosen-core"), help: "Print only the kernels ridgelasso chose, or nothing.")
    var chosenCore = false

    func standardOutput() throws -> String {
        let library = BLASLibrary.current
        if chosenCore {
            guard library.replacedCore != nil, let core = library.openBLASCore else { return "" }
            return core + "\n"
        }
        return library.report + "\n"
    }
}

/// The text of `ridgelasso --version`: the release, then the BLAS report.
enum VersionText {
    static let text = "ridgelasso \(ridgeLassoVersion)\n\(BLASLibrary.current.report)"
}
