/// Which OpenBLAS kernels a process should run: a pure function of what OpenBLAS reported, what
/// the processor supports and what the environment says.
///
/// OpenBLAS built with `DYNAMIC_ARCH` (Debian's `libopenblas0-*`) picks its kernels once, when
/// the library is loaded, from the processor's model number. A release older than the processor
/// does not know the model and falls back to a generic core: OpenBLAS 0.3.21 runs its Prescott
/// (SSE3, 2004) kernels on current Intel Xeons with AVX-512, and `dgemm` then reaches a fifth of
/// the speed of the SkylakeX kernels the same library carries. The documented remedy is the
/// environment variable `OPENBLAS_CORETYPE`, read at load time; ``decide(reportedCore:version:dynamicArch:features:coreTypeVariable:selection:)``
/// says when to set it and to what, and ``BLASLibrary/reexecuteWithBetterKernelsIfNeeded()`` applies it.
///
/// The rules, in order:
/// 1. `OPENBLAS_CORETYPE` present in the environment, even empty, is the user's choice: keep it
///    (an empty value makes OpenBLAS 0.3.21 detect differently from an unset one, so "empty" is
///    not "unset").
/// 2. `RIDGELASSO_KERNELS=detected` keeps whatever OpenBLAS detected.
/// 3. Not OpenBLAS, or an OpenBLAS without `DYNAMIC_ARCH` (whose kernels are fixed at build
///    time), or a version that cannot be read: keep.
/// 4. A reported core whose kernels use AVX2 or better (Haswell, Zen, SkylakeX, Cooperlake, …,
///    and AMD's own Bulldozer family) is a real detection: keep.
/// 5. A generic pre-AVX2 core (``genericFallbackCores``) on a processor with AVX-512 F/CD/BW/DQ/VL:
///    `SkylakeX`; on a processor with AVX2 and FMA: `Haswell`. Both only from OpenBLAS
///    ``minimumSwitchedVersion`` on: the first release with the fix for wrong `dgemm` results of
///    the SkylakeX kernels in `DYNAMIC_ARCH` builds (OpenBLAS issue 2986, fixed by pull request
///    3571), and the release this package's suite runs on under both kernels. Older releases are
///    left as they are; ``BLASLibrary/diagnosis`` still tells the user. These two sets of
///    double-precision kernels are the ones OpenBLAS itself uses for the later cores it knows
///    (Cooperlake's double-precision kernels are SkylakeX's, Zen's are Haswell's).
/// 6. Otherwise keep.
public enum OpenBLASKernelChoice {
    /// What to do, and why.
    public enum Decision: Equatable, Sendable, CustomStringConvertible {
        /// Run as is.
        case keep(KeepReason)
        /// Start again with `OPENBLAS_CORETYPE=core`; OpenBLAS had chosen `replacing`.
        case use(core: String, replacing: String)

        /// The core to set, or `nil` to keep.
        public var core: String? {
            if case .use(let core, _) = self { return core }
            return nil
        }

        public var description: String {
            switch self {
            case .keep(let reason): return "keep: \(reason)"
            case .use(let core, let replacing):
                return "use \(core): OpenBLAS fell back to its generic \(replacing) kernels on a CPU that runs \(core)'s"
            }
        }
    }

    /// Why the kernels are kept.
    public enum KeepReason: Equatable, Sendable, CustomStringConvertible {
        /// `OPENBLAS_CORETYPE` is set (to this value, possibly empty): the user's choice.
        case variableSet(String)
        /// `RIDGELASSO_KERNELS=detected`.
        case disabled
        /// The BLAS is not OpenBLAS, or not one that can switch kernels at run time.
        case notSwitchable
        /// OpenBLAS's version could not be read or is older than any kernel known correct here.
        case versionUnknownOrOld
        /// The reported core is a real detection, not a generic fallback.
        case detected(String)
        /// A generic core, but the processor supports nothing better.
        case noBetterKernels(String)

