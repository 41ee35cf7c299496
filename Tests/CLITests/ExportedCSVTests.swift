import Foundation
import RidgeLassoCSV
import Testing

/// Real exports (R's `write.csv`, `write.csv2`, pandas' `to_csv`; Fixtures/exports/make-exports.R
/// and make-exports.py made them) give exactly the numbers of the same fit on their hand-cleaned
/// numeric twins: the same cells convert to the same doubles, whichever path of the reader reads
/// them, so the outputs are compared byte for byte.
@Suite("ridgelasso on real CSV exports")
struct ExportedCSVTests {
    static func export(_ name: String) -> String { Fixture.path("exports/\(name)") }

    /// Runs `arguments` and returns standard output, expecting success and a silent stderr.
    static func output(_ arguments: [String]) throws -> String {
        let r = try CLIProcess.run(arguments)
        #expect(r.status == 0 && r.stderr.isEmpty, "\(arguments): \(r.stderr)")
        return r.stdout
    }

    /// The commands compared, each with the options that apply after `--target T`.
    static let commands: [[String]] = [
        ["fit", "--model", "ridge", "--alpha", "1"],
        ["fit", "--model", "ridge", "--alpha", "0.5", "--standardize", "--solver", "svd"],
        ["fit", "--model", "lasso", "--alpha", "0.05", "--tol", "1e-10"],
        ["fit", "--model", "elasticnet", "--alpha", "0.1", "--l1-ratio", "0.3", "--standardize"],
        ["path", "--model", "lasso", "--n-alphas", "8"],
        ["cv", "--model", "ridge", "--n-alphas", "12"],
        ["cv", "--model", "lasso", "--n-alphas", "8", "--folds", "4", "--seed", "3"],
    ]

    @Test("R write.csv (row names), write.csv2 (';', decimal commas, detected or given), TRUE/FALSE: the numbers of the clean file",
          arguments: [
            ["mtcars.csv"], ["mtcars_csv2.csv"], ["mtcars_csv2.csv", "--delimiter", ";", "--decimal", ","],
            ["mtcars_logical.csv"],
          ])
    func mtcars(_ input: [String]) throws {
        for command in Self.commands {
            let clean = try Self.output(command + ["--target", "mpg", Self.export("mtcars_clean.csv")])
            let exported = try Self.output(command + ["--target", "mpg", Self.export(input[0])] + input.dropFirst())
            #expect(exported == clean, "\(command) on \(input)")
            #expect(clean.contains("\"target\":\"mpg\""))
        }
    }

