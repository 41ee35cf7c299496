import Foundation
import LinearAlgebra
import RidgeLasso
import RidgeLassoCSV
import Testing

/// `ridgelasso stats`, `merge` and `fit --stats` against `fit` on the CSV file itself.
@Suite("ridgelasso stats, merge and fit --stats")
struct StatsCommandTests {
    @Test("statistics of two targets (written by the library) are refused by fit, path and cv in one line")
    func severalTargets() throws {
        let dir = try ScratchDirectory.make()
        var statistics = try SufficientStatistics(featureNames: ["a", "b"], targetNames: ["y1", "y2"], weighted: false)
        try statistics.add(rows: try Matrix(rows: [[1, 2, 3, 4], [2, 1, 0, 1], [0, 5, 2, 2], [3, 3, 1, 0]]))
        let path = dir.appendingPathComponent("two.rlstats").path
        try Data(StatisticsFile(statistics).encoded()).write(to: URL(fileURLWithPath: path))
        let message = "ridgelasso: error: \(path): the statistics hold 2 targets (\"y1\", \"y2\"); "
            + "the command line fits statistics of one target, as `ridgelasso stats` writes them"
        for command in [["fit", "--model", "ridge", "--alpha", "1"], ["path", "--model", "lasso"], ["cv", "--model", "ridge"]] {
            #expect(try CLIProcess.expectFailure(command + ["--stats", path], status: 1) == message, "\(command)")
        }
    }

