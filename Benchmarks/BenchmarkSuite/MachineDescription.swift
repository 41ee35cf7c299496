import Foundation

/// The machine and BLAS a run measured, for the report.
public struct MachineDescription: Codable, Sendable {
    public var cpu: String
    public var cores: Int
    /// The library behind libblas.so.3 (Debian alternatives), e.g. ".../openblas-pthread/libblas.so.3".
    public var blas: String
    /// OPENBLAS_CORETYPE / OPENBLAS_NUM_THREADS / OPENBLAS_L2_SIZE as set in the environment.
    public var blasEnvironment: String
    public var date: String

    public static func current() -> MachineDescription {
        let cpuinfo = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        let model = cpuinfo.split(separator: "\n").first { $0.hasPrefix("model name") }
            .map { String($0.split(separator: ":", maxSplits: 1).last ?? "").trimmingCharacters(in: .whitespaces) }
        var blas = "unknown"
        for candidate in ["/usr/lib/x86_64-linux-gnu/libblas.so.3", "/usr/lib/aarch64-linux-gnu/libblas.so.3"] {
            if FileManager.default.fileExists(atPath: candidate) {
                blas = URL(fileURLWithPath: candidate).resolvingSymlinksInPath().path
                break
            }
        }
        let env = ProcessInfo.processInfo.environment
        let blasEnvironment = ["OPENBLAS_CORETYPE", "OPENBLAS_NUM_THREADS", "OPENBLAS_L2_SIZE", "OMP_NUM_THREADS"]
            .compactMap { key in env[key].map { "\(key)=\($0)" } }.joined(separator: " ")
        let formatter = ISO8601DateFormatter()
        return MachineDescription(
            cpu: model ?? "unknown", cores: ProcessInfo.processInfo.activeProcessorCount, blas: blas,
            blasEnvironment: blasEnvironment.isEmpty ? "(none)" : blasEnvironment,
            date: formatter.string(from: Date()))
    }
}
