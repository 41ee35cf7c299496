import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing
import RidgeLassoPlots

/// ``AtomicFile``: the target holds either its old bytes or all the new ones, never a fragment,
/// and no temporary file outlives a call. Failures the system will not produce on demand (tests
/// run as root, where permissions do not deny) are injected through ``AtomicFile/Fault``.
@Suite(.serialized) struct AtomicFileTests {
    /// A fresh directory holding `old.txt` (mode 0640, "old contents\n").
    private func directoryWithOldFile() throws -> (directory: String, file: String) {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("atomicfile-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let file = directory + "/old.txt"
        try AtomicFile.write("old contents\n", to: file)
        #expect(chmod(file, 0o640) == 0)
        return (directory, file)
    }

    private func mode(_ path: String) -> mode_t {
        var s = stat()
        return stat(path, &s) == 0 ? s.st_mode & 0o7777 : 0
    }

    private func contents(_ path: String) -> String? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    private func entries(_ directory: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
    }

    @Test func replacesTheFileAndKeepsItsMode() throws {
        let (directory, file) = try directoryWithOldFile()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let big = String(repeating: "0123456789abcdef\n", count: 100_000)   // 1.7 MB: several writes
        try AtomicFile.write(big, to: file)
        #expect(contents(file) == big)
        #expect(mode(file) == 0o640)
        #expect(try entries(directory) == ["old.txt"])
        #expect(!TemporaryFiles.registered.contains { $0.hasPrefix(directory) })
    }

    @Test func aNewFileGetsTheUmaskMode() throws {
        let (directory, _) = try directoryWithOldFile()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let old = umask(0o027)
        defer { umask(old) }
        try AtomicFile.write([1, 2, 3], to: directory + "/new.bin")
        #expect(mode(directory + "/new.bin") == 0o640)   // 0666 & ~027
        #expect(FileManager.default.contents(atPath: directory + "/new.bin") == Data([1, 2, 3]))
    }

    @Test("an injected failure leaves the old file and no temporary", arguments: AtomicFile.Fault.allCases.filter { $0 != .pauseBeforeRename })
    func injectedFailure(fault: AtomicFile.Fault) throws {
        let (directory, file) = try directoryWithOldFile()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let new = String(repeating: "new contents that must not appear\n", count: 1000)
        #expect {
            try AtomicFile.write(new, to: file, fault: fault)
        } throws: { error in
            guard let e = error as? AtomicFileError else { return false }
            let expected: (AtomicFileError.Step, Int32) = switch fault {
            case .write: (.write, ENOSPC)
            case .fsync: (.sync, EIO)
            case .rename: (.rename, EIO)
            case .pauseBeforeRename: (.open, 0)
            }
            return e.path == file && e.step == expected.0 && e.code == expected.1 && !e.description.isEmpty
        }
        #expect(contents(file) == "old contents\n")
        #expect(mode(file) == 0o640)
        #expect(try entries(directory) == ["old.txt"])
        #expect(!TemporaryFiles.registered.contains { $0.hasPrefix(directory) })
    }

    @Test func aFailureOnANewPathCreatesNothing() throws {
        let (directory, _) = try directoryWithOldFile()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        #expect(throws: AtomicFileError.self) { try AtomicFile.write("x", to: directory + "/new.txt", fault: .write) }
        #expect(try entries(directory) == ["old.txt"])
    }

    @Test func aParentThatIsARegularFileIsNotADirectory() throws {
        let (directory, file) = try directoryWithOldFile()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        #expect {
            try AtomicFile.write("x", to: file + "/child.txt")
        } throws: { error in
            (error as? AtomicFileError).map { $0.step == .createTemporary && $0.code == ENOTDIR } ?? false
        }
        #expect(contents(file) == "old contents\n")
        #expect(try entries(directory) == ["old.txt"])
    }

    @Test func aReadOnlyDirectoryKeepsTheOldFile() throws {
        let (directory, file) = try directoryWithOldFile()
        defer {
            chmod(directory, 0o755)
            try? FileManager.default.removeItem(atPath: directory)
        }
        #expect(chmod(directory, 0o555) == 0)
        let result = Result { () throws(AtomicFileError) in try AtomicFile.write("new\n", to: file) }
        if geteuid() == 0 {
            // Root writes into a read-only directory anyway: the replacement must then be whole.
            #expect(contents(file) == "new\n")
        } else {
            #expect(throws: AtomicFileError.self) { try result.get() }
            #expect((try? result.get()) == nil && contents(file) == "old contents\n")
            if case .failure(let e) = result { #expect(e.step == .createTemporary && e.code == EACCES) }
        }
        #expect(try entries(directory) == ["old.txt"])
    }

    @Test func aMissingDirectoryIsReported() throws {
        #expect {
            try AtomicFile.write("x", to: "/nonexistent-\(UUID().uuidString)/f.txt")
        } throws: { error in
            (error as? AtomicFileError)?.description == "No such file or directory"
        }
    }

    @Test func aDirectoryIsNotReplaced() throws {
        let (directory, _) = try directoryWithOldFile()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        #expect {
            try AtomicFile.write("x", to: directory)
        } throws: { error in
            (error as? AtomicFileError)?.code == EISDIR
        }
        #expect(try entries(directory) == ["old.txt"])
    }

    @Test func aFullDeviceIsWrittenInPlaceAndFails() throws {
        guard FileManager.default.fileExists(atPath: "/dev/full") else { return }
        #expect {
            try AtomicFile.write("x", to: "/dev/full")
        } throws: { error in
            (error as? AtomicFileError).map { $0.step == .write && $0.code == ENOSPC } ?? false
        }
        var s = stat()
        #expect(stat("/dev/full", &s) == 0 && s.st_mode & S_IFMT == S_IFCHR)
    }

    @Test func devNullStaysADevice() throws {
        try AtomicFile.write("discarded", to: "/dev/null")
        var s = stat()
        #expect(stat("/dev/null", &s) == 0 && s.st_mode & S_IFMT == S_IFCHR)
    }

    @Test func aSymbolicLinkIsFollowedAndKept() throws {
        let (directory, file) = try directoryWithOldFile()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let link = directory + "/link.txt"
        #expect(symlink("old.txt", link) == 0)
        try AtomicFile.write("through the link\n", to: link)
        #expect(contents(file) == "through the link\n")
        var s = stat()
        #expect(lstat(link, &s) == 0 && s.st_mode & S_IFMT == S_IFLNK)
        #expect(try entries(directory) == ["link.txt", "old.txt"])
    }

    @Test func registeredTemporariesAreForgotten() {
        let slot = TemporaryFiles.register("/tmp/some-temporary")
        #expect(slot != nil)
        #expect(TemporaryFiles.registered.contains("/tmp/some-temporary"))
        TemporaryFiles.unregister(slot)
        #expect(!TemporaryFiles.registered.contains("/tmp/some-temporary"))
    }
}