    /// A seeded CSV with columns a, b (offset 1e8), c, w (weights in [0, 2)), y; `rows` ranges
    /// of it as separate files with the same header.
    static func data(in directory: URL, rows: [Range<Int>]) throws -> (all: String, parts: [String]) {
        var random = SplitMix64(seed: 42)
        func normal() -> Double {
            let u1 = max(random.nextUniform(), 0x1p-60), u2 = random.nextUniform()
            return (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
        }
        let header = "a,b,c,w,y"
        var lines: [String] = []
        for _ in 0..<60 {
            let a = normal(), b = 1e8 + normal(), c = normal(), w = 2 * random.nextUniform()
            let y = 1 + 2 * a - (b - 1e8) + 0.5 * c + 0.1 * normal()
            lines.append("\(a),\(b),\(c),\(w),\(y)")
        }
        let all = directory.appendingPathComponent("all.csv").path
        try ([header] + lines).joined(separator: "\n").appending("\n").write(toFile: all, atomically: true, encoding: .utf8)
        let parts = try rows.enumerated().map { (k, r) -> String in
            let path = directory.appendingPathComponent("part\(k).csv").path
            try ([header] + lines[r]).joined(separator: "\n").appending("\n").write(toFile: path, atomically: true, encoding: .utf8)
            return path
        }
        return (all, parts)
    }

    static func fitted(_ r: CLIResult) throws -> (coefficients: [Double], intercept: Double, keys: [String]) {
        #expect(r.status == 0, "\(r.stderr)")
        let json = try jsonObject(r.stdout)
        return (try #require(json["coefficients"] as? [Double]), try #require(json["intercept"] as? Double), topLevelKeys(r.stdout))
    }

    static func expectClose(_ a: [Double], _ b: [Double], _ tolerance: Double, _ what: String) {
        let scale = b.map(abs).max() ?? 1
        for (x, y) in zip(a, b) { #expect(abs(x - y) <= tolerance * scale, "\(what): \(x) vs \(y)") }
    }

    @Test("stats on stdin in small blocks, merge of three shards (and an empty one) in two orders, fit --stats = fit",
          arguments: [false, true])
    func statsMergeFit(noIntercept: Bool) throws {
        let dir = try ScratchDirectory.make()
        let (all, parts) = try Self.data(in: dir, rows: [0..<17, 17..<41, 41..<60, 0..<0])
        let extra = noIntercept ? ["--no-intercept"] : []
        let csv = try Self.fitted(CLIProcess.run(["fit", "--model", "ridge", "--alpha", "0.5", "--weights", "w", all] + extra))
        let whole = dir.appendingPathComponent("whole.rlstats").path
        let piped = try CLIProcess.run(["stats", "--weights", "w", "--block-bytes", "100", "-", "--output", whole],
                                 stdin: URL(fileURLWithPath: all))
        #expect(piped.status == 0 && piped.stdout.isEmpty && piped.stderr.isEmpty, "\(piped.stderr)")
        let fromWhole = try Self.fitted(CLIProcess.run(["fit", "--model", "ridge", "--alpha", "0.5", "--stats", whole] + extra))
        #expect(fromWhole.keys == csv.keys)
        Self.expectClose(fromWhole.coefficients, csv.coefficients, 1e-10, "stdin")
        #expect(abs(fromWhole.intercept - csv.intercept) <= 1e-10 * abs(csv.intercept))

        var shards: [String] = []
        for (k, part) in parts.enumerated() {
            let out = dir.appendingPathComponent("part\(k).rlstats").path
            let r = try CLIProcess.run(["stats", "--weights", "w", part, "--output", out])
            #expect(r.status == 0 && r.stdout.isEmpty, "\(r.stderr)")
            shards.append(out)
        }
        var results: [(coefficients: [Double], intercept: Double, keys: [String])] = []
        for (k, order) in [[0, 1, 2, 3], [3, 2, 0, 1]].enumerated() {
            let merged = dir.appendingPathComponent("merged\(k).rlstats").path
            let r = try CLIProcess.run(["merge"] + order.map { shards[$0] } + ["--output", merged])
            #expect(r.status == 0 && r.stdout.isEmpty && r.stderr.isEmpty, "\(r.stderr)")
            results.append(try Self.fitted(CLIProcess.run(["fit", "--model", "ridge", "--alpha", "0.5", "--stats", merged] + extra)))
        }
        for r in results {
            #expect(r.keys == csv.keys)
            Self.expectClose(r.coefficients, csv.coefficients, 1e-10, "merged")
            #expect(abs(r.intercept - csv.intercept) <= 1e-10 * abs(csv.intercept))
        }
        Self.expectClose(results[1].coefficients, results[0].coefficients, 1e-13, "orders")
    }

    @Test("bad inputs: one line on stderr, nothing on stdout, status 1 (data) or 2 (usage)")
    func badInputs() throws {
        let dir = try ScratchDirectory.make()
        let (all, _) = try Self.data(in: dir, rows: [])
        let good = dir.appendingPathComponent("good.rlstats").path
        #expect(try CLIProcess.run(["stats", all, "--output", good]).status == 0)
        let weighted = dir.appendingPathComponent("weighted.rlstats").path
        #expect(try CLIProcess.run(["stats", "--weights", "w", all, "--output", weighted]).status == 0)
        let cut = dir.appendingPathComponent("cut.rlstats").path
        let bytes = try Data(contentsOf: URL(fileURLWithPath: good))
        try bytes.prefix(bytes.count - 9).write(to: URL(fileURLWithPath: cut))
        let flipped = dir.appendingPathComponent("flipped.rlstats").path
        var damaged = bytes
        damaged[damaged.count - 20] ^= 1
        try damaged.write(to: URL(fileURLWithPath: flipped))
        let blank = dir.appendingPathComponent("blank.csv").path
        try "a,y\n1,2\n\n3,4\n".write(toFile: blank, atomically: true, encoding: .utf8)
        let negative = dir.appendingPathComponent("negative.csv").path
        try "a,w,y\n1,1,2\n3,-1,4\n".write(toFile: negative, atomically: true, encoding: .utf8)
        let x = dir.appendingPathComponent("x.rlstats").path
        let cases: [([String], Int32, String)] = [
            (["fit", "--model", "ridge", "--alpha", "1", "--stats", all], 1, "all.csv: not a .rlstats statistics file (wrong magic bytes)"),
            (["fit", "--model", "ridge", "--alpha", "1", "--stats", cut], 1, "truncated statistics file"),
            (["fit", "--model", "ridge", "--alpha", "1", "--stats", flipped], 1, "corrupted statistics file (CRC-32"),
            (["fit", "--model", "ridge", "--alpha", "1", "--stats", good, "--target", "a"], 1, "the statistics are for the target \"y\", not \"a\""),
            (["fit", "--model", "ridge", "--alpha", "1", "--stats", good, "--standardize"], 2, "--standardize does not apply to ridge with --stats"),
            (["fit", "--model", "lasso", "--alpha", "1", "--stats", good, "--weights", "w"], 2, "--weights does not apply with --stats"),
            (["path", "--model", "lasso", "--stats", good, all], 2, "--stats replaces the CSV file"),
            (["cv", "--model", "lasso", "--stats", good], 1, "the statistics hold no folds"),
            (["fit", "--model", "lasso", "--alpha", "-1", "--stats", good], 2, "--alpha"),
            (["stats", "--fold-column", "nope", all, "--output", x], 1, "no column named \"nope\" for --fold-column"),
            (["stats", "--fold-column", "y", all, "--output", x], 1, "cannot be both the target and the fold column"),
            (["stats", "--fold-column", "c", "--seed", "3", all, "--output", x], 2, "--seed applies to the hashed folds"),
            (["stats", "--fold-column", "c", all, "--output", x], 1, "all.csv: line 2 (row 1), column 3 \"c\": fold id"),
            (["fit", "--model", "ridge", "--alpha", "1", "--stats", good, all], 2, "--stats replaces the CSV file"),
            (["fit", "--model", "ridge", "--alpha", "1", "--stats", good, "--solver", "qr"], 2, "--solver qr needs the rows"),
            (["fit", "--model", "ridge", "--alpha", "1"], 2, "Missing expected argument '<file.csv>'"),
            (["merge", good, weighted, "--output", x], 1, "cannot merge with"),
            (["merge", good, cut, "--output", x], 1, "truncated statistics file"),
            (["stats", blank, "--output", x], 1, "blank.csv: line 3: blank line between data rows"),
            (["stats", "--weights", "w", negative, "--output", x], 1, "negative.csv: line 3 (row 2), column 2 \"w\": negative weight -1.0"),
            (["stats", "--target", "nope", all, "--output", x], 1, "no column named \"nope\" for --target"),
            (["stats", dir.appendingPathComponent("missing.csv").path, "--output", x], 1, "cannot read file"),
            (["stats", all, "--output", all], 2, "is the input file"),
            (["stats", "--first-row", "9223372036854775807", all, "--output", x], 2,
             "--first-row must lie in [0, 2^53] (got 9223372036854775807)"),
        ]
        for (arguments, status, fragment) in cases {
            let r = try CLIProcess.run(arguments)
            #expect(r.status == status, "\(arguments): \(r.stderr)")
            #expect(r.stdout.isEmpty)
            #expect(r.stderrLines.count == 1 && r.stderr.hasPrefix("ridgelasso: error: "), "\(r.stderr)")
            #expect(r.stderr.contains(fragment), "\(arguments): \(r.stderr)")
        }
    }

    @Test("--output - writes the same bytes to standard output as to a file, for stats and merge")
    func standardOutput() throws {
        let dir = try ScratchDirectory.make()
        let (all, parts) = try Self.data(in: dir, rows: [0..<25, 25..<60])
        let file = dir.appendingPathComponent("file.rlstats").path
        #expect(try CLIProcess.run(["stats", "--weights", "w", "-", "--output", file], stdin: URL(fileURLWithPath: all)).status == 0)
        let piped = try CLIProcess.run(["stats", "--weights", "w", "-", "--output", "-"], stdin: URL(fileURLWithPath: all))
        #expect(piped.status == 0 && piped.stderr.isEmpty, "\(piped.stderr)")
        #expect(piped.stdoutBytes == (try Data(contentsOf: URL(fileURLWithPath: file))))

        var shards: [String] = []
        for (k, part) in parts.enumerated() {
            let r = try CLIProcess.run(["stats", "--weights", "w", part, "--output", "-"])
            #expect(r.status == 0 && r.stderr.isEmpty, "\(r.stderr)")
            let shard = dir.appendingPathComponent("shard\(k).rlstats")
            try r.stdoutBytes.write(to: shard)
            shards.append(shard.path)
        }
        let merged = dir.appendingPathComponent("merged.rlstats").path
        #expect(try CLIProcess.run(["merge"] + shards + ["--output", merged]).status == 0)
        let mergedOut = try CLIProcess.run(["merge"] + shards + ["--output", "-"])
        #expect(mergedOut.status == 0 && mergedOut.stderr.isEmpty, "\(mergedOut.stderr)")
        #expect(mergedOut.stdoutBytes == (try Data(contentsOf: URL(fileURLWithPath: merged))))
        // The shards piped out are whole statistics files: merged, they fit as the CSV does.
        let csv = try Self.fitted(CLIProcess.run(["fit", "--model", "ridge", "--alpha", "0.5", "--weights", "w", all]))
        let fromShards = try Self.fitted(CLIProcess.run(["fit", "--model", "ridge", "--alpha", "0.5", "--stats", merged]))
        Self.expectClose(fromShards.coefficients, csv.coefficients, 1e-10, "shards on stdout")

        // A failure writes nothing to standard output, not a partial file.
        let bad = try CLIProcess.run(["stats", "--target", "nope", all, "--output", "-"])
        #expect(bad.status == 1 && bad.stdoutBytes.isEmpty && bad.stderrLines.count == 1)
    }

    @Test("--output - refuses a terminal as standard output (status 2, one line), as gzip does",
          .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script")))
    func standardOutputTerminal() throws {
        let dir = try ScratchDirectory.make()
        let (all, _) = try Self.data(in: dir, rows: [])
        let exe = try #require(CLIProcess.executable)
        // util-linux `script` runs the command with a pseudo-terminal as its standard streams.
        for arguments in [["stats", all, "--output", "-"], ["merge", all, "--output", "-"]] {
            let command = ([exe.path] + arguments).map { "'\($0)'" }.joined(separator: " ")
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
            process.arguments = ["-qec", command, "/dev/null"]
            let out = Pipe()
            process.standardOutput = out
            process.standardError = FileHandle.nullDevice
            process.standardInput = FileHandle.nullDevice
            try process.run()
            let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationStatus == 2, "\(arguments): \(text)")
            #expect(text.split(separator: "\n").count == 1, "\(text)")
            #expect(text.contains("ridgelasso: error: --output - writes binary statistics to standard output, which is a terminal"), "\(text)")
        }
    }

    @Test("a header without rows is an empty part: W = 0, it merges as nothing")
    func emptyPart() throws {
        let dir = try ScratchDirectory.make()
        let empty = dir.appendingPathComponent("empty.csv").path
        try "a,b,y\n".write(toFile: empty, atomically: true, encoding: .utf8)
        let one = dir.appendingPathComponent("one.csv").path
        try "a,b,y\n1,2,3\n2,0,1\n0,1,1\n4,4,5\n".write(toFile: one, atomically: true, encoding: .utf8)
        let e = dir.appendingPathComponent("e.rlstats").path, o = dir.appendingPathComponent("o.rlstats").path
        let m = dir.appendingPathComponent("m.rlstats").path
        #expect(try CLIProcess.run(["stats", "-", "--output", e], stdin: URL(fileURLWithPath: empty)).status == 0)
        let file = try StatisticsFile(decoding: Array(try Data(contentsOf: URL(fileURLWithPath: e))), source: e)
        #expect(file.parts[0].isEmpty && file.parts[0].totalWeight == 0)
        #expect(try CLIProcess.run(["stats", one, "--output", o]).status == 0)
        #expect(try CLIProcess.run(["merge", e, o, e, "--output", m]).status == 0)
        let a = try CLIProcess.run(["fit", "--model", "ridge", "--alpha", "1", "--stats", m])
        let b = try CLIProcess.run(["fit", "--model", "ridge", "--alpha", "1", "--stats", o])
        #expect(a.status == 0 && a.stdout == b.stdout)
        let r = try CLIProcess.run(["fit", "--model", "ridge", "--alpha", "1", "--stats", e])
        #expect(r.status == 1 && r.stderr.contains("no row of positive weight"))
    }

    @Test("cv --stats: K-fold from fold statistics and GCV equal RidgeCV on the CSV's rows with the same folds")
    func crossValidation() throws {
        let dir = try ScratchDirectory.make()
        let (all, _) = try Self.data(in: dir, rows: [])
        let table = try CSVReader.read(contentsOf: all)
        let n = table.rowCount
        let x = table.values.selectingColumns([0, 1, 2]), y = table.values.selectingColumns([4])
        let w = table.values.column(3)
        let alphas = [0.01, 0.1, 1, 10, 100]
        let folded = dir.appendingPathComponent("folded.rlstats").path
        let plain = dir.appendingPathComponent("plain.rlstats").path
        #expect(try CLIProcess.run(["stats", "--weights", "w", "--folds", "4", "--seed", "7", "--block-bytes", "300",
                                    all, "--output", folded]).status == 0)
        #expect(try CLIProcess.run(["stats", "--weights", "w", all, "--output", plain]).status == 0)
        let ids = (0..<n).map { RowFold.fold(ofRow: $0, seed: 7, folds: 4) }
        let cases: [(String, RidgeSelectionCriterion, String)] = [
            (folded, .kFold(.given(ids)), "kfold"), (plain, .generalizedCrossValidation, "gcv"),
        ]
        for (file, criterion, name) in cases {
            let r = try CLIProcess.run(["cv", "--model", "ridge", "--alphas", "0.01,0.1,1,10,100", "--stats", file])
            #expect(r.status == 0, "\(r.stderr)")
            let json = try jsonObject(r.stdout)
            #expect(json["criterion"] as? String == name)
            let rows = try RidgeCV(alphas: alphas, criterion: criterion, threads: 1).evaluate(x, targets: y, sampleWeights: w)
            #expect(json["alpha"] as? Double == rows.chosenAlphas[0])
            let errors = try #require(json["mean_errors"] as? [Double])
            // Two computations of each fold's fit: Cholesky on the merged co-moments of the other
            // folds, and RidgeCV on the rows. They agree to about κ·ε of the fold systems at the
            // smallest α; under the reference BLAS (another summation order) the k-fold errors
            // differ by 1.4e-9 relative, so 1e-8 and not the 1e-9 that OpenBLAS happens to meet.
            Self.expectClose(errors, rows.curves[0].meanErrors, 1e-8, name)
            if name == "kfold" {
                #expect(json["folds"] as? Int == 4 && json["seed"] as? Int == 7)
                Self.expectClose(try #require(json["standard_errors"] as? [Double]), try #require(rows.curves[0].standardErrors), 1e-8, "se")
            }
            let refit = try Ridge(alpha: rows.chosenAlphas[0]).fit(x, y.column(0), sampleWeights: w)
            Self.expectClose(try #require(json["coefficients"] as? [Double]), refit.coefficients, 1e-10, "refit")
        }
        // Lasso from the same fold statistics: K-fold CV (tested against the rows in statsElasticNet).
        let lasso = try CLIProcess.run(["cv", "--model", "lasso", "--stats", folded])
        #expect(lasso.status == 0 && lasso.stderr.isEmpty, "\(lasso.stderr)")
        #expect(try jsonObject(lasso.stdout)["criterion"] as? String == "kfold")
    }

    @Test("streaming in blocks of any size reads what CSVReader reads: BOM, CRLF, a quoted header over two lines, trailing blank lines; and reports each bad line as fit does")
    func streamingMatchesReader() throws {
        let dir = try ScratchDirectory.make()
        let good = dir.appendingPathComponent("good.csv").path
        let rows = (0..<9).map { i in "\(Double(i) * 0.5),\(Double(i * i) - 3),\(1 + Double(i % 4))" }
        let text = "\u{FEFF}a,\"b\r\nsecond\",y\r\n" + rows.joined(separator: "\r\n") + "\r\n\r\n  \r\n"
        try text.write(toFile: good, atomically: true, encoding: .utf8)
        let reference = try CLIProcess.run(["fit", "--model", "ridge", "--alpha", "0.3", good])
        #expect(reference.status == 0, "\(reference.stderr)")
        for block in ["1", "20", "100000"] {
            let out = dir.appendingPathComponent("good\(block).rlstats").path
            let r = try CLIProcess.run(["stats", "--block-bytes", block, good, "--output", out])
            #expect(r.status == 0, "\(r.stderr)")
            let fit = try CLIProcess.run(["fit", "--model", "ridge", "--alpha", "0.3", "--stats", out])
            let (a, b) = (try Self.fitted(fit), try Self.fitted(reference))
            Self.expectClose(a.coefficients, b.coefficients, 1e-12, "block \(block)")
            // RFC 4180: the CRLF inside the quoted name is part of it, as CSVReader reads it.
            #expect(try jsonObject(fit.stdout)["features"] as? [String] == ["a", "b\r\nsecond"])
            #expect(try jsonObject(reference.stdout)["features"] as? [String] == ["a", "b\r\nsecond"])
        }
        let header = "a,\"b\nsecond\",y\n" + rows.prefix(5).joined(separator: "\n") + "\n"
        let bad = [
            header + "1,x,2\n",          // not a number on line 8
            header + "1,2\n",            // ragged
            header + "1,1e999,2\n",      // not finite
            header + "\n1,2,3\n",         // blank line between rows
        ]
        for (k, content) in bad.enumerated() {
            let path = dir.appendingPathComponent("bad\(k).csv").path
            try content.write(toFile: path, atomically: true, encoding: .utf8)
            let whole = try CLIProcess.run(["fit", "--model", "ridge", "--alpha", "1", path])
            for block in ["1", "7", "100000"] {
                let r = try CLIProcess.run(["stats", "--block-bytes", block, path, "--output", path + ".rlstats"])
                #expect(r.status == 1 && r.stdout.isEmpty)
                // The same message, but stats has no --categorical to suggest.
                let expected = whole.stderr.replacingOccurrences(of: " or one-hot encode it with --categorical \"b\\nsecond\"", with: "")
                #expect(r.stderr == expected, "block \(block): \(r.stderr) vs \(whole.stderr)")
            }
        }
    }
}
