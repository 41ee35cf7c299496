import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One directory per test process for every file the CLI tests write, removed when the process
/// exits (so a test run leaves nothing in the temporary directory, however many tests it runs).
enum ScratchDirectory {
    static let root: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("CLITests-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(at: ScratchDirectory.root) }
        return url
    }()

    /// A fresh, empty directory under ``root``.
    static func make() throws -> URL {
        let url = root.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
