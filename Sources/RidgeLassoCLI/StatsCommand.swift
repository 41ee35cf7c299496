import ArgumentParser
import LinearAlgebra
import RidgeLasso
import RidgeLassoCSV

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
        which merges as nothing. With --output - the statistics go to standard output (binary; \
        refused on a terminal). With --folds K the file keeps one part per fold (row i of the \
        whole data, i = --first-row plus its index in this input, goes to fold \
        RowFold(i, --seed)), for cross-validation from one pass. Nothing else is printed on \
        standard output. The format is described in docs/rlstats.md.
        
        \(ExitStatus.text)
        """
    )

    @Argument(help: ArgumentHelp("CSV file, or - for standard input.", valueName: "file.csv"))
    var file: String

    @Option(help: ArgumentHelp("The response column (default: the last column).", valueName: "name"))
    var target: String?

    @Option(help: ArgumentHelp("Column of non-negative sample weights (not a feature).", valueName: "column"))
    var weights: String?

    @Option(help: ArgumentHelp("The statistics file to write, or - for standard output.", valueName: "S.rlstats"))
    var output: String

    @Option(help: ArgumentHelp(
        "Keep one set of statistics per fold, K ≥ 2; the fold of each row comes from a seeded hash of its global row index.",
        valueName: "K"))
    var folds: Int?

    @Option(help: ArgumentHelp("The seed of the fold hash (default 0).", valueName: "S"))
    var seed: UInt64?

    @Option(name: .customLong("first-row"), help: ArgumentHelp(
        "The global index of this input's first row, for shards of one data set (default 0).", valueName: "N"))
    var firstRow: Int = 0

    @Option(name: .customLong("block-bytes"), help: .hidden)
    var blockBytes: Int = 4 << 20

    mutating func validate() throws {
        guard blockBytes >= 1 else { throw ValidationError("--block-bytes must be ≥ 1 (got \(blockBytes))") }
        if let folds, folds < 2 || folds > 100_000 { throw ValidationError("--folds must lie in [2, 100000] (got \(folds))") }
        if folds == nil, seed != nil { throw ValidationError("--seed applies with --folds") }
        // Bounded far below Int.max so that adding the rows read can never overflow.
        guard firstRow >= 0, firstRow <= 1 << 53 else {
            throw ValidationError("--first-row must lie in [0, 2^53] (got \(firstRow))")
        }
    }

    func standardOutput() throws -> String {
        try StatisticsFiles.checkOutput(output)
        if file != "-", output != "-" { try OutputFile.checkDistinct(input: file, outputs: [("--output", output)]) }
        var stream = try CSVBlockStream(path: file, blockBytes: blockBytes)
        defer { stream.close() }
        let source = stream.source, names = stream.names
        let (targetIndex, weightIndex, featureIndices) = try Design.columnRoles(names, target: target, weights: weights, file: source)
        let columns = featureIndices + [targetIndex]
        var parts: [SufficientStatistics]
        do {
            let empty = try SufficientStatistics(featureNames: featureIndices.map { names[$0] },
                                                 targetNames: [names[targetIndex]], weighted: weightIndex != nil)
            parts = [SufficientStatistics](repeating: empty, count: folds ?? 1)
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
            do {
                if let folds {
                    let fold = (0..<table.rowCount).map {
                        RowFold.fold(ofRow: firstRow + rowsBefore + $0, seed: seed ?? 0, folds: folds)
                    }
                    for f in 0..<folds {
                        let rows = fold.indices.filter { fold[$0] == f }
                        try parts[f].add(rows: block.selectingRows(rows), weights: w.map { w in rows.map { w[$0] } })
                    }
                } else {
                    try parts[0].add(rows: block, weights: w)
                }
            } catch { throw CLIError.data("\(source): \(error)") }
            rowsBefore += table.rowCount
        }
        let provenance = StatisticsFile.Provenance(sources: [source])
        let file: StatisticsFile
        if folds != nil {
            do { file = try StatisticsFile(folds: parts, seed: seed ?? 0, provenance: provenance) } catch {
                throw CLIError.data("\(source): \(error)")
            }
        } else {
            file = StatisticsFile(parts[0], provenance: provenance)
        }
        try StatisticsFiles.write(file, to: output)
        return ""
    }
}