    @Test("airquality with NA (R) and empty cells (pandas, numeric index): --na omit gives the fit of na.omit(airquality)",
          arguments: ["airquality.csv", "airquality_pandas.csv"])
    func airquality(_ input: String) throws {
        for command in Self.commands {
            let clean = try Self.output(command + ["--target", "Ozone", Self.export("airquality_clean.csv")])
            let r = try CLIProcess.run(command + ["--target", "Ozone", "--na", "omit", Self.export(input)])
            #expect(r.status == 0 && r.stdout == clean, "\(command) on \(input): \(r.stderr)")
            // The 42 rows left out are said once, on one note line.
            #expect(r.stderr == "ridgelasso: note: \(Self.export(input)): left out 42 rows with a missing value "
                + "(--na omit): rows 5, 6, 10, 11, 25, …\n")
        }
        // Dropping the columns with missing values and selecting features work on the same export.
        let selected = try Self.output(["fit", "--model", "ridge", "--alpha", "1", "--target", "Temp",
                                        "--drop", "Ozone,Solar.R", "--features", "Wind", "--features", "Day",
                                        Self.export(input)])
        let json = try jsonObject(selected)
        #expect(json["features"] as? [String] == ["Wind", "Day"])
        #expect((json["coefficients"] as? [Double])?.count == 2)
    }

    @Test("iris: --categorical Species (or auto) one-hot encodes all three levels, as the hand-cleaned file, and records them",
          arguments: [["--categorical", "Species"], ["--categorical", "auto"]])
    func iris(_ option: [String]) throws {
        let encoding = ",\"categorical\":[{\"column\":\"Species\",\"levels\":[\"setosa\",\"versicolor\",\"virginica\"]}]"
        for command in Self.commands {
            let clean = try Self.output(command + ["--target", "Sepal.Length", Self.export("iris_clean.csv")])
            let exported = try Self.output(command + ["--target", "Sepal.Length"] + option + [Self.export("iris.csv")])
            // The same object, with the encoding after the target.
            let target = "\"target\":\"Sepal.Length\""
            #expect(exported == clean.replacingOccurrences(of: target, with: target + encoding), "\(command)")
        }
    }

    @Test("predict: the model's levels encode new rows holding only some of them; row names and --keep pass through")
    func predictCategorical() throws {
        let dir = try temporaryDirectory()
        let model = dir.appendingPathComponent("iris.json").path
        let cleanModel = dir.appendingPathComponent("iris_clean.json").path
        _ = try Self.output(["fit", "--model", "lasso", "--alpha", "0.01", "--target", "Sepal.Length",
                             "--categorical", "Species", "--output", model, Self.export("iris.csv")])
        _ = try Self.output(["fit", "--model", "lasso", "--alpha", "0.01", "--target", "Sepal.Length",
                             "--output", cleanModel, Self.export("iris_clean.csv")])
        // iris_new.csv holds rows 1, 2, 51, 52 of iris: setosa and versicolor, no virginica.
        let cleanRows = dir.appendingPathComponent("new_clean.csv").path
        try """
            Sepal.Width,Petal.Length,Petal.Width,Species=setosa,Species=versicolor,Species=virginica
            3.5,1.4,0.2,1,0,0
            3,1.4,0.2,1,0,0
            3.2,4.7,1.4,0,1,0
            3.2,4.5,1.5,0,1,0
            
            """.write(toFile: cleanRows, atomically: true, encoding: .utf8)
        let expected = try Self.output(["predict", "--model", cleanModel, cleanRows])
        let values = expected.split(separator: "\n").dropFirst()
        #expect(values.count == 4)
        let predicted = try Self.output(["predict", "--model", model, Self.export("iris_new.csv")])
        let rowNames = ["1", "2", "51", "52"]
        #expect(predicted == "\"\",prediction\n" + zip(rowNames, values).map { "\($0),\($1)\n" }.joined())
        // --keep copies columns as read: text as written, numbers (here a feature) exactly.
        let kept = try Self.output(["predict", "--model", model, "--keep", "Species,Sepal.Width", Self.export("iris_new.csv")])
        let species = ["setosa", "setosa", "versicolor", "versicolor"], width = ["3.5", "3.0", "3.2", "3.2"]
        #expect(kept == "\"\",Species,Sepal.Width,prediction\n"
            + (0..<4).map { "\(rowNames[$0]),\(species[$0]),\(width[$0]),\(values[values.startIndex + $0])\n" }.joined())
        // The model file says which column was the target and how Species was encoded.
        let json = try jsonObject(try String(contentsOfFile: model, encoding: .utf8))
        #expect(json["target"] as? String == "Sepal.Length")
        let categorical = try #require(json["categorical"] as? [Any])
        let first = try #require(categorical.first as? [String: Any])
        #expect(first["column"] as? String == "Species")
        #expect(first["levels"] as? [String] == ["setosa", "versicolor", "virginica"])
    }

    @Test("predict on write.csv2 rows with row names and --keep, the numbers of the clean file")
    func predictRowNames() throws {
        let dir = try temporaryDirectory()
        let model = dir.appendingPathComponent("mtcars.json").path
        _ = try Self.output(["fit", "--model", "ridge", "--alpha", "1", "--target", "mpg", "--output", model,
                             Self.export("mtcars_clean.csv")])
        let clean = try Self.output(["predict", "--model", model, Self.export("mtcars_clean.csv")])
        let exported = try Self.output(["predict", "--model", model, "--keep", "mpg", Self.export("mtcars_csv2.csv")])
        let names = try CSVSource(contentsOf: Self.export("mtcars.csv")).read(columns: [0]).rowNames ?? []
        // A kept column that is not a feature is copied as written: "22,8" stays a decimal comma,
        // quoted because the output's separator is a comma.
        let mpg = try CSVSource(contentsOf: Self.export("mtcars_csv2.csv")).read(columns: [0], types: [0: .text])
        let written = mpg.values.column(0).map { mpg.levels[0]?[Int($0)] ?? "?" }
        #expect(written.prefix(3) == ["21", "21", "22,8"])
        let values = clean.split(separator: "\n").dropFirst().map(String.init)
        #expect(names.count == 32 && values.count == 32)
        let cell = { (text: String) in text.contains(",") ? "\"\(text)\"" : text }
        #expect(exported == "\"\",mpg,prediction\n" + (0..<32).map { "\(names[$0]),\(cell(written[$0])),\(values[$0])\n" }.joined())
    }

    @Test("a model file without target or categorical (written before they were recorded) still predicts")
    func oldModelFile() throws {
        let dir = try temporaryDirectory()
        let model = dir.appendingPathComponent("old.json").path
        try "{\"model\":\"ridge\",\"alpha\":1.0,\"intercept\":0.5,\"features\":[\"wt\",\"hp\"],\"coefficients\":[2.0,-0.25]}"
            .write(toFile: model, atomically: true, encoding: .utf8)
        let out = try Self.output(["predict", "--model", model, Self.export("mtcars_clean.csv")])
        let first = try #require(out.split(separator: "\n").dropFirst().first)
        #expect(Double(first) == 0.5 + 2.0 * 2.62 - 0.25 * 110)
    }

    @Test("the target defaults to the last column: said once on standard error, named in the JSON; never before an error")
    func targetNote() throws {
        let r = try CLIProcess.run(["fit", "--model", "ridge", "--alpha", "1", Self.export("mtcars_clean.csv")])
        #expect(r.status == 0)
        #expect(r.stderr == "ridgelasso: note: the target is the last column, \"carb\" (name another with --target)\n")
        #expect(try jsonObject(r.stdout)["target"] as? String == "carb")
        // A failing run prints only its error line.
        _ = try CLIProcess.expectFailure(["fit", "--model", "ridge", "--alpha", "1", Self.export("iris.csv")], status: 1)
    }
}

