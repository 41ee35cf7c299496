import BenchmarkSuite
import LinearAlgebra
import Testing

@Suite("blas-kernels task")
struct KernelTimingTests {
    @Test("the quick rows run, name their sizes and the BLAS, and print one script line each")
    func quickRows() throws {
        let report = try measureKernelRows(repeats: 1, quick: true)
        #expect(report.rows.map(\.name) == [
            "dgemm 200²", "dsyrk Gram 10000×50", "ridge 10000×50",
            "lasso path 10000×20", "lasso fit 500×50", "lasso path 100×1000",
        ])
        #expect(report.rows.allSatisfy { $0.seconds > 0 && $0.seconds.isFinite })
        #expect(report.rows[0].gflops != nil && report.rows[2].gflops == nil)
        #expect(report.blas == BLASLibrary.current.summary)
        let scriptLines = report.description.split(separator: "\n").filter { $0.hasPrefix("row\t") }
        #expect(scriptLines.count == 6)
        #expect(try BenchmarkOptions.parse(["--task", "blas-kernels"]).tasks == [.blasKernels])
    }
}
