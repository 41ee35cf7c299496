import Testing
@testable import LinearAlgebra

/// The decision as a pure function of (reported core, version, build, CPU, environment), on the
/// cases that occur: Debian 12's OpenBLAS 0.3.21 falling back to Prescott on a current Xeon, the
/// same library detecting its CPU, the variable set (even empty), older releases, other BLAS.
@Suite("OpenBLASKernelChoice")
struct OpenBLASKernelChoiceTests {
    /// A Sapphire Rapids Xeon (AVX-512 with FP16): the machine where 0.3.21 falls back to Prescott.
    static let xeon = CPUFeatures(vendor: "GenuineIntel", modelName: "Intel(R) Xeon(R) Platinum 8488C", flags: [
        "sse2", "sse4_2", "avx", "avx2", "fma", "avx512f", "avx512cd", "avx512bw", "avx512dq", "avx512vl",
        "avx512_bf16", "avx512_fp16",
    ])
    /// A desktop with AVX2 and FMA but no AVX-512.
    static let avx2 = CPUFeatures(vendor: "GenuineIntel", flags: ["sse2", "avx", "avx2", "fma"])
    /// AVX-512 F without the BW/DQ/VL parts SkylakeX's kernels use (Knights Landing).
    static let avx512FOnly = CPUFeatures(flags: ["sse2", "avx", "avx2", "fma", "avx512f", "avx512cd"])
    /// An SSE-only processor.
    static let old = CPUFeatures(flags: ["sse2", "sse3"])

    static func decide(
        _ core: String?, version: String? = "0.3.21", dynamic: Bool = true, cpu: CPUFeatures = xeon,
        variable: String? = nil, selection: String? = nil
    ) -> OpenBLASKernelChoice.Decision {
        OpenBLASKernelChoice.decide(
            reportedCore: core, version: version, dynamicArch: dynamic, features: cpu,
            coreTypeVariable: variable, selection: selection)
    }

    @Test("a generic fallback core on a CPU with AVX-512 is replaced by SkylakeX", arguments: [
        "Prescott", "Core2", "Nehalem", "Katmai", "Sandybridge", "Unknown", "PRESCOTT", "Opteron_SSE3",
    ])
    func fallbackOnAVX512(_ core: String) {
        #expect(Self.decide(core) == .use(core: "SkylakeX", replacing: core))
    }

    @Test("with AVX2 and FMA but not all of AVX-512, Haswell")
    func fallbackOnAVX2() {
        #expect(Self.decide("Prescott", cpu: Self.avx2) == .use(core: "Haswell", replacing: "Prescott"))
        #expect(Self.decide("Nehalem", cpu: Self.avx512FOnly) == .use(core: "Haswell", replacing: "Nehalem"))
    }

    @Test("OPENBLAS_CORETYPE set, even empty, is the user's choice and is never overridden")
    func variableSet() {
        #expect(Self.decide("Prescott", variable: "") == .keep(.variableSet("")))
        #expect(Self.decide("Prescott", variable: "Prescott") == .keep(.variableSet("Prescott")))
        #expect(Self.decide("Haswell", variable: "Haswell") == .keep(.variableSet("Haswell")))
    }

    @Test("RIDGELASSO_KERNELS=detected turns the choice off; auto leaves it on")
    func selection() {
        #expect(Self.decide("Prescott", selection: "detected") == .keep(.disabled))
        #expect(Self.decide("Prescott", selection: "Detected") == .keep(.disabled))
        #expect(Self.decide("Prescott", selection: "auto") == .use(core: "SkylakeX", replacing: "Prescott"))
    }

    @Test("a real detection is kept, whatever the CPU", arguments: [
        "Haswell", "Zen", "SkylakeX", "Cooperlake", "SapphireRapids", "Excavator",
    ])
    func detected(_ core: String) {
        #expect(Self.decide(core) == .keep(.detected(core)))
    }

    @Test("nothing better to run: an SSE-only CPU keeps Prescott")
    func noBetter() {
        #expect(Self.decide("Prescott", cpu: Self.old) == .keep(.noBetterKernels("Prescott")))
        #expect(OpenBLASKernelChoice.bestCore(for: Self.old) == nil)
    }

    @Test("not OpenBLAS, or kernels fixed at build time: nothing can be switched")
    func notSwitchable() {
        #expect(Self.decide(nil) == .keep(.notSwitchable))
        #expect(Self.decide("Prescott", dynamic: false) == .keep(.notSwitchable))
    }

    @Test("releases older than 0.3.21, or of unknown version, are left alone")
    func versions() {
        #expect(Self.decide("Prescott", version: "0.3.20") == .keep(.versionUnknownOrOld))
        #expect(Self.decide("Prescott", version: "0.2.20") == .keep(.versionUnknownOrOld))
        #expect(Self.decide("Prescott", version: nil) == .keep(.versionUnknownOrOld))
        #expect(Self.decide("Prescott", version: "garbage") == .keep(.versionUnknownOrOld))
        #expect(Self.decide("Prescott", version: "0.3.21.dev") == .use(core: "SkylakeX", replacing: "Prescott"))
        #expect(Self.decide("Prescott", version: "0.4.0") == .use(core: "SkylakeX", replacing: "Prescott"))
        #expect(Self.decide("Prescott", version: "1.0.0") == .use(core: "SkylakeX", replacing: "Prescott"))
    }