/// Every new bad input: one line on standard error, nothing on standard output, a non-zero status.
@Suite("ridgelasso: bad CSV exports and column options")
struct ExportedCSVBadInputTests {
    static func export(_ name: String) -> String { Fixture.path("exports/\(name)") }
    static let fit = ["fit", "--model", "ridge", "--alpha", "1"]

    @Test("text, missing and unknown-level cells name the cell and the option that handles them")
    func cells() throws {
        let iris = Self.export("iris.csv"), air = Self.export("airquality.csv")
        #expect(try CLIProcess.expectFailure(Self.fit + ["--target", "Sepal.Length", iris], status: 1)
            == "ridgelasso: error: \(iris): line 2 (row 1), column 6 \"Species\": \"setosa\" is not a number; "
            + "drop the column with --drop \"Species\" or one-hot encode it with --categorical \"Species\"")
        #expect(try CLIProcess.expectFailure(Self.fit + ["--target", "Species", iris], status: 1)
            == "ridgelasso: error: \(iris): line 2 (row 1), column 6 \"Species\": \"setosa\" is not a number (the target must be numeric)")
        #expect(try CLIProcess.expectFailure(Self.fit + ["--target", "Ozone", air], status: 1)
            == "ridgelasso: error: \(air): line 6 (row 5), column 2 \"Ozone\": missing value (\"NA\"); "
            + "--na omit leaves out the rows with missing values")
        let pandas = Self.export("airquality_pandas.csv")
        #expect(try CLIProcess.expectFailure(Self.fit + ["--target", "Ozone", pandas], status: 1)
            == "ridgelasso: error: \(pandas): line 6 (row 5), column 2 \"Ozone\": missing value (empty cell); "
            + "--na omit leaves out the rows with missing values")
        let dir = try temporaryDirectory()
        let allMissing = dir.appendingPathComponent("all_missing.csv").path
        try "a,y\nNA,1\n2,NA\n".write(toFile: allMissing, atomically: true, encoding: .utf8)
        #expect(try CLIProcess.expectFailure(Self.fit + ["--na", "omit", "--target", "y", allMissing], status: 1)
            == "ridgelasso: error: \(allMissing): every one of the 2 data rows has a missing value, so none is left")
        // predict: a level the model has not seen.
        let model = dir.appendingPathComponent("iris.json").path
        let r = try CLIProcess.run(Self.fit + ["--target", "Sepal.Length", "--categorical", "Species", "--output", model, iris])
        #expect(r.status == 0, "\(r.stderr)")
        let unknown = Self.export("iris_unknown.csv")
        #expect(try CLIProcess.expectFailure(["predict", "--model", model, unknown], status: 1)
            == "ridgelasso: error: \(unknown): line 3 (row 2), column 6 \"Species\": level \"unknown\" is not one of "
            + "the model's levels (\"setosa\", \"versicolor\", \"virginica\")")
        let noSpecies = dir.appendingPathComponent("no_species.csv").path
        try "Sepal.Width,Petal.Length,Petal.Width\n3,1,0.2\n".write(toFile: noSpecies, atomically: true, encoding: .utf8)
        #expect(try CLIProcess.expectFailure(["predict", "--model", model, noSpecies], status: 1)
            == "ridgelasso: error: \(noSpecies): no column \"Species\", a categorical column of the model in \(model)")
        // A model file whose encoding does not match its features.
        let broken = dir.appendingPathComponent("broken.json").path
        try "{\"intercept\":1,\"features\":[\"s=a\"],\"coefficients\":[1],\"categorical\":[{\"column\":\"s\",\"levels\":[\"a\",\"b\"]}]}"
            .write(toFile: broken, atomically: true, encoding: .utf8)
        #expect(try CLIProcess.expectFailure(["predict", "--model", broken, noSpecies], status: 1)
            == "ridgelasso: error: \(broken): the encoding of column \"s\" does not match the model's features")
    }

    @Test("an identifier column is not a category; predict --na omit needs row ids beside its lines")
    func identifiersAndOmittedPredictions() throws {
        let dir = try temporaryDirectory()
        let ids = dir.appendingPathComponent("ids.csv").path
        var text = "id,x,y\n"
        for i in 0..<1001 { text += "row\(i),\(i % 7),\(i % 5)\n" }
        try text.write(toFile: ids, atomically: true, encoding: .utf8)
        #expect(try CLIProcess.expectFailure(Self.fit + ["--target", "y", "--categorical", "auto", ids], status: 1)
            == "ridgelasso: error: \(ids): column \"id\" has 1001 distinct values, more than the 1000 levels "
            + "a categorical column may have; --drop it if it is an identifier")
        let model = dir.appendingPathComponent("m.json").path
        #expect(try CLIProcess.run(Self.fit + ["--target", "y", "--drop", "id", "--output", model, ids]).status == 0)
        let holes = dir.appendingPathComponent("holes.csv").path
        try "id,x\na,1\nb,NA\nc,3\n".write(toFile: holes, atomically: true, encoding: .utf8)
        #expect(try CLIProcess.expectFailure(["predict", "--model", model, "--na", "omit", holes], status: 2)
            == "ridgelasso: error: predict --na omit leaves rows out, so each prediction needs its row's id: "
            + "use a row-name column or --keep COL")
        let kept = try CLIProcess.run(["predict", "--model", model, "--na", "omit", "--keep", "id", holes])
        #expect(kept.status == 0, "\(kept.stderr)")
        #expect(kept.stdout.split(separator: "\n").map { $0.split(separator: ",").first.map(String.init) ?? "" }
            == ["id", "a", "c"])
    }

    @Test("column options: unknown names, conflicting roles")
    func columns() throws {
        let f = Self.export("mtcars_clean.csv")
        let columns = "(columns: \"mpg\", \"cyl\", \"disp\", \"hp\", \"drat\", \"wt\", \"qsec\", \"vs\", \"am\", \"gear\", … (11 columns))"
        for option in ["--drop", "--features", "--categorical"] {
            #expect(try CLIProcess.expectFailure(Self.fit + ["--target", "mpg", option, "wt,nope", f], status: 1)
                == "ridgelasso: error: \(f): no column named \"nope\" for \(option) \(columns)")
        }
        let model = try temporaryDirectory().appendingPathComponent("m.json").path
        #expect(try CLIProcess.run(Self.fit + ["--target", "mpg", "--output", model, f]).status == 0)
        #expect(try CLIProcess.expectFailure(["predict", "--model", model, "--keep", "nope", f], status: 1)
            == "ridgelasso: error: \(f): no column named \"nope\" for --keep \(columns)")
        #expect(try CLIProcess.expectFailure(Self.fit + ["--target", "mpg", "--drop", "wt", "--features", "wt", f], status: 1)
            == "ridgelasso: error: \(f): column \"wt\" is given to both --features and --drop")
        #expect(try CLIProcess.expectFailure(Self.fit + ["--target", "mpg", "--drop", "mpg", f], status: 1)
            == "ridgelasso: error: \(f): column \"mpg\" is given to both --target and --drop")
        #expect(try CLIProcess.expectFailure(Self.fit + ["--features", "wt,carb", f], status: 1)
            == "ridgelasso: error: \(f): column \"carb\" is the target and cannot also be a feature "
            + "(the target is the last column unless --target names another)")
        #expect(try CLIProcess.expectFailure(Self.fit + ["--target", "mpg", "--categorical", "mpg", f], status: 1)
            == "ridgelasso: error: \(f): column \"mpg\" given to --categorical is not a feature (the target and the weights must be numeric)")
        #expect(try CLIProcess.expectFailure(Self.fit + ["--drop", "mpg,cyl,disp,hp,drat,wt,qsec,vs,am,gear,carb", f], status: 1)
            == "ridgelasso: error: \(f): --drop leaves no column (the file has only \"mpg\", \"cyl\", \"disp\", \"hp\", \"drat\", \"wt\", \"qsec\", \"vs\", \"am\", \"gear\", … (11 columns))")
    }

    @Test("reading options: bad values and a decimal comma with a comma separator are usage errors (status 2)")
    func readingOptions() throws {
        let f = Self.export("mtcars_clean.csv")
        #expect(try CLIProcess.expectFailure(Self.fit + ["--delimiter", ",", "--decimal", ",", f], status: 2)
            == "ridgelasso: error: --decimal , needs another separator than the comma (--delimiter ';' or tab)")
        #expect(try CLIProcess.expectFailure(Self.fit + ["--delimiter", "|", f], status: 2)
            .hasPrefix("ridgelasso: error: The value '|' is invalid for '--delimiter <sep>'"))
        #expect(try CLIProcess.expectFailure(Self.fit + ["--na", "skip", f], status: 2)
            .hasPrefix("ridgelasso: error: The value 'skip' is invalid for '--na <policy>'"))
        // write.csv2 read with --decimal . : the decimal comma is reported as text, not misread.
        let csv2 = Self.export("mtcars_csv2.csv")
        #expect(try CLIProcess.expectFailure(Self.fit + ["--target", "mpg", "--decimal", ".", csv2], status: 1)
            == "ridgelasso: error: \(csv2): line 2 (row 1), column 6 \"drat\": \"3,9\" is not a number; "
            + "drop the column with --drop \"drat\" or one-hot encode it with --categorical \"drat\"")
        // A ragged row in a ';' file counts its fields with that separator.
        let ragged = try temporaryDirectory().appendingPathComponent("ragged.csv").path
        try "a;b;y\n1;2;3\n1;2\n".write(toFile: ragged, atomically: true, encoding: .utf8)
        #expect(try CLIProcess.expectFailure(Self.fit + ["--target", "y", ragged], status: 1)
            == "ridgelasso: error: \(ragged): line 3 (row 2): 2 fields, but the header has 3")
    }
}

