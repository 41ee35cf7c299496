import Foundation
import LinearAlgebra
import Testing
import _TestSupport

/// `ridgelasso --version`, `ridgelasso blas` and the start with better OpenBLAS kernels, through
/// the built executable. The fallback does not happen on a machine whose OpenBLAS knows its CPU,
/// so the tests make the decision see "Prescott" through ``BLASLibrary/assumedDetectedVariable``.
@Suite("ridgelasso --version and kernel selection")
struct KernelSelectionTests {
    /// The inherited environment without the variables that steer the choice.
    static func environment(_ extra: [String: String] = [:]) -> [String: String] {
        var env = ProcessInfo.processInfo.environment
        for key in ["OPENBLAS_CORETYPE", "RIDGELASSO_KERNELS", BLASLibrary.replacedVariable,
                    BLASLibrary.assumedDetectedVariable] {
            env[key] = nil
        }
        return env.merging(extra) { $1 }
    }

    /// Whether this machine's BLAS would switch kernels if OpenBLAS had reported Prescott.
    static var switchable: Bool {
        let library = BLASLibrary.current
        return OpenBLASKernelChoice.decide(
            reportedCore: "Prescott", version: library.version, dynamicArch: library.dynamicArch,
            features: library.cpu, coreTypeVariable: nil, selection: nil).core != nil
    }

    @Test("--version prints the release and the BLAS report on standard output")
    func version() throws {
        let r = try CLIProcess.run(["--version"], environment: Self.environment())
        #expect(r.status == 0)
        #expect(r.stderr.isEmpty)
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.first.map(String.init) == "ridgelasso 0.6.0")
        #expect(lines.dropFirst().first?.hasPrefix("BLAS: ") == true)
        #expect(r.stdout.contains("LAPACK library: "))
        #expect(r.stdout.contains("CPU: "))
        let blas = try CLIProcess.run(["blas"], environment: Self.environment())
        #expect(blas.status == 0)
        #expect(r.stdout.hasSuffix(blas.stdout))
    }

    @Test("a generic core on a capable CPU: started again with the best kernels, once, same answer")
    func reexecution() throws {
        guard Self.switchable else { return }   // not OpenBLAS ≥ 0.3.21 with AVX2: nothing to switch
        let best = try #require(OpenBLASKernelChoice.bestCore(for: BLASLibrary.current.cpu))
        let assumed = Self.environment([BLASLibrary.assumedDetectedVariable: "Prescott"])
        let r = try CLIProcess.run(["--version"], environment: assumed)
        #expect(r.status == 0)
        #expect(r.stdout.contains("kernels \(best) (chosen by RidgeLasso: OpenBLAS detected Prescott"))
        #expect(r.stdout.contains("OpenBLAS config: OpenBLAS ") && r.stdout.contains(" \(best) "))
        let chosen = try CLIProcess.run(["blas", "--chosen-core"], environment: assumed)
        #expect(chosen.stdout == "\(best)\n")

        // The same fit in the new process: arguments pass through, and the kernels agree.
        let arguments = ["fit", "--model", "ridge", "--alpha", "1", Datasets.diabetesPath]
        let switched = try CLIProcess.run(arguments, environment: assumed)
        let plain = try CLIProcess.run(arguments, environment: Self.environment())
        #expect(switched.status == 0 && plain.status == 0)
        let a = try jsonObject(switched.stdout), b = try jsonObject(plain.stdout)
        let ca = try #require(a["coefficients"] as? [Double]), cb = try #require(b["coefficients"] as? [Double])
        #expect(ca.count == cb.count && ca.count == 10)
        for (x, y) in zip(ca, cb) { #expect(abs(x - y) <= 1e-10 * max(abs(y), 1)) }
    }

    @Test("the user's OPENBLAS_CORETYPE (even empty) and RIDGELASSO_KERNELS=detected are kept")
    func kept() throws {
        for extra in [["OPENBLAS_CORETYPE": "Prescott"], ["OPENBLAS_CORETYPE": ""], ["RIDGELASSO_KERNELS": "detected"]] {
            var env = Self.environment(extra)
            env[BLASLibrary.assumedDetectedVariable] = "Prescott"
            let r = try CLIProcess.run(["blas", "--chosen-core"], environment: env)
            #expect(r.status == 0)
            #expect(r.stdout.isEmpty, "\(extra): \(r.stdout)")
        }
        guard BLASLibrary.current.openBLASCore != nil else { return }
        let byHand = try CLIProcess.run(["blas"], environment: Self.environment(["OPENBLAS_CORETYPE": "Prescott"]))
        #expect(byHand.stdout.contains("kernels Prescott (OPENBLAS_CORETYPE=Prescott)"))
    }
}
