import Foundation
import RidgeLassoPlots

/// Runs a whole benchmark: the built-in problems (or the user's CSV), the weight-decay
/// experiment, then the table, JSON and plots.
public struct BenchmarkRunner: Sendable {
    public let options: BenchmarkOptions
    public var progress: @Sendable (String) -> Void

    public init(options: BenchmarkOptions, progress: @escaping @Sendable (String) -> Void = { _ in }) {
        self.options = options
        self.progress = progress
    }

    /// The problems of this run, in order (generated on demand, one at a time, to bound memory).
    public func problemMakers() -> [(name: String, make: @Sendable () throws -> [BenchmarkProblem])] {
        let scale = options.scale
        if let file = options.dataFile {
            let ridgeAlpha = options.ridgeAlpha, lassoAlpha = options.lassoAlpha
            return [(file, {
                let data = try CSVDataset(contentsOfFile: file)
                let name = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
                return try data.problems(name: name, ridgeAlpha: ridgeAlpha, lassoAlpha: lassoAlpha)
            })]
        }
        var makers: [(name: String, make: @Sendable () throws -> [BenchmarkProblem])] = []
        for (k, shape) in scale.ridgeShapes.enumerated() {
            for decaying in [false, true] {
                let seed = UInt64(100 + 10 * k + (decaying ? 1 : 0))
                makers.append(("ridge \(shape.n)×\(shape.p) \(decaying ? "decaying" : "gaussian")", {
                    [try SyntheticProblems.ridge(n: shape.n, p: shape.p, decaying: decaying, seed: seed)]
                }))
            }
        }
        for (k, shape) in scale.lassoShapes.enumerated() {
            makers.append(("lasso \(shape.n)×\(shape.p)", { [try SyntheticProblems.lasso(n: shape.n, p: shape.p, seed: UInt64(200 + k))] }))
        }
        makers.append(("diabetes", { try CSVDataset.diabetes().problems(name: "diabetes") }))
        return makers
    }

    /// Runs everything and returns the results (nothing printed but progress).
    public func run() throws -> BenchmarkResults {
        let settings = BenchmarkSettings(
            budgetSeconds: options.budgetSeconds ?? options.scale.budgetSeconds,
            repeats: options.repeats ?? options.scale.repeats, progress: progress)
        var problems: [ProblemResult] = []
        for maker in problemMakers() {
            progress("generating \(maker.name)")
            let (seconds, made) = try Timing.measure { try maker.make() }
            progress("generated \(maker.name) in \(Format.seconds(seconds))")
            for problem in made {
                switch problem.kind {
                case .ridge: problems.append(try RidgeBenchmark(problem: problem, settings: settings).run())
                case .lasso: problems.append(try LassoBenchmark(problem: problem, settings: settings).run())
                }
            }
        }
        var weightDecay: WeightDecayResult?
        if options.dataFile == nil {
            let shape = options.scale.weightDecayShape
            var experiment = WeightDecayExperiment(n: shape.n, p: shape.p, epochs: shape.epochs)
            experiment.progress = progress
            weightDecay = try experiment.run()
        }
        return BenchmarkResults(
            machine: .current(), scale: options.scale, budgetSeconds: settings.budgetSeconds,
            repeats: settings.repeats, problems: problems, weightDecay: weightDecay)
    }

    /// Makes SIGINT, SIGTERM and SIGHUP remove any temporary file the benchmark has open (an
    /// output being replaced atomically, the CSV timing's scratch file) before the process ends.
    /// Call once from the executable's main.
    public static func removeTemporariesOnSignal() {
        TemporaryFiles.installSignalCleanup()
    }

    /// Writes `results.json` and the SVG plots into `directory` (created if needed); returns the
    /// file names written.
    @discardableResult
    public static func write(_ results: BenchmarkResults, to directory: String) throws -> [String] {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        var written = ["results.json"]
        try AtomicFile.write([UInt8](encoder.encode(results)),
                             to: URL(fileURLWithPath: directory).appendingPathComponent("results.json").path)
        for (file, chart) in ReportPlots.charts(for: results) {
            try chart.write(toFile: URL(fileURLWithPath: directory).appendingPathComponent(file).path)
            written.append(file)
        }
        return written
    }
}