        public var description: String {
            switch self {
            case .variableSet(let value): return "OPENBLAS_CORETYPE=\(value) is set (the user's choice)"
            case .disabled: return "RIDGELASSO_KERNELS=detected"
            case .notSwitchable: return "not an OpenBLAS that selects its kernels at run time"
            case .versionUnknownOrOld: return "OpenBLAS version unknown or too old to switch safely"
            case .detected(let core): return "OpenBLAS detected \(core)"
            case .noBetterKernels(let core): return "\(core) is the best this CPU runs"
            }
        }
    }

    /// The environment variable of RidgeLasso's own that turns the choice off (`detected`) or
    /// leaves it on (`auto`, or unset).
    public static let selectionVariable = "RIDGELASSO_KERNELS"

    /// OpenBLAS core names (as `openblas_get_corename` spells them) whose kernels use neither
    /// AVX2 nor FMA: the cores OpenBLAS falls back to for a processor it does not know.
    public static let genericFallbackCores: Set<String> = [
        "unknown", "katmai", "coppermine", "northwood", "prescott", "banias", "atom", "core2",
        "penryn", "dunnington", "nehalem", "athlon", "opteron", "opteron_sse3", "barcelona",
        "nano", "sandybridge", "bobcat",
    ]

    /// Decides which kernels to run.
    /// - Parameters:
    ///   - reportedCore: `openblas_get_corename()`, or `nil` when the BLAS is not OpenBLAS.
    ///   - version: OpenBLAS's version, e.g. "0.3.21", or `nil` when unknown.
    ///   - dynamicArch: whether `openblas_get_config()` lists `DYNAMIC_ARCH`.
    ///   - features: the processor's features.
    ///   - coreTypeVariable: the value of `OPENBLAS_CORETYPE`, `nil` only when it is unset.
    ///   - selection: the value of `RIDGELASSO_KERNELS`, `nil` when unset.
    public static func decide(
        reportedCore: String?, version: String?, dynamicArch: Bool, features: CPUFeatures,
        coreTypeVariable: String?, selection: String?
    ) -> Decision {
        if let value = coreTypeVariable { return .keep(.variableSet(value)) }
        if selection?.lowercased() == "detected" { return .keep(.disabled) }
        guard let reportedCore, dynamicArch else { return .keep(.notSwitchable) }
        guard genericFallbackCores.contains(reportedCore.lowercased()) else {
            return .keep(.detected(reportedCore))
        }
        guard let best = bestCore(for: features) else { return .keep(.noBetterKernels(reportedCore)) }
        guard let release = version.flatMap(parseVersion), release >= minimumSwitchedVersion else {
            return .keep(.versionUnknownOrOld)
        }
        return .use(core: best, replacing: reportedCore)
    }

    /// The oldest OpenBLAS release whose kernels are switched: 0.3.21.
    public static let minimumSwitchedVersion = [0, 3, 21]

    /// The best kernels for `features` that OpenBLAS carries in every `DYNAMIC_ARCH` build from
    /// ``minimumSwitchedVersion`` on, or `nil` when the processor has neither AVX-512 nor AVX2+FMA.
    public static func bestCore(for features: CPUFeatures) -> String? {
        if features.hasAVX512 { return "SkylakeX" }
        if features.hasAVX2FMA { return "Haswell" }
        return nil
    }

    /// "0.3.21" or "0.3.21.dev" → [0, 3, 21]; `nil` unless it starts with three numbers.
    static func parseVersion(_ text: String) -> [Int]? {
        let numbers = text.split(separator: ".").prefix(3).map { part in Int(part.prefix(while: \.isNumber)) }
        guard numbers.count == 3, numbers.allSatisfy({ $0 != nil }) else { return nil }
        return numbers.compactMap { $0 }
    }
}

extension Array where Element == Int {
    /// Lexicographic order of version numbers.
    fileprivate static func >= (lhs: [Int], rhs: [Int]) -> Bool {
        for (a, b) in zip(lhs, rhs) where a != b { return a > b }
        return lhs.count >= rhs.count
    }
}
