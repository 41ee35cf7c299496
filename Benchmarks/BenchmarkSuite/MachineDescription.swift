import Foundation
import LinearAlgebra

/// The machine and BLAS a run measured, for the report.
public struct MachineDescription: Codable, Sendable {
    public var cpu: String
    public var cores: Int
    /// The library behind libblas.so.3 (Debian alternatives), e.g. ".../openblas-pthread/libblas.so.3".
    public var blas: String
    /// ``BLASLibrary/summary``: vendor, version, the kernels in use and who chose them, threads
    /// (absent in results written before it was recorded).
    public var blasKernels: String?
    /// OPENBLAS_CORETYPE / OPENBLAS_NUM_THREADS / OPENBLAS_L2_SIZE as set in the environment.
    public var blasEnvironment: String
    public var date: String

    public static func current() -> MachineDescription {
        let library = BLASLibrary.current
        let blas = library.blasPath.map { URL(fileURLWithPath: $0).resolvingSymlinksInPath().path } ?? "unknown"
        let env = ProcessInfo.processInfo.environment
        let blasEnvironment = ["OPENBLAS_CORETYPE", "OPENBLAS_NUM_THREADS", "OPENBLAS_L2_SIZE", "OMP_NUM_THREADS"]
            .compactMap { key in env[key].map { "\(key)=\($0)" } }.joined(separator: " ")
        let formatter = ISO8601DateFormatter()
        return MachineDescription(
            cpu: library.cpu.modelName.isEmpty ? "unknown" : library.cpu.modelName, cores: ProcessInfo.processInfo.activeProcessorCount, blas: blas,
            blasKernels: library.summary,
            blasEnvironment: blasEnvironment.isEmpty ? "(none)" : blasEnvironment,
            date: formatter.string(from: Date()))
    }
}