/// `stats` streams the same exports with the same rules: its statistics fit what `fit` fits.
@Suite("ridgelasso stats on real CSV exports")
struct ExportedCSVStatsTests {
    static func export(_ name: String) -> String { Fixture.path("exports/\(name)") }

    /// Writes the statistics of `arguments` (a CSV file and options) and fits ridge from them.
    static func fitFromStats(_ arguments: [String]) throws -> [String: Any] {
        let out = try temporaryDirectory().appendingPathComponent("s.rlstats").path
        let s = try CLIProcess.run(["stats", "--block-bytes", "300", "--output", out] + arguments)
        #expect(s.status == 0, "\(arguments): \(s.stderr)")
        let r = try CLIProcess.run(["fit", "--model", "ridge", "--alpha", "1", "--stats", out])
        #expect(r.status == 0, "\(r.stderr)")
        return try jsonObject(r.stdout)
    }

    @Test("row names, ';' with decimal commas, NA left out, --drop and --features, in small blocks")
    func statsOnExports() throws {
        let cases: [(exported: [String], clean: [String])] = [
            (["--target", "mpg", Self.export("mtcars.csv")], ["--target", "mpg", Self.export("mtcars_clean.csv")]),
            (["--target", "mpg", Self.export("mtcars_csv2.csv")], ["--target", "mpg", Self.export("mtcars_clean.csv")]),
            (["--target", "Ozone", "--na", "omit", Self.export("airquality.csv")],
             ["--target", "Ozone", Self.export("airquality_clean.csv")]),
            (["--target", "Temp", "--drop", "Ozone,Solar.R", "--features", "Wind,Day", Self.export("airquality_pandas.csv")],
             ["--target", "Temp", "--features", "Wind", "--features", "Day", Self.export("airquality.csv")]),
        ]
        for (exported, clean) in cases {
            let a = try Self.fitFromStats(exported), b = try Self.fitFromStats(clean)
            #expect(a["features"] as? [String] == b["features"] as? [String])
            let (wa, wb) = (a["coefficients"] as? [Double] ?? [], b["coefficients"] as? [Double] ?? [])
            #expect(wa.count == wb.count && !wa.isEmpty)
            // Blocks are summed in another order than a whole file's rows would be: equal to rounding.
            for (x, y) in zip(wa, wb) { #expect(abs(x - y) <= 1e-10 * max(1, abs(y)), "\(exported): \(wa) vs \(wb)") }
        }
        // Without --na omit, the first missing value is named, with the whole input's line and row.
        let air = Self.export("airquality.csv")
        let out = try temporaryDirectory().appendingPathComponent("x.rlstats").path
        #expect(try CLIProcess.expectFailure(["stats", "--block-bytes", "100", "--target", "Ozone", "--output", out, air], status: 1)
            == "ridgelasso: error: \(air): line 6 (row 5), column 2 \"Ozone\": missing value (\"NA\"); "
            + "--na omit leaves out the rows with missing values")
    }
}
