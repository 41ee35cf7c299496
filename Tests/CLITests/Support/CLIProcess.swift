import Foundation
import Testing

/// The result of one run of the built `ridgelasso` executable.
struct CLIResult {
    let status: Int32
    let stdout: String
    let stderr: String
    /// Standard output as bytes, for binary output (`--output -`).
    var stdoutBytes = Data()

    /// The lines of standard error (without the final newline).
    var stderrLines: [Substring] { stderr.split(separator: "\n", omittingEmptySubsequences: false).dropLast() }
}

/// Runs the `ridgelasso` executable that `swift build` put next to the test bundle.
enum CLIProcess {
    /// The executable: in the build products directory, beside the test bundle (the directory of
    /// /proc/self/exe or of argv[0]), or `nil` when it was not built.
    static let executable: URL? = {
        var candidates: [URL] = []
        if let exe = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            candidates.append(URL(fileURLWithPath: exe).deletingLastPathComponent())
        }
        candidates.append(URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent())
        candidates.append(Bundle.main.bundleURL.deletingLastPathComponent())
        candidates.append(Bundle.main.bundleURL)
        for directory in candidates {
            var url = directory
            // Walk up out of a .xctest bundle (macOS layout) to the products directory.
            for _ in 0..<4 {
                let candidate = url.appendingPathComponent("ridgelasso")
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory),
                   !isDirectory.boolValue, FileManager.default.isExecutableFile(atPath: candidate.path) {
                    return candidate
                }
                url = url.deletingLastPathComponent()
            }
        }
        return nil
    }()

    /// Runs `ridgelasso arguments…` in `directory` and waits for it; `environment` replaces
    /// the inherited environment when given; `stdin` is read as standard input (default: none).
    static func run(
        _ arguments: [String], in directory: URL? = nil, environment: [String: String]? = nil, stdin: URL? = nil
    ) throws -> CLIResult {
        let exe = try #require(executable, "the ridgelasso executable was not found next to the test bundle")
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outURL = scratch.appendingPathComponent("stdout"), errURL = scratch.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        let process = Process()
        process.executableURL = exe
        process.arguments = arguments
        process.standardOutput = out
        process.standardError = err
        process.standardInput = try stdin.map { try FileHandle(forReadingFrom: $0) } ?? FileHandle.nullDevice
        if let directory { process.currentDirectoryURL = directory }
        if let environment { process.environment = environment }
        try process.run()
        process.waitUntilExit()
        try out.close()
        try err.close()
        let output = try Data(contentsOf: outURL)
        return CLIResult(
            status: process.terminationStatus,
            stdout: String(decoding: output, as: UTF8.self),
            stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self),
            stdoutBytes: output
        )
    }
}

/// Paths of the committed fixture files.
enum Fixture {
    static let directory: URL = {
        Bundle.module.url(forResource: "Fixtures", withExtension: nil)
            ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent("Fixtures")
    }()

    /// The path of fixture `name` (e.g. `"orthogonal.csv"`, `"bad/nan.csv"`).
    static func path(_ name: String) -> String { directory.appendingPathComponent(name).path }
}

/// A fresh temporary directory for files a test writes (removed with ``ScratchDirectory/root``
/// when the test process exits).
func temporaryDirectory() throws -> URL { try ScratchDirectory.make() }

/// Parses one JSON object from the CLI's standard output, numbers exactly (see ``ExactJSON``).
func jsonObject(_ text: String) throws -> [String: Any] {
    let value = try ExactJSON.parse(text)
    return try #require(value as? [String: Any], "not a JSON object: \(text)")
}

/// The keys of a JSON object, in the order written (for field-order checks); top level only.
func topLevelKeys(_ text: String) -> [String] {
    var keys: [String] = []
    var depth = 0
    var i = text.startIndex
    var inString = false
    var current = ""
    var expectingKey = false
    while i < text.endIndex {
        let c = text[i]
        if inString {
            if c == "\\" { current.append(c); i = text.index(after: i); if i < text.endIndex { current.append(text[i]) } }
            else if c == "\"" { inString = false; if expectingKey && depth == 1 { keys.append(current) } }
            else { current.append(c) }
        } else {
            switch c {
            case "{", "[": depth += 1; expectingKey = c == "{" && depth == 1
            case "}", "]": depth -= 1; expectingKey = false
            case ",": expectingKey = depth == 1
            case ":": expectingKey = false
            case "\"": inString = true; current = ""
            default: break
            }
        }
        i = text.index(after: i)
    }
    return keys
}

extension CLIProcess {
    /// Runs `ridgelasso` with `arguments` and checks the bad-input contract: exit `status`,
    /// nothing on standard output, exactly one newline-terminated line on standard error.
    /// Returns that line.
    static func expectFailure(_ arguments: [String], status: Int32) throws -> String {
        let r = try run(arguments)
        #expect(r.status == status, "\(arguments): status \(r.status), stderr \(r.stderr)")
        #expect(r.stdout.isEmpty, "\(arguments): stdout \(r.stdout)")
        #expect(r.stderr.hasSuffix("\n"))
        #expect(r.stderrLines.count == 1, "\(arguments): stderr \(r.stderr)")
        return String(r.stderrLines.first ?? "")
    }
}
