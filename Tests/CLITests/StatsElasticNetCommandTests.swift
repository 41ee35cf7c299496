import Foundation
import RidgeLasso
import RidgeLassoCSV
import Testing

/// `fit`, `path` and `cv --model lasso|elasticnet --stats` against the same commands (or the
/// library) on the CSV rows; `stats --fold-column` and `--progress`.
@Suite("ridgelasso lasso and elastic net from statistics")
struct StatsElasticNetCommandTests {
    typealias S = StatsCommandTests

    @Test("fit --stats equals fit on the CSV within the certified tolerance, with the same JSON keys plus duality_gap_floor",
          arguments: [["--model", "lasso", "--alpha", "0.05"],
                      ["--model", "elasticnet", "--alpha", "0.02", "--l1-ratio", "0.3", "--standardize"],
                      ["--model", "lasso", "--alpha", "0.01", "--no-intercept"]])
    func fit(options: [String]) throws {
        let dir = try ScratchDirectory.make()
        let (all, _) = try S.data(in: dir, rows: [])
        let stats = dir.appendingPathComponent("s.rlstats").path
        #expect(try CLIProcess.run(["stats", "--weights", "w", "--block-bytes", "200", all, "--output", stats]).status == 0)
        let tolerance = ["--tol", "1e-12"]
        let csv = try CLIProcess.run(["fit"] + options + tolerance + ["--weights", "w", all])
        let fromStats = try CLIProcess.run(["fit"] + options + tolerance + ["--stats", stats])
        let a = try S.fitted(csv), b = try S.fitted(fromStats)
        // The floor follows the gap; the target closes the object, as in every model file.
        #expect(b.keys == a.keys.filter { $0 != "target" } + ["duality_gap_floor", "target"])
        let json = try jsonObject(fromStats.stdout)
        let gap = try #require(json["duality_gap"] as? Double), floor = try #require(json["duality_gap_floor"] as? Double)
        #expect(json["converged"] as? Bool == true && gap >= floor && floor > 0)
        // Relative suboptimality ≤ 1e-12 on both sides: coefficients agree to about √1e-12 of
        // their scale at worst (strong convexity of the well-conditioned columns), far closer in fact.
        S.expectClose(b.coefficients, a.coefficients, 1e-6, "coefficients")
        #expect(abs(b.intercept - a.intercept) <= 1e-6 * max(1, abs(a.intercept)))
    }

