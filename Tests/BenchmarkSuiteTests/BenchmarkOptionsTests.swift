import Testing
@testable import BenchmarkSuite

@Suite struct BenchmarkOptionsTests {
    @Test func parsesEveryOption() throws {
        let o = try BenchmarkOptions.parse(["--quick", "--data", "my.csv", "--output", "out", "--budget", "2.5",
                                            "--repeats", "7", "--ridge-alpha", "3", "--lasso-alpha", "0.1",
                                            "--lasso-tolerance", "1e-3"])
        #expect(o.scale == .quick)
        #expect(o.dataFile == "my.csv" && o.outputDirectory == "out")
        #expect(o.budgetSeconds == 2.5 && o.repeats == 7 && o.ridgeAlpha == 3 && o.lassoAlpha == 0.1)
        #expect(o.lassoTolerance == 1e-3)
        #expect(try BenchmarkOptions.parse([]).lassoTolerance == nil)
        #expect(try BenchmarkOptions.parse([]).scale == .full)
        #expect(try BenchmarkOptions.parse(["-h"]).help)
    }

    @Test func rejectsUnknownOptionsAndBadValues() {
        #expect(throws: BenchmarkOptions.ParseError(message: "unknown option '--fast' (see --help)")) {
            try BenchmarkOptions.parse(["--fast"])
        }
        #expect(throws: BenchmarkOptions.ParseError(message: "--data needs a value")) { try BenchmarkOptions.parse(["--data"]) }
        #expect(throws: BenchmarkOptions.ParseError(message: "--budget needs a positive number, got '-1'")) {
            try BenchmarkOptions.parse(["--budget", "-1"])
        }
        #expect(throws: BenchmarkOptions.ParseError.self) { try BenchmarkOptions.parse(["--repeats", "0"]) }
        #expect(throws: BenchmarkOptions.ParseError(message: "--lasso-tolerance needs a positive number, got '0'")) {
            try BenchmarkOptions.parse(["--lasso-tolerance", "0"])
        }
        #expect(throws: BenchmarkOptions.ParseError.self) { try BenchmarkOptions.parse(["--budget", "nan"]) }
    }

    @Test func usageMentionsEveryOption() {
        for option in ["--quick", "--data", "--output", "--budget", "--repeats", "--ridge-alpha", "--lasso-alpha", "--lasso-tolerance"] {
            #expect(BenchmarkOptions.usage.contains(option))
        }
    }
}

@Suite struct BenchmarkTaskTests {
    @Test func tasksParse() throws {
        #expect(try BenchmarkOptions.parse([]).tasks == [.gradient])
        #expect(try BenchmarkOptions.parse(["--task", "ridge-solvers", "--task", "selection", "--task", "selection"]).tasks
                == [.ridgeSolvers, .selection])
        #expect(throws: BenchmarkOptions.ParseError.self) { try BenchmarkOptions.parse(["--task", "everything"]) }
        for task in BenchmarkTask.allCases { #expect(BenchmarkOptions.usage.contains(task.rawValue)) }
    }

    /// The extra tasks run at tiny sizes (the code the other benchmark files provide stays wired).
    @Test func ridgeSolverTaskRunsTiny() throws {
        var options = BenchmarkOptions()
        options.scale = .tiny
        let report = try BenchmarkTask.ridgeSolvers.runReport(options: options, progress: { _ in })
        #expect(report.contains("cholesky"))
    }

    @Test func lassoCompareNeedsAnOutputDirectory() {
        var options = BenchmarkOptions()
        options.scale = .tiny
        #expect(throws: BenchmarkOptions.ParseError(message: "--task lasso-compare needs --output DIR")) {
            try BenchmarkTask.lassoCompare.runReport(options: options, progress: { _ in })
        }
    }
}