    @Test("version strings parse to three numbers or not at all")
    func parseVersion() {
        #expect(OpenBLASKernelChoice.parseVersion("0.3.21") == [0, 3, 21])
        #expect(OpenBLASKernelChoice.parseVersion("0.3.26.dev") == [0, 3, 26])
        #expect(OpenBLASKernelChoice.parseVersion("0.3") == nil)
        #expect(OpenBLASKernelChoice.parseVersion("a.b.c") == nil)
    }
}

@Suite("CPUFeatures")
struct CPUFeaturesTests {
    @Test("the first processor's vendor, model and flags are read from /proc/cpuinfo text")
    func parse() {
        let text = """
        processor\t: 0
        vendor_id\t: GenuineIntel
        model name\t: Intel(R) Xeon(R) Platinum 8488C
        flags\t\t: fpu sse2 avx avx2 fma avx512f avx512dq avx512cd avx512bw avx512vl avx512_fp16

        processor\t: 1
        vendor_id\t: SomethingElse
        flags\t\t: fpu sse2
        """
        let cpu = CPUFeatures(cpuinfo: text)
        #expect(cpu.vendor == "GenuineIntel")
        #expect(cpu.modelName == "Intel(R) Xeon(R) Platinum 8488C")
        #expect(cpu.hasAVX512 && cpu.hasAVX2FMA)
        #expect(cpu.vectorSummary == "AVX-512")
        #expect(CPUFeatures(cpuinfo: "flags : sse2 avx avx2 fma").vectorSummary == "AVX2+FMA")
        #expect(CPUFeatures(cpuinfo: "flags : sse2 avx avx2").hasAVX2FMA == false)
        #expect(CPUFeatures(cpuinfo: "").vectorSummary == "none known")
    }
}

@Suite("BLASLibrary")
struct BLASLibraryTests {
    @Test("the loaded BLAS answers consistently: OpenBLAS names its version, core and file")
    func current() throws {
        let library = BLASLibrary.current
        #expect(library.blasPath != nil)
        #expect(library.lapackPath != nil)
        #expect(library.report.hasPrefix("BLAS: "))
        if let core = library.openBLASCore {
            #expect(library.vendor == .openBLAS)
            #expect(OpenBLASKernelChoice.parseVersion(try #require(library.version)) != nil)
            #expect(library.openBLASConfig?.contains(core) == true)
            #expect(library.threads != nil)
            #expect(library.summary.contains("kernels \(core)"))
        } else {
            // The reference BLAS (make test-reference): nothing to choose.
            #expect(library.decision == .keep(.notSwitchable))
        }
    }

    /// The library as it would be on Debian 12 with a Xeon it does not know.
    static func fallback(variable: String? = nil, selection: String? = nil, version: String = "0.3.21") -> BLASLibrary {
        var library = BLASLibrary.current
        library.vendor = .openBLAS
        library.version = version
        library.openBLASConfig = "OpenBLAS \(version) NO_LAPACKE DYNAMIC_ARCH NO_AFFINITY Prescott MAX_THREADS=64"
        library.openBLASCore = "Prescott"
        library.cpu = OpenBLASKernelChoiceTests.xeon
        library.coreTypeVariable = variable
        library.selection = selection
        library.replacedCore = nil
        library.assumedDetectedCore = nil
        return library
    }

    @Test("the diagnosis names the slow kernels and the remedy that applies")
    func diagnosis() throws {
        let unset = try #require(Self.fallback().diagnosis)
        #expect(unset.contains("generic Prescott kernels on a CPU with AVX-512"))
        #expect(unset.contains("OPENBLAS_CORETYPE=SkylakeX"))
        #expect(unset.contains("reexecuteWithBetterKernelsIfNeeded"))
        let byHand = try #require(Self.fallback(variable: "Prescott").diagnosis)
        #expect(byHand.contains("as OPENBLAS_CORETYPE=Prescott asks"))
        let off = try #require(Self.fallback(selection: "detected").diagnosis)
        #expect(off.contains("RIDGELASSO_KERNELS=detected keeps them"))
        let old = try #require(Self.fallback(version: "0.3.20").diagnosis)
        #expect(old.contains("older than RidgeLasso switches safely"))
        var detected = Self.fallback()
        detected.openBLASCore = "SkylakeX"
        #expect(detected.diagnosis == nil)
        #expect(detected.kernels == "SkylakeX (as detected)")
    }

    @Test("a process started again says which core it replaced")
    func kernels() {
        var library = Self.fallback(variable: "SkylakeX")
        library.openBLASCore = "SkylakeX"
        library.replacedCore = "Prescott"
        #expect(library.kernels.hasPrefix("SkylakeX (chosen by RidgeLasso: OpenBLAS detected Prescott"))
        library.replacedCore = nil
        #expect(library.kernels == "SkylakeX (OPENBLAS_CORETYPE=SkylakeX)")
    }
}