    @Test("path --stats has the CSV path's α grid and coefficients, and reports each gap's floor")
    func path() throws {
        let dir = try ScratchDirectory.make()
        let (all, _) = try S.data(in: dir, rows: [])
        let stats = dir.appendingPathComponent("s.rlstats").path
        #expect(try CLIProcess.run(["stats", "--weights", "w", all, "--output", stats]).status == 0)
        let options = ["path", "--model", "elasticnet", "--l1-ratio", "0.7", "--n-alphas", "12", "--tol", "1e-12"]
        let csv = try CLIProcess.run(options + ["--weights", "w", all])
        let fromStats = try CLIProcess.run(options + ["--stats", stats])
        #expect(csv.status == 0 && fromStats.status == 0, "\(fromStats.stderr)")
        #expect(topLevelKeys(fromStats.stdout) == topLevelKeys(csv.stdout).filter { $0 != "target" } + ["duality_gap_floors", "target"])
        let a = try jsonObject(csv.stdout), b = try jsonObject(fromStats.stdout)
        S.expectClose(try #require(b["alphas"] as? [Double]), try #require(a["alphas"] as? [Double]), 1e-12, "alphas")
        let ca = try #require(a["coefficients"] as? [[Double]]), cb = try #require(b["coefficients"] as? [[Double]])
        #expect(ca.count == 12 && cb.count == 12)
        for (x, y) in zip(cb, ca) { S.expectClose(x, y, 1e-6, "path coefficients") }
        #expect((b["duality_gap_floors"] as? [Double])?.count == 12)
    }

    @Test("cv --stats from hashed folds and from a fold column equals ElasticNetCV on the rows with the same folds")
    func crossValidation() throws {
        let dir = try ScratchDirectory.make()
        let (all, _) = try S.data(in: dir, rows: [])
        let table = try CSVReader.read(contentsOf: all)
        let n = table.rowCount
        let hashed = (0..<n).map { RowFold.fold(ofRow: $0, seed: 11, folds: 3) }
        let listed = (0..<n).map { ($0 * 7) % 4 }
        // The same data with a fold-id column f.
        let text = try String(contentsOfFile: all, encoding: .utf8).split(separator: "\n")
        let withFolds = dir.appendingPathComponent("folds.csv").path
        try ([text[0] + ",f"] + text.dropFirst().enumerated().map { "\($1),\(listed[$0])" })
            .joined(separator: "\n").appending("\n").write(toFile: withFolds, atomically: true, encoding: .utf8)
        let a = dir.appendingPathComponent("hashed.rlstats").path, b = dir.appendingPathComponent("listed.rlstats").path
        #expect(try CLIProcess.run(["stats", "--weights", "w", "--folds", "3", "--seed", "11", all, "--output", a]).status == 0)
        let r = try CLIProcess.run(["stats", "--weights", "w", "--target", "y", "--fold-column", "f", "--block-bytes", "150", withFolds, "--output", b])
        #expect(r.status == 0 && r.stderr.isEmpty && r.stdout.isEmpty, "\(r.stderr)")
        let x = table.values.selectingColumns([0, 1, 2]), y = table.values.column(4), w = table.values.column(3)
        for (file, ids, seed) in [(a, hashed, 11 as Int?), (b, listed, nil)] {
            let out = try CLIProcess.run(["cv", "--model", "lasso", "--n-alphas", "10", "--tol", "1e-12", "--stats", file])
            #expect(out.status == 0, "\(out.stderr)")
            let json = try jsonObject(out.stdout)
            let rows = try ElasticNetCV(l1Ratios: [1], alphaCount: 10, folds: .given(ids), tolerance: 1e-12, threads: 1)
                .fit(x, y, sampleWeights: w)
            #expect(json["folds"] as? Int == Set(ids).count)
            #expect(json["seed"] as? Int == seed)
            S.expectClose(try #require(json["alphas"] as? [Double]), rows.curve.alphas, 1e-12, "alphas")
            S.expectClose(try #require(json["mean_errors"] as? [Double]), rows.curve.meanErrors, 1e-6, "mean errors")
            let alpha = try #require(json["alpha"] as? Double)
            #expect(abs(alpha - rows.alpha) <= 1e-12 * rows.alpha)
        }
    }

    @Test("cv --model ridge --stats --loo-data: exact leave-one-out from a second pass equals cv on the CSV")
    func leaveOneOutPass() throws {
        let dir = try ScratchDirectory.make()
        let (all, parts) = try S.data(in: dir, rows: [0..<30])
        let stats = dir.appendingPathComponent("s.rlstats").path
        #expect(try CLIProcess.run(["stats", "--weights", "w", all, "--output", stats]).status == 0)
        let options = ["cv", "--model", "ridge", "--alphas", "0.01,0.1,1,10,100"]
        let csv = try CLIProcess.run(options + ["--weights", "w", all])
        let streamed = try CLIProcess.run(options + ["--stats", stats, "--weights", "w", "--loo-data", "-"], stdin: URL(fileURLWithPath: all))
        #expect(csv.status == 0 && streamed.status == 0, "\(streamed.stderr)")
        #expect(topLevelKeys(streamed.stdout) == topLevelKeys(csv.stdout))
        let a = try jsonObject(csv.stdout), b = try jsonObject(streamed.stdout)
        #expect(b["criterion"] as? String == "leave_one_out" && b["alpha"] as? Double == a["alpha"] as? Double)
        for key in ["mean_errors", "standard_errors", "gcv"] {
            S.expectClose(try #require(b[key] as? [Double]), try #require(a[key] as? [Double]), 1e-10, key)
        }
        let cases: [([String], Int32, String)] = [
            (options + ["--loo-data", all, all], 2, "--loo-data applies with --stats"),
            (options + ["--stats", stats, "--loo-data", all], 1, "the statistics are weighted: give the weights column with --weights"),
            (options + ["--stats", stats, "--weights", "w", "--loo-data", parts[0]], 1, "the leave-one-out pass read 30 rows"),
            (["cv", "--model", "lasso", "--stats", stats, "--loo-data", all], 2, "--loo-data applies to --model ridge"),
        ]
        for (arguments, status, fragment) in cases {
            let r = try CLIProcess.run(arguments)
            #expect(r.status == status && r.stdout.isEmpty, "\(arguments): \(r.stderr)")
            #expect(r.stderrLines.count == 1 && r.stderr.contains(fragment), "\(r.stderr)")
        }
    }

    @Test("--progress writes to standard error only; the output file is the same")
    func progress() throws {
        let dir = try ScratchDirectory.make()
        let (all, _) = try S.data(in: dir, rows: [])
        let quiet = dir.appendingPathComponent("quiet.rlstats").path, loud = dir.appendingPathComponent("loud.rlstats").path
        let q = try CLIProcess.run(["stats", "-", "--output", quiet], stdin: URL(fileURLWithPath: all))
        let l = try CLIProcess.run(["stats", "--progress", "-", "--output", loud], stdin: URL(fileURLWithPath: all))
        #expect(q.status == 0 && q.stderr.isEmpty && q.stdout.isEmpty)
        #expect(l.status == 0 && l.stdout.isEmpty)
        let last = try #require(l.stderrLines.last)
        #expect(last.hasPrefix("ridgelasso stats: 60 rows, ") && last.contains(" MB/s, ") && last.hasSuffix(" s"), "\(l.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: quiet)) == Data(contentsOf: URL(fileURLWithPath: loud)))
    }

    @Test("--fold-column: bad ids are one-line errors naming line, row, column and value")
    func badFoldIDs() throws {
        let dir = try ScratchDirectory.make()
        let out = dir.appendingPathComponent("x.rlstats").path
        let cases: [(String, [String], String)] = [
            ("a,f,y\n1,0,2\n2,1.5,3\n", [], "line 3 (row 2), column 2 \"f\": fold id 1.5 is not an integer in [0, 100) (give --folds K for more folds)"),
            ("a,f,y\n1,0,2\n2,-1,3\n", [], "line 3 (row 2), column 2 \"f\": fold id -1.0 is not an integer"),
            ("a,f,y\n1,0,2\n2,3,3\n", ["--folds", "3"], "fold id 3.0 is not an integer in [0, 3) (--folds 3)"),
            ("a,f,y\n1,0,2\n2,0,3\n", [], "the fold column \"f\" names only fold 0; cross-validation needs at least 2 folds"),
            ("a,f,y\n", [], "the fold column \"f\" names no fold (no rows)"),
            ("f,y\n0,2\n1,3\n", [], "no feature columns"),
        ]
        for (k, (text, extra, fragment)) in cases.enumerated() {
            let csv = dir.appendingPathComponent("bad\(k).csv").path
            try text.write(toFile: csv, atomically: true, encoding: .utf8)
            let r = try CLIProcess.run(["stats", "--fold-column", "f"] + extra + [csv, "--output", out])
            #expect(r.status == 1 && r.stdout.isEmpty, "\(text): \(r.stderr)")
            #expect(r.stderrLines.count == 1 && r.stderr.hasPrefix("ridgelasso: error: ") && r.stderr.contains(fragment), "\(r.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: out))
    }
}
