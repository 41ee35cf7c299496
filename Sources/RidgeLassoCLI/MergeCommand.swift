import ArgumentParser
import RidgeLasso

/// `ridgelasso merge`: several `.rlstats` parts into one, exactly.
struct MergeCommand: OutputProducingCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Merge statistics files written by `ridgelasso stats` into one.",
        discussion: """
        The parts are combined pairwise in a balanced tree in the order given (centered \
        co-moments, never raw sums), so the result is the statistics of all their rows, to \
        rounding. Parts must have the same features in the same order, the same target, the \
        same weighting, the same folds and the same major format version; an empty part merges \
        as nothing. With --output - the merged statistics go to standard output (binary; refused \
        on a terminal); nothing else is printed there.
        
        \(ExitStatus.text)
        """
    )

    @Argument(help: ArgumentHelp("Statistics files to merge.", valueName: "part.rlstats"))
    var parts: [String]

    @Option(help: ArgumentHelp("The merged statistics file to write, or - for standard output.", valueName: "S.rlstats"))
    var output: String

    mutating func validate() throws {
        guard !parts.isEmpty else { throw ValidationError("Missing expected argument '<part.rlstats> ...'") }
    }

    func standardOutput() throws -> String {
        try StatisticsFiles.checkOutput(output)
        if output != "-" {
            for part in parts { try OutputFile.checkDistinct(input: part, outputs: [("--output", output)]) }
        }
        let files = try parts.map(StatisticsFiles.read)
        for (i, file) in files.enumerated().dropFirst() {
            if let difference = files[0].incompatibility(with: file) {
                throw CLIError.data("\(parts[i]): cannot merge with \(parts[0]): \(difference)")
            }
        }
        let merged: StatisticsFile
        do { merged = try StatisticsFile.merge(files) } catch { throw CLIError.data("\(error)") }
        try StatisticsFiles.write(merged, to: output)
        return ""
    }
}
