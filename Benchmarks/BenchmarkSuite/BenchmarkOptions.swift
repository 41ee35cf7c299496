/// The command line of `ridgelasso-benchmark`, parsed by hand (the benchmark has no
/// dependencies beyond the package).
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

    public init() {}

    public static let usage = """
    usage: ridgelasso-benchmark [--quick] [--data FILE.csv] [--output DIR] [--budget SECONDS]
                                [--repeats N] [--ridge-alpha A] [--lasso-alpha A]
                                [--lasso-tolerance T] [--task NAME]... [--help]

      --quick            smaller problems and budgets (under a minute)
      --data FILE.csv    your own data instead of the built-in problems: a header row, numeric
                         columns, the last column is the target; features are standardized
      --output DIR       also write DIR/results.json and SVG plots into DIR
      --budget SECONDS   wall-clock budget of each gradient method (default 15, quick 1.5)
      --repeats N        timings of each exact solver; the median is reported (default 5, quick 3)
      --ridge-alpha A    ridge α for --data (default 1e-3·σ₁(X)²)
      --lasso-alpha A    lasso α for --data (default 0.05·α_max)
      --lasso-tolerance T
                         stopping tolerance of RidgeLasso's timed fits in lasso-compare
                         (default 1e-6, the library's; the reference solves stay at 1e-12)
      --task NAME        what to run, repeatable (default: gradient):
                           gradient       exact ridge and coordinate descent vs gradient methods
                           ridge-solvers  every ridge solver's time; Gram GFLOP/s vs dgemm
                           lasso-compare  data + RidgeLasso results for compare/lasso_compare.py
                                          (needs --output DIR)
                           selection      RidgeCV and LassoCV timings
                           csv-read       CSV reader throughput vs raw reading
                           serve          time one solve per request line on stdin, for the
                                          interleaved scripts in compare/ (see TimingServer)
    """

    /// An unknown option or a bad value, with a one-line message.
    public struct ParseError: Error, Equatable, CustomStringConvertible {
        public let message: String
        public var description: String { message }
    }

    /// Parses the arguments after the program name.
    public static func parse(_ arguments: [String]) throws(ParseError) -> BenchmarkOptions {
        var options = BenchmarkOptions()
        var explicitTasks = false
        var i = 0
        func value(_ name: String) throws(ParseError) -> String {
            i += 1
            guard i < arguments.count else { throw ParseError(message: "\(name) needs a value") }
            return arguments[i]
        }
        func positive(_ name: String) throws(ParseError) -> Double {
            let text = try value(name)
            guard let v = Double(text), v.isFinite, v > 0 else {
                throw ParseError(message: "\(name) needs a positive number, got '\(text)'")
            }
            return v
        }
        while i < arguments.count {
            let argument = arguments[i]
            switch argument {
            case "--quick": options.scale = .quick
            case "--tiny": options.scale = .tiny
            case "--data": options.dataFile = try value(argument)
            case "--output": options.outputDirectory = try value(argument)
            case "--budget": options.budgetSeconds = try positive(argument)
            case "--repeats":
                let text = try value(argument)
                guard let k = Int(text), k >= 1 else { throw ParseError(message: "--repeats needs an integer ≥ 1, got '\(text)'") }
                options.repeats = k
            case "--ridge-alpha": options.ridgeAlpha = try positive(argument)
            case "--lasso-alpha": options.lassoAlpha = try positive(argument)
            case "--lasso-tolerance": options.lassoTolerance = try positive(argument)
            case "--task":
                let text = try value(argument)
                guard let task = BenchmarkTask(rawValue: text) else {
                    let names = BenchmarkTask.allCases.map(\.rawValue).joined(separator: ", ")
                    throw ParseError(message: "unknown task '\(text)' (one of: \(names))")
                }
                if !explicitTasks { options.tasks = []; explicitTasks = true }
                if !options.tasks.contains(task) { options.tasks.append(task) }
            case "--help", "-h": options.help = true
            default: throw ParseError(message: "unknown option '\(argument)' (see --help)")
            }
            i += 1
        }
        return options
    }
}
