// swift-tools-version:6.0
// RidgeLasso: exact ridge through BLAS/LAPACK, lasso and elastic net by coordinate descent.
//
// Layers (each arrow points down only):
//   ridgelasso (CLI), RidgeLassoBenchmark  →  RidgeLasso, RidgeLassoCSV (+ RidgeLassoPlots)
//                                          →  LinearAlgebra  →  CLAPACK
import PackageDescription

let package = Package(
    name: "RidgeLasso",
    products: [
        .library(name: "RidgeLasso", targets: ["RidgeLasso"]),
        .library(name: "LinearAlgebra", targets: ["LinearAlgebra"]),
        .library(name: "RidgeLassoCSV", targets: ["RidgeLassoCSV"]),
        .executable(name: "ridgelasso", targets: ["RidgeLassoCLI"]),
        .executable(name: "ridgelasso-benchmark", targets: ["RidgeLassoBenchmark"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // `make docs`: swift package generate-documentation (a plugin only; nothing links it).
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.4.0"),
    ],
    targets: [
        // Debian's libblas-dev + liblapack-dev; no Swift code.
        .systemLibrary(
            name: "CLAPACK",
            path: "Sources/CLAPACK",
            providers: [.apt(["libblas-dev", "liblapack-dev"])]
        ),
        // Matrix, BLAS/LAPACK calls, LAPACKError: the only importer of CLAPACK.
        .target(name: "LinearAlgebra", dependencies: ["CLAPACK"]),
        // The models users call: exact ridge, coordinate descent, gradient baselines, selection.
        .target(name: "RidgeLasso", dependencies: ["LinearAlgebra"]),
        // Numeric CSV files read into a Matrix (used by the CLI and the benchmark, not the models).
        .target(name: "RidgeLassoCSV", dependencies: ["LinearAlgebra"]),
        // A small SVG writer shared by the CLI and the benchmark.
        .target(name: "RidgeLassoPlots"),
        // The `ridgelasso` command line.
        .executableTarget(
            name: "RidgeLassoCLI",
            dependencies: [
                "RidgeLasso", "RidgeLassoCSV", "RidgeLassoPlots",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The benchmark: problems, runners and reports (a library, so a test can run it small).
        .target(
            name: "BenchmarkSuite",
            dependencies: [
                "RidgeLasso", "RidgeLassoCSV", "LinearAlgebra", "RidgeLassoPlots", "_TestSupport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Benchmarks/BenchmarkSuite"
        ),
        .executableTarget(
            name: "RidgeLassoBenchmark",
            dependencies: ["BenchmarkSuite", "LinearAlgebra"],
            path: "Benchmarks/RidgeLassoBenchmark"
        ),

        // MARK: - Implementation details

        // Seeded draws, problem builders and the diabetes data, stored once and shared by every
        // test target and the benchmark (not a product).
        .target(
            name: "_TestSupport",
            dependencies: ["RidgeLasso", "LinearAlgebra"],
            path: "Tests/_TestSupport",
            resources: [.copy("Data/diabetes.csv")]
        ),

        // MARK: - Tests

        .testTarget(name: "LinearAlgebraTests", dependencies: ["LinearAlgebra", "RidgeLasso", "_TestSupport"]),
        .testTarget(
            name: "RidgeLassoTests",
            dependencies: ["RidgeLasso", "LinearAlgebra", "_TestSupport"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "RidgeLassoCSVTests", dependencies: ["RidgeLassoCSV", "RidgeLasso", "LinearAlgebra", "_TestSupport"]),
        .testTarget(
            name: "CLITests",
            dependencies: ["RidgeLassoCLI", "RidgeLassoPlots", "RidgeLasso", "RidgeLassoCSV", "LinearAlgebra", "_TestSupport"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "BenchmarkSuiteTests", dependencies: ["BenchmarkSuite"]),
        .testTarget(name: "RidgeLassoPlotsTests", dependencies: ["RidgeLassoPlots"]),
    ]
)
