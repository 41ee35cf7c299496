import ArgumentParser
import LinearAlgebra
import RidgeLasso

/// `ridgelasso stats`: one streaming pass over a CSV file or standard input, written as
/// mergeable sufficient statistics (`.rlstats`).
struct StatsCommand: OutputProducingCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Stream a CSV file (or - for standard input) into mergeable sufficient statistics.",
        discussion: """
        Reads the rows in blocks, in memory independent of their number, and writes the weighted \
        means and centered co-moments of the features and the target (and the count, total \
        weight, minimum and maximum of each column) to --output. Parts written from different \
        pieces of the data merge exactly with `ridgelasso merge`; `ridgelasso fit --model ridge \
        --stats FILE` fits from them. An input with a header and no rows gives an empty part, \
        which merges as nothing. Nothing is printed on standard output. The format is described \
        in docs/rlstats.md.
        
        \(ExitStatus.text)
        """
    )

    @Argument(help: ArgumentHelp("CSV file, or - for standard input.", valueName: "file.csv"))
    var file: String

    @Option(help: ArgumentHelp("The response column (default: the last column).", valueName: "name"))
    var target: String?

    @Option(help: ArgumentHelp("Column of non-negative sample weights (not a feature).", valueName: "column"))
    var weights: String?

    @Option(help: ArgumentHelp("The statistics file to write.", valueName: "S.rlstats"))
    var output: String

    @Option(name: .customLong("block-bytes"), help: .hidden)
    var blockBytes: Int = 4 << 20

    mutating func validate() throws {
        guard blockBytes >= 1 else { throw ValidationError("--block-bytes must be ≥ 1 (got \(blockBytes))") }
    }

    func standardOutput() throws -> String {
        if file != "-" { try OutputFile.checkDistinct(input: file, outputs: [("--output", output)]) }
        var stream = try CSVBlockStream(path: file, blockBytes: blockBytes)
        defer { stream.close() }
        let source = stream.source, names = stream.names
        let targetIndex: Int
        if let target {
            guard let index = names.firstIndex(of: target) else {
                throw CLIError.data("\(source): no column named \(quoted(target)) for --target (columns: \(list(names)))")
            }
            targetIndex = index
        } else {
            targetIndex = names.count - 1
        }
        var weightIndex: Int?
        if let weights {
            guard let index = names.firstIndex(of: weights) else {
                throw CLIError.data("\(source): no column named \(quoted(weights)) for --weights (columns: \(list(names)))")
            }
            guard index != targetIndex else {
                throw CLIError.data("\(source): column \(quoted(weights)) cannot be both the target and the weights")
            }
            weightIndex = index
        }
        let featureIndices = (0..<names.count).filter { $0 != targetIndex && $0 != weightIndex }
        guard !featureIndices.isEmpty else {
            throw CLIError.data("\(source): no feature columns (the file has only \(list(names)))")
        }
        let columns = featureIndices + [targetIndex]
        var statistics: SufficientStatistics
        do {
            statistics = try SufficientStatistics(featureNames: featureIndices.map { names[$0] },
                                                  targetNames: [names[targetIndex]], weighted: weightIndex != nil)
        } catch { throw CLIError.data("\(source): \(error)") }
        var rowsBefore = 0
        while let table = try stream.next() {
            let block = table.values.selectingColumns(columns)
            var w: [Double]?
            if let weightIndex {
                let column = table.values.column(weightIndex)
                if let i = column.firstIndex(where: { $0 < 0 }) {
                    throw CLIError.data("\(source): line \(stream.headerLines + rowsBefore + i + 1) (row \(rowsBefore + i + 1)), column \(weightIndex + 1) "
                        + "\(quoted(names[weightIndex])): negative weight \(column[i])")
                }
                w = column
            }
            do { try statistics.add(rows: block, weights: w) } catch { throw CLIError.data("\(source): \(error)") }
            rowsBefore += table.rowCount
        }
        let provenance = StatisticsFile.Provenance(sources: [source])
        try StatisticsFiles.write(StatisticsFile(statistics, provenance: provenance), to: output)
        return ""
    }
}
