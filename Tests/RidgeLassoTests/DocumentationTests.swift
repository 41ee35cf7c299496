import Foundation
import Testing

/// Every public or open declaration under Sources/ carries a doc comment (`///` or `/** … */`,
/// attributes in between allowed), so the DocC catalog and Quick Help describe every entry point.
@Suite("Documentation")
struct DocumentationTests {
    /// The repository's Sources/, found from this file's path.
    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources")

    /// Folders not checked yet, each with its reason. Remove an entry once its folder passes.
    static let notYetChecked: [String: String] = [:]

    /// Members whose documentation comes from the protocol they implement.
    static let protocolRequirements = [
        "var description", "var debugDescription", "var errorDescription", "func hash(into",
        "static func ==", "static func <", "func encode(to", "init(from decoder", "func next()",
        "init?(argument", "func makeIterator",
    ]

    /// A line that declares something public or open (not an import or an extension).
    static func isPublicDeclaration(_ line: String) -> Bool {
        var words = line.trimmingCharacters(in: .whitespaces).split(separator: " ").map(String.init)
        while let first = words.first, first.hasPrefix("@") { words.removeFirst() }
        let modifiers: Set<String> = ["final", "static", "nonisolated", "override", "mutating", "convenience",
                                      "required", "indirect", "lazy"]
        while let first = words.first, modifiers.contains(first) { words.removeFirst() }
        guard let access = words.first, access == "public" || access == "open" || access.hasPrefix("public(") else {
            return false
        }
        return words.count > 1 && words[1] != "import" && words[1] != "extension"
    }

    /// The declarations of one file that have no doc comment, as "path:line: text".
    static func undocumented(in file: URL, relativePath: String) throws -> [String] {
        let lines = try String(contentsOf: file, encoding: .utf8).components(separatedBy: "\n")
        var missing: [String] = []
        for (i, line) in lines.enumerated() where isPublicDeclaration(line) {
            if protocolRequirements.contains(where: { line.contains($0) }) { continue }
            var k = i - 1
            while k >= 0, lines[k].trimmingCharacters(in: .whitespaces).hasPrefix("@") { k -= 1 }
            let previous = k >= 0 ? lines[k].trimmingCharacters(in: .whitespaces) : ""
            if previous.hasPrefix("///") || previous.hasSuffix("*/") { continue }
            missing.append("\(relativePath):\(i + 1): \(line.trimmingCharacters(in: .whitespaces))")
        }
        return missing
    }

    @Test("every public declaration under Sources/ has a doc comment")
    func everyPublicSymbolIsDocumented() throws {
        let files = try #require(FileManager.default.enumerator(at: Self.sources, includingPropertiesForKeys: nil))
        var checked = 0
        var missing: [String] = []
        for case let file as URL in files where file.pathExtension == "swift" {
            let relative = String(file.path.dropFirst(Self.sources.path.count + 1))
            if Self.notYetChecked.keys.contains(where: { relative.hasPrefix($0 + "/") }) { continue }
            checked += 1
            missing += try Self.undocumented(in: file, relativePath: relative)
        }
        #expect(checked > 50, "Sources/ was not found at \(Self.sources.path)")
        #expect(missing.isEmpty, "public declarations without a doc comment:\n\(missing.joined(separator: "\n"))")
    }

    @Test("the scan recognizes declarations and doc comments")
    func scanRecognizesDeclarations() throws {
        #expect(Self.isPublicDeclaration("    public var x: Int"))
        #expect(Self.isPublicDeclaration("    @inlinable public static func f() {}"))
        #expect(Self.isPublicDeclaration("    public private(set) var series: [Series] = []"))
        #expect(Self.isPublicDeclaration("open class C {}"))
        #expect(!Self.isPublicDeclaration("public import Foundation"))
        #expect(!Self.isPublicDeclaration("public extension Matrix {"))
        #expect(!Self.isPublicDeclaration("    var x: Int"))
        #expect(!Self.isPublicDeclaration("    /// public var x: Int"))

        let file = FileManager.default.temporaryDirectory.appendingPathComponent("DocumentationTests-\(UUID().uuidString).swift")
        defer { try? FileManager.default.removeItem(at: file) }
        let text = """
            /// Documented.
            public struct A {
                public var undocumented: Int
                /// Documented, behind an attribute.
                @inlinable
                public func f() {}
                /** Block comment. */
                public init() {}
                public var description: String { "" }
            }
            """
        try text.write(to: file, atomically: true, encoding: .utf8)
        #expect(try Self.undocumented(in: file, relativePath: "A.swift") == ["A.swift:3: public var undocumented: Int"])
    }
}
