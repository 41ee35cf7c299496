import Foundation
import Testing

/// The README's command-line example, run exactly as printed from the repository root.
@Suite("README command line")
struct ReadmeCommandTests {
    @Test("the README's CLI example runs from the repository root and fits the diabetes data")
    func readmeCommand() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        let start = try #require(readme.range(of: "## Command line"))
        let lines = readme[start.upperBound...].split(separator: "\n").map(String.init)
        let open = try #require(lines.firstIndex(of: "```sh"))
        let command = lines[open + 1].split(separator: " ").map(String.init)
        // `swift run -c release ridgelasso ARGS…`: the built executable takes ARGS.
        let program = try #require(command.firstIndex(of: "ridgelasso"))
        #expect(Array(command[..<program]) == ["swift", "run", "-c", "release"])
        let arguments = Array(command[(program + 1)...])
        let csv = try #require(arguments.last)
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent(csv).path))

        let result = try CLIProcess.run(arguments, in: root)
        #expect(result.status == 0 && result.stderr.isEmpty)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(json["model"] as? String == "lasso" && json["converged"] as? Bool == true)
        #expect((json["features"] as? [String])?.count == 10)
    }
}
