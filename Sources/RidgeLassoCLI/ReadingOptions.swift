import ArgumentParser
import RidgeLassoCSV

/// How every command that reads a CSV file reads it: the delimiter, the decimal mark and what a
/// missing value does (see ``CSVReadOptions`` for the rules).
struct ReadingOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "Field separator: ',', ';' or 'tab' (default: detected from the header line).", valueName: "sep"))
    var delimiter: CSVReadOptions.Delimiter?

    @Option(help: ArgumentHelp(
        "Decimal mark: '.' or ',' (default: '.', and also ',' when the separator is ';' or tab).", valueName: "mark"))
    var decimal: CSVReadOptions.DecimalMark?

    @Option(help: ArgumentHelp(
        "Missing values (empty, NA, NaN, null): 'error' names the first, 'omit' leaves their rows out.",
        valueName: "policy"))
    var na: CSVReadOptions.MissingValues = .error

    func validate() throws {
        if decimal == .comma, delimiter == .comma {
            throw ValidationError("--decimal , needs another separator than the comma (--delimiter ';' or tab)")
        }
    }

    /// The reader's options.
    var csvOptions: CSVReadOptions { CSVReadOptions(delimiter: delimiter, decimalMark: decimal, missingValues: na) }
}

extension CSVReadOptions.Delimiter: ExpressibleByArgument {
    /// `,` or `comma`, `;` or `semicolon`, `tab` (or a tab character, or `\t`).
    public init?(argument: String) {
        switch argument {
        case ",", "comma": self = .comma
        case ";", "semicolon": self = .semicolon
        case "tab", "\t", "\\t": self = .tab
        default: return nil
        }
    }

    /// None: the option's help names the spellings in words (a list `,, ;, tab` reads badly).
    public static var allValueStrings: [String] { [] }
}

extension CSVReadOptions.DecimalMark: ExpressibleByArgument {
    /// None: the option's help names the marks in words (a list `., ,` reads badly).
    public static var allValueStrings: [String] { [] }
}
extension CSVReadOptions.MissingValues: ExpressibleByArgument {}

/// Notes for standard error (such as which column is the target), printed once the command has
/// succeeded, so that a failing command still prints exactly one line there.
enum Notes {
    nonisolated(unsafe) private static var pending: [String] = []

    /// Queues `text` for `ridgelasso: note: TEXT`.
    static func add(_ text: String) { pending.append(text) }

    /// Prints the queued notes (each on one line) and forgets them.
    static func flush() {
        for text in pending { StandardStreams.writeError("ridgelasso: note: \(CommandLineRunner.oneLine(text))\n") }
        pending.removeAll()
    }
}
