import Foundation

/// The processor's vendor, model and the instruction-set extensions that decide which BLAS
/// kernels it can run.
///
/// Read from the kernel's `/proc/cpuinfo` (Linux), whose `flags` line lists only what both the
/// processor and the operating system support (AVX-512 appears only when the kernel saves the
/// wider registers), which is exactly what a BLAS kernel may use. Elsewhere every feature is
/// absent, so no kernel choice is made on their account.
public struct CPUFeatures: Sendable, Equatable {
    /// `vendor_id`, e.g. "GenuineIntel" or "AuthenticAMD" ("" when unknown).
    public var vendor: String
    /// `model name`, e.g. "Intel(R) Xeon(R) Platinum 8488C" ("" when unknown).
    public var modelName: String
    /// The `flags` of the first processor, lower case (e.g. "avx2", "fma", "avx512f").
    public var flags: Set<String>

    /// Features as named by `flags`.
    public init(vendor: String = "", modelName: String = "", flags: Set<String>) {
        self.vendor = vendor
        self.modelName = modelName
        self.flags = Set(flags.map { $0.lowercased() })
    }

    /// Parses the text of `/proc/cpuinfo`: the first processor's `vendor_id`, `model name` and
    /// `flags` lines (other lines and later processors are ignored).
    public init(cpuinfo: String) {
        var vendor = "", model = "", flags: Set<String> = []
        var seen: Set<String> = []
        for line in cpuinfo.split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let key = line[..<colon].trimmingCharacters(in: .whitespaces)
            guard !seen.contains(key) else { continue }
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            switch key {
            case "vendor_id": vendor = value
            case "model name": model = value
            case "flags": flags = Set(value.split(separator: " ").map(String.init))
            default: continue
            }
            seen.insert(key)
        }
        self.init(vendor: vendor, modelName: model, flags: flags)
    }

    /// The features of the processor this process runs on (read once).
    public static let current: CPUFeatures = {
        guard let text = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8) else {
            return CPUFeatures(flags: [])
        }
        return CPUFeatures(cpuinfo: text)
    }()

    /// AVX2 and FMA3 together: what OpenBLAS's Haswell kernels need.
    public var hasAVX2FMA: Bool { flags.contains("avx2") && flags.contains("fma") }

    /// AVX-512 F, CD, BW, DQ and VL together: what OpenBLAS's SkylakeX kernels need.
    public var hasAVX512: Bool {
        ["avx512f", "avx512cd", "avx512bw", "avx512dq", "avx512vl"].allSatisfy(flags.contains)
    }

    /// The widest vector extension present, for reports: "AVX-512", "AVX2+FMA", "AVX", "SSE" or
    /// "none known".
    public var vectorSummary: String {
        if hasAVX512 { return "AVX-512" }
        if hasAVX2FMA { return "AVX2+FMA" }
        if flags.contains("avx") { return "AVX" }
        if flags.contains("sse2") { return "SSE" }
        return "none known"
    }
}
