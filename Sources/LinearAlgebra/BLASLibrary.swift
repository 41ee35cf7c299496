import CLAPACK
import Foundation

/// The BLAS and LAPACK this process runs, looked up at run time so that any `libblas.so.3`
/// (OpenBLAS, BLIS, the reference BLAS) still links, and the kernels OpenBLAS uses.
///
/// ```swift
/// print(BLASLibrary.current.report)                  // library, version, kernels, threads, CPU
/// if let advice = BLASLibrary.current.diagnosis {    // one line, when BLAS runs below the CPU
///     print(advice)
/// }
/// ```
///
/// Programs built on RidgeLasso can call ``reexecuteWithBetterKernelsIfNeeded()`` first thing in
/// `main`, as the `ridgelasso` command and the benchmark do.
public struct BLASLibrary: Sendable {
    /// Who made the BLAS.
    public enum Vendor: String, Sendable {
        case openBLAS = "OpenBLAS"
        case blis = "BLIS"
        case mkl = "Intel MKL"
        /// No vendor query answered: the reference BLAS (netlib) or one that says nothing.
        case unidentified = "reference or unidentified BLAS"
    }

    /// Who made the BLAS.
    public var vendor: Vendor
    /// The file that provides `cblas_dgemm`, as loaded (e.g. Debian's alternatives link).
    public var blasPath: String?
    /// The file that provides `dpotrf_`, as loaded.
    public var lapackPath: String?
    /// The vendor's version string, e.g. "0.3.21".
    public var version: String?
    /// `openblas_get_config()`, e.g. "OpenBLAS 0.3.21 NO_LAPACKE DYNAMIC_ARCH NO_AFFINITY Haswell MAX_THREADS=64".
    public var openBLASConfig: String?
    /// `openblas_get_corename()`: the kernels OpenBLAS runs, e.g. "Haswell", "Prescott".
    public var openBLASCore: String?
    /// OpenBLAS's thread count.
    public var threads: Int?
    /// The processor.
    public var cpu: CPUFeatures
    /// `OPENBLAS_CORETYPE` as this process found it (`nil` when unset, "" when set empty).
    public var coreTypeVariable: String?
    /// `RIDGELASSO_KERNELS` (`nil` when unset).
    public var selection: String?
    /// The core OpenBLAS had detected when ``reexecuteWithBetterKernelsIfNeeded()`` started this
    /// process again with other kernels; `nil` when it did not.
    public var replacedCore: String?

    /// Whether OpenBLAS selects its kernels at load time (`DYNAMIC_ARCH`), so that
    /// `OPENBLAS_CORETYPE` can change them.
    public var dynamicArch: Bool { openBLASConfig?.split(separator: " ").contains("DYNAMIC_ARCH") ?? false }

    /// What ``OpenBLASKernelChoice`` decides for this process as it is now.
    public var decision: OpenBLASKernelChoice.Decision {
        OpenBLASKernelChoice.decide(
            reportedCore: assumedDetectedCore ?? openBLASCore, version: version, dynamicArch: dynamicArch,
            features: cpu, coreTypeVariable: coreTypeVariable, selection: selection)
    }

    /// A core to decide on in place of the reported one (``assumedDetectedVariable``): lets the
    /// tests exercise the re-execution on machines whose OpenBLAS detects its CPU correctly.
    var assumedDetectedCore: String?

    /// The environment variable that ``reexecuteWithBetterKernelsIfNeeded()`` sets in the new
    /// process, to the core OpenBLAS had detected; while it is set no further re-execution happens.
    public static let replacedVariable = "RIDGELASSO_KERNELS_REPLACED"
    /// For tests only: makes the decision treat this value as the core OpenBLAS reported.
    public static let assumedDetectedVariable = "RIDGELASSO_KERNELS_ASSUME_DETECTED"

    /// The library of this process, queried once.
    public static let current = BLASLibrary(environment: ProcessInfo.processInfo.environment)

    /// Queries the loaded libraries; `environment` supplies the variables.
    init(environment: [String: String]) {
        let config = Symbols.string("openblas_get_config")
        if let config {
            vendor = .openBLAS
            version = config.split(separator: " ").dropFirst().first.map(String.init)
        } else if let blis = Symbols.string("bli_info_get_version_str") {
            vendor = .blis
            version = blis
        } else if Symbols.address("MKL_Get_Version_String") != nil {
            vendor = .mkl
        } else {
            vendor = .unidentified
        }
        openBLASConfig = config
        openBLASCore = Symbols.string("openblas_get_corename")
        threads = BLASThreads.count
        blasPath = Symbols.file(containing: "cblas_dgemm")
        lapackPath = Symbols.file(containing: "dpotrf_")
        cpu = .current
        coreTypeVariable = environment["OPENBLAS_CORETYPE"]
        selection = environment[OpenBLASKernelChoice.selectionVariable]
        replacedCore = environment[Self.replacedVariable]
        assumedDetectedCore = environment[Self.assumedDetectedVariable]
    }

    /// The kernels in use and who chose them, e.g. "SkylakeX (chosen by RidgeLasso: OpenBLAS
    /// detected Prescott)", "Haswell (OPENBLAS_CORETYPE=Haswell)", "Zen (as detected)".
    public var kernels: String {
        guard let core = openBLASCore else { return "fixed by the library" }
        if let replaced = replacedCore {
            return "\(core) (chosen by RidgeLasso: OpenBLAS detected \(replaced); "
                + "\(OpenBLASKernelChoice.selectionVariable)=detected keeps the detection)"
        }
        if let value = coreTypeVariable { return "\(core) (OPENBLAS_CORETYPE=\(value))" }
        return "\(core) (as detected)"
    }

