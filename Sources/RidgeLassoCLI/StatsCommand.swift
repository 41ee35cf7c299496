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
        pieces of the data merge exactly with `ridgelasso merge`; `ridgelasso fit|path|cv \
        --stats FILE` fits from them (ridge, lasso and elastic net). An input with a header and no rows gives an empty part, \
        which merges as nothing. With --output - the statistics go to standard output (binary; \
        refused on a terminal). With --folds K the file keeps one part per fold (row i of the \
        whole data, i = --first-row plus its index in this input, goes to fold \
        RowFold(i, --seed)), for cross-validation from one pass; with --fold-column COL the fold \
        of each row is read from that column instead (integer ids 0 … K−1, K from --folds or \
        else the largest id + 1, at most 100; the column is not a feature). Nothing else is printed on \
        standard output; --progress (automatic when standard error is a terminal) reports rows, \
        MB/s and the time elapsed on standard error. The format is described in docs/rlstats.md.
        
        \(ExitStatus.text)
        """
    )

    @Argument(help: ArgumentHelp("CSV file, or - for standard input.", valueName: "file.csv"))
    var file: String

    @Option(help: ArgumentHelp("The response column (default: the last column).", valueName: "name"))
    var target: String?

    @Option(help: ArgumentHelp("Column of non-negative sample weights (not a feature).", valueName: "column"))
    var weights: String?

    @OptionGroup var columns: ColumnSelection

    @OptionGroup var reading: ReadingOptions

    @Option(help: ArgumentHelp("The statistics file to write, or - for standard output.", valueName: "S.rlstats"))
    var output: String

    @Option(help: ArgumentHelp(
        "Keep one set of statistics per fold, K ≥ 2; the fold of each row comes from a seeded hash of its global row index.",
        valueName: "K"))
    var folds: Int?

    @Option(help: ArgumentHelp("The seed of the fold hash (default 0).", valueName: "S"))
    var seed: UInt64?

    @Option(name: .customLong("fold-column"), help: ArgumentHelp(
        "Read each row's fold from this column (integer ids 0 … K−1; not a feature) instead of the seeded hash.",
        valueName: "COL"))
    var foldColumn: String?

    @Flag(help: "Report rows, MB/s and the time elapsed on standard error (automatic when it is a terminal).")
    var progress = false

    @Option(name: .customLong("first-row"), help: ArgumentHelp(
        "The global index of this input's first row, for shards of one data set.", valueName: "N"))
    var firstRow: Int = 0

    @Option(name: .customLong("block-bytes"), help: .hidden)
    var blockBytes: Int = 4 << 20

    /// Reads and parses the input as `stats` does and computes nothing: the reader's own
    /// throughput in the same pipeline, the baseline of Benchmarks/stats-throughput. Writes nothing.
    @Flag(name: .customLong("parse-only"), help: .hidden)
    var parseOnly = false

    mutating func validate() throws {
        guard blockBytes >= 1 else { throw ValidationError("--block-bytes must be ≥ 1 (got \(blockBytes))") }
        if let folds, folds < 2 || folds > 100_000 { throw ValidationError("--folds must lie in [2, 100000] (got \(folds))") }
        if foldColumn != nil, seed != nil {
            throw ValidationError("--seed applies to the hashed folds, not to --fold-column")
        }
        if folds == nil, seed != nil { throw ValidationError("--seed applies with --folds") }
        // Bounded far below Int.max so that adding the rows read can never overflow.
        guard firstRow >= 0, firstRow <= 1 << 53 else {
            throw ValidationError("--first-row must lie in [0, 2^53] (got \(firstRow))")
        }
    }

    func standardOutput() throws -> String {
        try StatisticsFiles.checkOutput(output)
        if file != "-", output != "-" { try OutputFile.checkDistinct(input: file, outputs: [("--output", output)]) }
        var stream = try CSVBlockStream(path: file, blockBytes: blockBytes, options: reading.csvOptions)
        defer { stream.close() }
        let source = stream.source, names = stream.names
        let (targetIndex, weightIndex, roleFeatures) = try Design.columnRoles(
            names, target: target, weights: weights, drop: columns.drop, features: columns.features, file: source)
        var featureIndices = roleFeatures
        let foldIndex = try foldColumn.map { name in
            try Self.foldColumnIndex(name, names: names, target: targetIndex, weights: weightIndex, file: source)
        }
        featureIndices.removeAll { $0 == foldIndex }
        guard !featureIndices.isEmpty else {
            throw CLIError.data("\(source): no feature columns (the file has only \(list(names)))")
        }
        // Each block holds only the columns used, in file order; `at` finds a column in it.
        let used = Set(featureIndices + [targetIndex] + [weightIndex, foldIndex].compactMap { $0 }).sorted()
        stream.columns = used
        let at = Dictionary(uniqueKeysWithValues: used.enumerated().map { ($1, $0) })
        let blockColumns = (featureIndices + [targetIndex]).compactMap { at[$0] }
        let foldPosition = foldIndex.flatMap { at[$0] }
        var parts: [SufficientStatistics]
        let empty: SufficientStatistics
        do {
            empty = try SufficientStatistics(featureNames: featureIndices.map { names[$0] },
                                             targetNames: [names[targetIndex]], weighted: weightIndex != nil)
            parts = [SufficientStatistics](repeating: empty, count: folds ?? 1)
        } catch { throw CLIError.data("\(source): \(error)") }
        var reporter = ReadProgress.isWanted(asked: progress) ? ReadProgress() : nil
        var rowsRead = 0
        while let table = try Self.next(&stream, target: names[targetIndex]) {
            if parseOnly {
                rowsRead += table.rowCount
                reporter?.update(rows: rowsRead, bytes: stream.bytesRead)
                continue
            }
            // The parsed block itself when its columns are features then target, in file order.
            let block = blockColumns == Array(0..<table.values.columns) ? table.values : table.values.selectingColumns(blockColumns)
            let rowIndex = stream.lastRowIndices
            var w: [Double]?
            if let weightIndex, let weightPosition = at[weightIndex] {
                let column = table.values.column(weightPosition)
                if let i = column.firstIndex(where: { $0 < 0 }) {
                    throw CLIError.data("\(source): line \(stream.headerLines + rowIndex[i] + 1) (row \(rowIndex[i] + 1)), column \(weightIndex + 1) "
                        + "\(quoted(names[weightIndex])): negative weight \(column[i])")
                }
                w = column
            }
            var fold: [Int]? = nil
            if let foldIndex, let foldPosition {
                let ids = try Self.foldIDs(table.values.column(foldPosition), limit: folds ?? Self.implicitFoldLimit,
                                           name: names[foldIndex], column: foldIndex, file: source,
                                           rows: rowIndex, headerLines: stream.headerLines)
                if let top = ids.max(), top >= parts.count {
                    parts += [SufficientStatistics](repeating: empty, count: top + 1 - parts.count)
                }
                fold = ids
            } else if let folds {
                fold = (0..<table.rowCount).map {
                    RowFold.fold(ofRow: firstRow + rowIndex[$0], seed: seed ?? 0, folds: folds)
                }
            }
            do {
                if let fold {
                    // The block's rows bucketed by fold in one pass; empty folds are skipped.
                    var members = [[Int]](repeating: [], count: parts.count)
                    for (i, f) in fold.enumerated() { members[f].append(i) }
                    for (f, rows) in members.enumerated() where !rows.isEmpty {
                        try parts[f].add(rows: block.selectingRows(rows), weights: w.map { w in rows.map { w[$0] } })
                    }
                } else {
                    try parts[0].add(rows: block, weights: w)
                }
            } catch { throw CLIError.data("\(source): \(error)") }
            rowsRead += table.rowCount
            reporter?.update(rows: rowsRead, bytes: stream.bytesRead)
        }
        reporter?.finish(rows: rowsRead, bytes: stream.bytesRead)
        if parseOnly { return "" }
        let provenance = StatisticsFile.Provenance(sources: [source])
        let file: StatisticsFile
        if let foldColumn, parts.count < 2 {
            throw CLIError.data("\(source): the fold column \(quoted(foldColumn)) names \(rowsRead == 0 ? "no fold (no rows)" : "only fold 0"); "
                + "cross-validation needs at least 2 folds")
        }
        if folds != nil || foldColumn != nil {
            do { file = try StatisticsFile(folds: parts, seed: foldColumn == nil ? seed ?? 0 : nil, provenance: provenance) } catch {
                throw CLIError.data("\(source): \(error)")
            }
        } else {
            file = StatisticsFile(parts[0], provenance: provenance)
        }
        try StatisticsFiles.write(file, to: output)
        return ""
    }

    /// The next block, a text cell's error naming the option that handles it.
    private static func next(_ stream: inout CSVBlockStream, target: String) throws -> CSVTable? {
        do { return try stream.next() } catch { throw Design.explainReading(error, target: target, columnOptions: ["--drop"]) }
    }

    /// The most folds `stats` keeps (the bound of --folds).
    static let maximumFolds = 100_000

    /// The most folds a fold column may name without --folds: a stray id (a row number, a year)
    /// must not make tens of thousands of parts, each p² doubles.
    static let implicitFoldLimit = 100

    /// The index of the fold column `name`: present, and neither the target nor the weights.
    static func foldColumnIndex(_ name: String, names: [String], target: Int, weights: Int?, file: String) throws -> Int {
        guard let index = names.firstIndex(of: name) else {
            throw CLIError.data("\(file): no column named \(quoted(name)) for --fold-column (columns: \(list(names)))")
        }
        guard index != target else { throw CLIError.data("\(file): column \(quoted(name)) cannot be both the target and the fold column") }
        guard index != weights else { throw CLIError.data("\(file): column \(quoted(name)) cannot be both the weights and the fold column") }
        return index
    }

    /// The fold ids of one block: each value an integer in [0, limit), else an error naming the
    /// line, row, column and value.
    static func foldIDs(
        _ values: [Double], limit: Int, name: String, column: Int, file: String, rows: [Int], headerLines: Int
    ) throws -> [Int] {
        var ids = [Int](repeating: 0, count: values.count)
        for (i, v) in values.enumerated() {
            guard v >= 0, v < Double(limit), v == v.rounded(.towardZero) else {
                let bound = limit == implicitFoldLimit ? " (give --folds K for more folds)" : " (--folds \(limit))"
                throw CLIError.data("\(file): line \(headerLines + rows[i] + 1) (row \(rows[i] + 1)), column \(column + 1) \(quoted(name)): "
                    + "fold id \(v) is not an integer in [0, \(limit))\(bound)")
            }
            ids[i] = Int(v)
        }
        return ids
    }
}
