import Foundation
import Testing

/// Absurd sizes in flags and files: a one-line error naming the limit, before any large allocation.
@Suite struct InputLimitTests {
    static let orthogonal = Fixture.path("orthogonal.csv")

    @Test func foldsBeyondTheLimitAreAUsageError() throws {
        for model in ["ridge", "lasso"] {
            #expect(try CLIProcess.expectFailure(["cv", "--model", model, "--folds", "1000000000", Self.orthogonal], status: 2)
                == "ridgelasso: error: --folds must be ≤ 100000 (got 1000000000); for leave-one-out ridge, omit --folds")
        }
    }

    @Test func tooManyAlphasAreAUsageError() throws {
        let list = Array(repeating: "0.5", count: 10_001).joined(separator: ",")
        #expect(try CLIProcess.expectFailure(["path", "--model", "lasso", "--alphas", list, Self.orthogonal], status: 2)
            == "ridgelasso: error: --alphas has 10001 values, more than the limit of 10000")
    }

    @Test func aHugeRowIsOneLine() throws {
        let directory = try temporaryDirectory()
        let path = directory.appendingPathComponent("huge.csv").path
        #expect(FileManager.default.createFile(atPath: path, contents: Data("x,y\n".utf8)))
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.truncate(atOffset: 1_000_000_004)   // sparse: a 10⁹-byte second line
        try handle.close()
        #expect(try CLIProcess.expectFailure(["fit", "--model", "ridge", "--alpha", "1", path], status: 1)
            == "ridgelasso: error: \(path): line 2: longer than the limit of 67108864 bytes per line")
    }

    @Test func aHugeModelFileIsRefusedUnread() throws {
        let directory = try temporaryDirectory()
        let model = directory.appendingPathComponent("model.json").path
        #expect(FileManager.default.createFile(atPath: model, contents: nil))
        let handle = try #require(FileHandle(forWritingAtPath: model))
        try handle.truncate(atOffset: 300 << 20)
        try handle.close()
        #expect(try CLIProcess.expectFailure(["predict", "--model", model, Self.orthogonal], status: 1)
            == "ridgelasso: error: \(model): the model file has 314572800 bytes, more than the limit of 268435456")
    }
}