    /// One line for a report header: vendor, version, kernels, threads.
    public var summary: String {
        var parts = [[vendor.rawValue, version].compactMap { $0 }.joined(separator: " ")]
        if openBLASCore != nil { parts.append("kernels \(kernels)") }
        if let threads { parts.append("\(threads) thread\(threads == 1 ? "" : "s")") }
        return parts.joined(separator: ", ")
    }

    /// Several lines: the libraries (as loaded and as resolved), vendor and version, kernels,
    /// threads, the processor, and the ``diagnosis`` when there is one.
    public var report: String {
        func file(_ path: String?) -> String {
            guard let path else { return "unknown" }
            let resolved = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
            return resolved == path ? path : "\(path) → \(resolved)"
        }
        var lines = [
            "BLAS: \(summary)",
            "BLAS library: \(file(blasPath))",
            "LAPACK library: \(file(lapackPath))",
        ]
        if let openBLASConfig { lines.append("OpenBLAS config: \(openBLASConfig)") }
        let model = cpu.modelName.isEmpty ? "unknown CPU" : cpu.modelName
        lines.append("CPU: \(model), \(cpu.vectorSummary)")
        if let diagnosis { lines.append(diagnosis) }
        return lines.joined(separator: "\n")
    }

    /// One line of advice when OpenBLAS runs generic kernels on a processor that has better ones,
    /// `nil` otherwise.
    public var diagnosis: String? {
        guard let core = openBLASCore, OpenBLASKernelChoice.genericFallbackCores.contains(core.lowercased()),
              let best = OpenBLASKernelChoice.bestCore(for: cpu) else { return nil }
        let head = "OpenBLAS runs its generic \(core) kernels on a CPU with \(cpu.vectorSummary)"
        if let value = coreTypeVariable {
            return "\(head), as OPENBLAS_CORETYPE=\(value) asks; unset it or set OPENBLAS_CORETYPE=\(best) "
                + "for 2–5× faster BLAS"
        }
        switch decision {
        case .use:
            return "\(head): start the program with OPENBLAS_CORETYPE=\(best) (read when OpenBLAS loads) "
                + "or call BLASLibrary.reexecuteWithBetterKernelsIfNeeded() first in main, for 2–5× faster BLAS"
        case .keep(.disabled):
            return "\(head); \(OpenBLASKernelChoice.selectionVariable)=detected keeps them"
        case .keep:
            return "\(head); this OpenBLAS (\(version ?? "version unknown")) is older than RidgeLasso switches "
                + "safely: upgrade it, or try OPENBLAS_CORETYPE=\(best) and check the results"
        }
    }

    /// Starts this program again with better OpenBLAS kernels when ``decision`` says so, and
    /// returns when it does not (or when starting again fails, in which case nothing changed).
    ///
    /// OpenBLAS reads `OPENBLAS_CORETYPE` once, when it is loaded, before `main` runs; the only
    /// documented way to change the kernels of a running program is to start it again with the
    /// variable set. This replaces the process image (`execv` of `/proc/self/exe` with the same
    /// arguments; the process id, open files and standard input stay), after setting
    /// `OPENBLAS_CORETYPE` and ``replacedVariable``. The new process finds the variable set,
    /// which ``OpenBLASKernelChoice`` takes as a choice it never overrides, so this happens at
    /// most once. Call it before anything is printed or read. `RIDGELASSO_KERNELS=detected`
    /// turns it off.
    public static func reexecuteWithBetterKernelsIfNeeded() {
        #if os(Linux)
        guard getenv(replacedVariable) == nil, getenv("OPENBLAS_CORETYPE") == nil else { return }
        // Only a generic core can lead to a switch, so the processor's features and the rest of
        // the report are read only then: every other start costs one symbol look-up.
        let reported = getenv(assumedDetectedVariable).map { String(cString: $0) }
            ?? Symbols.string("openblas_get_corename")
        guard let reported, OpenBLASKernelChoice.genericFallbackCores.contains(reported.lowercased()) else { return }
        let library = current
        guard case .use(let core, let replacing) = library.decision else { return }
        setenv("OPENBLAS_CORETYPE", core, 1)
        setenv(replacedVariable, replacing, 1)
        execv("/proc/self/exe", CommandLine.unsafeArgv)
        // Only reached when execv failed: run on as before, with the environment as it was.
        unsetenv("OPENBLAS_CORETYPE")
        unsetenv(replacedVariable)
        #endif
    }
}

/// Run-time symbol look-ups in the libraries the process has loaded.
enum Symbols {
    /// The address of `name` in any loaded library (`RTLD_DEFAULT`), or `nil`.
    static func address(_ name: String) -> UnsafeMutableRawPointer? {
        #if canImport(Glibc)
        return dlsym(UnsafeMutableRawPointer(bitPattern: 0), name)
        #else
        return nil
        #endif
    }

    /// Calls `const char *name(void)` when the symbol exists.
    static func string(_ name: String) -> String? {
        typealias Getter = @convention(c) () -> UnsafePointer<CChar>?
        guard let pointer = address(name) else { return nil }
        guard let text = unsafeBitCast(pointer, to: Getter.self)() else { return nil }
        return String(cString: text).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The path of the loaded file that defines `name`.
    static func file(containing name: String) -> String? {
        guard let pointer = address(name) else { return nil }
        var info = ridgelasso_dl_info()
        guard ridgelasso_dladdr(pointer, &info) != 0, let file = info.dli_fname else { return nil }
        return String(cString: file)
    }
}
