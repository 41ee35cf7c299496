// ridgelasso-benchmark: exact ridge and coordinate descent against gradient methods (default),
// plus the ridge-solver, lasso-comparison, selection and CSV timings (--task).
// Tables on stdout, progress on stderr, JSON and SVG plots with --output DIR. See --help.
import BenchmarkSuite
import Foundation
import LinearAlgebra

// Before anything else: on a CPU its OpenBLAS does not know, start once more with the best
// kernels known to be correct (BLASLibrary; RIDGELASSO_KERNELS=detected turns it off).
BLASLibrary.reexecuteWithBetterKernelsIfNeeded()

func standardError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}

BenchmarkRunner.removeTemporariesOnSignal()
let options: BenchmarkOptions
do {
    options = try BenchmarkOptions.parse(Array(CommandLine.arguments.dropFirst()))
} catch {
    standardError("ridgelasso-benchmark: \(error.message)")
    exit(2)
}
if options.help {
    print(BenchmarkOptions.usage)
    exit(0)
}
let start = Date()
let progress: @Sendable (String) -> Void = { line in
    standardError(String(format: "[%6.1f s] ", Date().timeIntervalSince(start)) + line)
}
do {
    for task in options.tasks {
        if task == .gradient {
            let results = try BenchmarkRunner(options: options, progress: progress).run()
            print(ReportTable.render(results), terminator: "")
            if let directory = options.outputDirectory {
                let files = try BenchmarkRunner.write(results, to: directory)
                standardError("wrote \(files.joined(separator: ", ")) to \(directory)")
            }
        } else {
            print(try task.runReport(options: options, progress: progress), terminator: "")
        }
    }
    standardError(String(format: "total %.1f s", Date().timeIntervalSince(start)))
} catch {
    standardError("ridgelasso-benchmark: \(error)")
    exit(1)
}
