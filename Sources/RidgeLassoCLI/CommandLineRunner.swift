import ArgumentParser
import Foundation
import LinearAlgebra
import RidgeLasso

/// A subcommand that computes its whole standard output before anything is printed, so that an
/// error never leaves partial output behind.
protocol OutputProducingCommand: ParsableCommand {
    /// The complete text for standard output. Files the command writes (`--output`, `--plot`)
    /// are written inside, before it returns.
    func standardOutput() throws -> String
}

extension OutputProducingCommand {
    mutating func run() throws {
        try StandardStreams.writeOutput(try standardOutput())
    }
}

/// Parses the arguments, runs the subcommand and turns every failure into exactly one line on
/// standard error and a non-zero exit status (never a usage dump, a stack trace or partial output).
///
/// swift-argument-parser's own `main()` prints the usage after an error; this runner calls
/// `parseAsRoot` itself and prints only `message(for:)`.
enum CommandLineRunner {
    /// Runs `ridgelasso` with `arguments` (without the program name); returns the exit status.
    static func run(_ arguments: [String]) -> Int32 {
        do {
            // Handled here rather than through the configuration's `version:`, which would build
            // the BLAS report (a read of /proc/cpuinfo) on every run just to have it ready.
            if arguments == ["--version"] {
                try StandardStreams.writeOutput(VersionText.text + "\n")
                return 0
            }
            var command = try RidgeLassoCommand.parseAsRoot(arguments)
            if let producing = command as? any OutputProducingCommand {
                let text = try producing.standardOutput()
                try StandardStreams.writeOutput(text)
            } else {
                try command.run()
            }
            Notes.flush()
            return 0
        } catch {
            return report(error)
        }
    }

    /// Prints the one-line message (or the help text for `--help`) and returns the exit status.
    static func report(_ error: any Error) -> Int32 {
        let message: String
        let status: Int32
        switch error {
        case let e as CLIError:
            message = e.description
            status = e.exitStatus
        case let e as any RidgeLassoError:
            // The library's own message: its errorDescription is the single source of the text.
            message = e.errorDescription ?? e.description
            status = CLIError.dataStatus
        default:
            let code = RidgeLassoCommand.exitCode(for: error)
            if code == .success {
                // --help, -h, --version, help SUBCOMMAND: the full help on standard output.
                let text = RidgeLassoCommand.fullMessage(for: error)
                do {
                    try StandardStreams.writeOutput(text.hasSuffix("\n") ? text : text + "\n")
                } catch {
                    return report(error)
                }
                return 0
            }
            message = RidgeLassoCommand.message(for: error)
            status = CLIError.usageStatus
        }
        writeError(message)
        return status
    }

    /// Writes `ridgelasso: error: MESSAGE` as exactly one line on standard error.
    static func writeError(_ message: String) {
        let line = oneLine(message)
        StandardStreams.writeError("ridgelasso: error: \(line)\n")
    }

    /// `text` with line breaks folded into "; " and surrounding white space trimmed.
    static func oneLine(_ text: String) -> String {
        let parts = text.split(whereSeparator: { $0 == "\n" || $0 == "\r" })
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        var line = parts.joined(separator: "; ")
        if line.hasPrefix("Error: ") { line.removeFirst("Error: ".count) }
        return line.isEmpty ? "unknown error" : line
    }
}
