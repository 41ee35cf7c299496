import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing
import _TestSupport

/// Output files and standard output under failure: an injected write, sync or rename failure, a
/// full device, a reader that closes the pipe, a closed descriptor, a signal in the middle of a
/// write. In every case the old output file survives byte for byte, no temporary is left, and the
/// user sees one error line (or, for a closed pipe, nothing) and a non-zero status.
@Suite struct OutputSafetyTests {
    static let orthogonal = Fixture.path("orthogonal.csv")
    static let diabetes = Datasets.diabetesPath

    /// How the child's standard output is set up.
    enum Output {
        case file(URL)
        case path(String)
        case closedPipe
    }

    /// Starts `ridgelasso arguments…` with `environment` added; standard error goes to a file.
    private static func start(_ arguments: [String], environment: [String: String] = [:], output: Output,
                              scratch: URL) throws -> (Process, URL) {
        let exe = try #require(CLIProcess.executable, "the ridgelasso executable was not built")
        let errURL = scratch.appendingPathComponent("stderr-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let process = Process()
        process.executableURL = exe
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.standardError = try FileHandle(forWritingTo: errURL)
        process.standardInput = FileHandle.nullDevice
        switch output {
        case .file(let url):
            _ = FileManager.default.createFile(atPath: url.path, contents: nil)
            process.standardOutput = try FileHandle(forWritingTo: url)
        case .path(let path):
            process.standardOutput = FileHandle(forWritingAtPath: path)
        case .closedPipe:
            let pipe = Pipe()
            process.standardOutput = pipe
            try process.run()
            try pipe.fileHandleForReading.close()   // the reader is gone before the child writes
            return (process, errURL)
        }
        try process.run()
        return (process, errURL)
    }

    private static func stderrLines(_ url: URL) throws -> [String] {
        String(decoding: try Data(contentsOf: url), as: UTF8.self).split(separator: "\n").map(String.init)
    }

    /// A scratch directory with `model.json` holding a valid model (mode 0640); returns its bytes.
    private static func directoryWithModel() throws -> (URL, String, Data) {
        let directory = try temporaryDirectory()
        let model = directory.appendingPathComponent("model.json").path
        let r = try CLIProcess.run(["fit", "--model", "ridge", "--alpha", "1", "--output", model, orthogonal])
        #expect(r.status == 0)
        #expect(chmod(model, 0o640) == 0)
        return (directory, model, try #require(FileManager.default.contents(atPath: model)))
    }

    private static func names(in directory: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { !$0.hasPrefix("stderr-") }.sorted()
    }

    @Test("an injected failure keeps the old model", arguments: ["write", "fsync", "rename"])
    func injectedFailure(fault: String) throws {
        let (directory, model, old) = try Self.directoryWithModel()
        let stdout = directory.appendingPathComponent("stdout-\(fault)")
        let (process, err) = try Self.start(
            ["fit", "--model", "lasso", "--alpha", "1", "--output", model, Self.diabetes],
            environment: ["RIDGELASSO_TEST_OUTPUT_FAULT": fault], output: .file(stdout), scratch: directory)
        process.waitUntilExit()
        #expect(process.terminationStatus == 1)
        let lines = try Self.stderrLines(err)
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix("ridgelasso: error: \(model): cannot write the model file: ") == true, "\(lines)")
        #expect(FileManager.default.contents(atPath: model) == old)
        var s = stat()
        #expect(stat(model, &s) == 0 && s.st_mode & 0o7777 == 0o640)
        #expect(try Self.names(in: directory) == ["model.json", "stdout-\(fault)"])
        #expect(try Data(contentsOf: stdout).isEmpty)
    }

    @Test func aPathUnderARegularFileIsOneLine() throws {
        let (directory, model, old) = try Self.directoryWithModel()
        let line = try CLIProcess.expectFailure(
            ["fit", "--model", "lasso", "--alpha", "1", "--output", model + "/x.json", Self.orthogonal], status: 1)
        #expect(line == "ridgelasso: error: \(model)/x.json: cannot write the model file: Not a directory")
        #expect(FileManager.default.contents(atPath: model) == old)
        #expect(try Self.names(in: directory) == ["model.json"])
    }

    @Test func aFullDeviceAsOutputIsOneLine() throws {
        guard FileManager.default.fileExists(atPath: "/dev/full") else { return }
        let line = try CLIProcess.expectFailure(
            ["path", "--model", "lasso", "--plot", "/dev/full", Self.orthogonal], status: 1)
        #expect(line == "ridgelasso: error: /dev/full: cannot write the plot file: No space left on device")
    }

    @Test func aFullStandardOutputIsStatusOneAndOneLine() throws {
        guard FileManager.default.fileExists(atPath: "/dev/full") else { return }
        let directory = try temporaryDirectory()
        for arguments in [["path", "--model", "lasso", Self.diabetes], ["--help"]] {
            let (process, err) = try Self.start(arguments, output: .path("/dev/full"), scratch: directory)
            process.waitUntilExit()
            #expect(process.terminationReason == .exit)
            #expect(process.terminationStatus == 1)
            #expect(try Self.stderrLines(err) == ["ridgelasso: error: cannot write standard output: No space left on device"])
        }
    }

    @Test func aClosedPipeEndsQuietly() throws {
        let directory = try temporaryDirectory()
        // 100 α × 10 coefficients: far more than one write, so the child meets the closed pipe.
        let (process, err) = try Self.start(["path", "--model", "lasso", Self.diabetes], output: .closedPipe,
                                            scratch: directory)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
        #expect(process.terminationStatus == SIGPIPE)
        #expect(try Data(contentsOf: err).isEmpty)   // no message, no crash report
    }

    @Test func aClosedStandardOutputIsStatusOneAndOneLine() throws {
        let exe = try #require(CLIProcess.executable)
        let directory = try temporaryDirectory()
        let model = directory.appendingPathComponent("m.json").path
        // The shell closes descriptor 1 before it starts the executable.
        let r = try CLIProcess.runShell("exec \"$0\" fit --model lasso --alpha 1 --output \"$1\" \"$2\" >&-",
                                        [exe.path, model, Self.orthogonal])
        #expect(r.status == 1)
        #expect(r.stderrLines == ["ridgelasso: error: cannot write standard output: Bad file descriptor"])
        // The model file was complete before standard output was tried, and holds only the model.
        let json = try jsonObject(String(decoding: try #require(FileManager.default.contents(atPath: model)), as: UTF8.self))
        #expect(json["model"] as? String == "lasso")
    }

    @Test("a signal while the output is written removes the temporary and keeps the old file",
          arguments: [SIGINT, SIGTERM])
    func signalDuringWrite(signal: Int32) throws {
        let (directory, model, old) = try Self.directoryWithModel()
        let stdout = directory.appendingPathComponent("stdout")
        let (process, err) = try Self.start(
            ["fit", "--model", "lasso", "--alpha", "1", "--output", model, Self.diabetes],
            environment: ["RIDGELASSO_TEST_OUTPUT_FAULT": "pause"], output: .file(stdout), scratch: directory)
        // Wait (up to 30 s) until the temporary file exists: the writer is then paused before the rename.
        var sawTemporary = false
        for _ in 0..<3000 {
            if try Self.names(in: directory).contains(where: { $0.hasPrefix(".model.json.tmp-") }) {
                sawTemporary = true
                break
            }
            usleep(10_000)
        }
        #expect(sawTemporary)
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
        #expect(process.terminationStatus == signal)
        #expect(try Self.stderrLines(err).isEmpty)
        #expect(FileManager.default.contents(atPath: model) == old)
        #expect(try Self.names(in: directory) == ["model.json", "stdout"])
    }
}

extension CLIProcess {
    /// Runs `/bin/sh -c script arguments…` (the script sees them as $0, $1 …) and waits for it.
    static func runShell(_ script: String, _ arguments: [String]) throws -> CLIResult {
        let scratch = try temporaryDirectory()
        let outURL = scratch.appendingPathComponent("stdout"), errURL = scratch.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", script] + arguments
        process.standardOutput = try FileHandle(forWritingTo: outURL)
        process.standardError = try FileHandle(forWritingTo: errURL)
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return CLIResult(status: process.terminationStatus,
                         stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
                         stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    }
}
