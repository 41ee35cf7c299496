import ArgumentParser

/// The command line of `ridgelasso-benchmark`, parsed by swift-argument-parser
/// (``BenchmarkCommandLine``) and checked here so every error is one line naming the option.
public struct BenchmarkOptions: Sendable, Equatable {
    /// Smaller problems and budgets: the whole run in under a minute.
    public var scale: BenchmarkScale = .full
    /// A CSV file to run instead of the built-in problems (header row; last column is y).
    public var dataFile: String?
    /// Where to write `results.json` and the SVG plots (nothing is written without it).
    public var outputDirectory: String?
    /// Overrides the wall-clock budget of each gradient method, in seconds.
    public var budgetSeconds: Double?
    /// Overrides how many times each exact solver is timed (the median is reported).
    public var repeats: Int?
    /// Ridge α for `--data` (default 10⁻³·σ₁(X)²).
    public var ridgeAlpha: Double?
    /// Lasso α for `--data` (default 0.05·α_max).
    public var lassoAlpha: Double?
    /// Stopping tolerance of RidgeLasso's timed fits in `lasso-compare` (default: the library's,
    /// 1e-6); the reference solves stay at 1e-12.
    public var lassoTolerance: Double?
    /// What to run (`--task NAME`, repeatable; default: the gradient benchmark alone).
    public var tasks: [BenchmarkTask] = [.gradient]
    /// Print the usage and exit.
    public var help = false

    /// The defaults: the full gradient benchmark, nothing written.
    public init() {}

    /// The usage text printed by `--help`.
    public static let usage = BenchmarkCommandLine.helpMessage(columns: 100)

    /// An unknown option or a bad value, with a one-line message.
    public struct ParseError: Error, Equatable, CustomStringConvertible {
        /// The message, naming the option and the value.
        public let message: String
        public var description: String { message }
    }

    /// Parses the arguments after the program name.
    public static func parse(_ arguments: [String]) throws(ParseError) -> BenchmarkOptions {
        let line: BenchmarkCommandLine
        do {
            line = try BenchmarkCommandLine.parse(arguments)
        } catch {
            if BenchmarkCommandLine.exitCode(for: error) == .success {
                var options = BenchmarkOptions()
                options.help = true
                return options
            }
            throw ParseError(message: oneLine(BenchmarkCommandLine.message(for: error)))
        }
        return try line.options()
    }

    /// The parser's message in this tool's words: "unknown option '--x' (see --help)",
    /// "--data needs a value"; any other message unchanged, on one line.
    static func oneLine(_ message: String) -> String {
        let first = String(message.split(separator: "\n").first ?? "")
        if let name = quoted(first, after: "Unknown option ") { return "unknown option '\(name)' (see --help)" }
        if let name = quoted(first, after: "Missing value for ") {
            return "\(name.split(separator: " ").first.map(String.init) ?? name) needs a value"
        }
        return first
    }

    /// The text between the quotes that follow `prefix`, when `line` starts with it.
    private static func quoted(_ line: String, after prefix: String) -> String? {
        guard line.hasPrefix(prefix) else { return nil }
        let rest = line.dropFirst(prefix.count)
        guard rest.first == "'", let end = rest.dropFirst().firstIndex(of: "'") else { return nil }
        return String(rest[rest.index(after: rest.startIndex)..<end])
    }
}

/// The options as swift-argument-parser reads them; values are taken unconditionally (so a
/// negative number reaches the check that names it) and converted in ``options()``.
struct BenchmarkCommandLine: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "ridgelasso-benchmark")

    @Flag(help: "Smaller problems and budgets (under a minute).")
    var quick = false

    @Flag(help: .hidden)
    var tiny = false

    @Option(name: .customLong("data"), parsing: .unconditional,
            help: ArgumentHelp("Your own data instead of the built-in problems: a header row, numeric columns, the last column is the target; features are standardized.", valueName: "FILE.csv"))
    var dataFile: String?

    @Option(name: .customLong("output"), parsing: .unconditional,
            help: ArgumentHelp("Also write DIR/results.json and SVG plots into DIR.", valueName: "DIR"))
    var outputDirectory: String?

    @Option(parsing: .unconditional,
            help: ArgumentHelp("Wall-clock budget of each gradient method (default 15, quick 1.5).", valueName: "SECONDS"))
    var budget: String?

    @Option(parsing: .unconditional,
            help: ArgumentHelp("Timings of each exact solver; the median is reported (default 5, quick 3).", valueName: "N"))
    var repeats: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("Ridge α for --data (default 1e-3·σ₁(X)²).", valueName: "A"))
    var ridgeAlpha: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("Lasso α for --data (default 0.05·α_max).", valueName: "A"))
    var lassoAlpha: String?

    @Option(parsing: .unconditional,
            help: ArgumentHelp("Stopping tolerance of RidgeLasso's timed fits in lasso-compare (default 1e-6, the library's; the reference solves stay at 1e-12).", valueName: "T"))
    var lassoTolerance: String?

    @Option(name: .customLong("task"), parsing: .unconditionalSingleValue,
            help: ArgumentHelp("What to run, repeatable (default: gradient). " + BenchmarkTask.allCases.map { "\($0.rawValue): \($0.summary)." }.joined(separator: " "),
                               valueName: "NAME"))
    var taskNames: [String] = []

    /// The checked options.
    func options() throws(BenchmarkOptions.ParseError) -> BenchmarkOptions {
        var options = BenchmarkOptions()
        if quick { options.scale = .quick }
        if tiny { options.scale = .tiny }
        options.dataFile = dataFile
        options.outputDirectory = outputDirectory
        options.budgetSeconds = try Self.positive("--budget", budget)
        if let text = repeats {
            guard let k = Int(text), k >= 1 else {
                throw .init(message: "--repeats needs an integer ≥ 1, got '\(text)'")
            }
            options.repeats = k
        }
        options.ridgeAlpha = try Self.positive("--ridge-alpha", ridgeAlpha)
        options.lassoAlpha = try Self.positive("--lasso-alpha", lassoAlpha)
        options.lassoTolerance = try Self.positive("--lasso-tolerance", lassoTolerance)
        if !taskNames.isEmpty {
            options.tasks = []
            for text in taskNames {
                guard let task = BenchmarkTask(rawValue: text) else {
                    let names = BenchmarkTask.allCases.map(\.rawValue).joined(separator: ", ")
                    throw .init(message: "unknown task '\(text)' (one of: \(names))")
                }
                if !options.tasks.contains(task) { options.tasks.append(task) }
            }
        }
        return options
    }

    /// A finite number > 0, or an error naming the option and the text.
    private static func positive(_ name: String, _ text: String?) throws(BenchmarkOptions.ParseError) -> Double? {
        guard let text else { return nil }
        guard let v = Double(text), v.isFinite, v > 0 else {
            throw .init(message: "\(name) needs a positive number, got '\(text)'")
        }
        return v
    }
}
