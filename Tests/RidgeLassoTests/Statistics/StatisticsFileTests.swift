import Foundation
import LinearAlgebra
@testable import RidgeLasso
import Testing

/// The `.rlstats` format: CRC-32, round trips, and one clear error for every kind of damage.
@Suite("StatisticsFile")
struct StatisticsFileTests {
    typealias P = StatisticsProblems

    static func small(weighted: Bool = true) throws -> StatisticsFile {
        let (x, y, w) = P.problem(n: 9, p: 2, k: 1, seed: 2)
        let s = try P.statistics(x, y, weights: weighted ? w : nil, block: 4)
        return StatisticsFile(s, provenance: .init(sources: ["part-0.csv"]))
    }

    @Test("CRC-32 check values: \"123456789\" → 0xCBF43926, empty → 0, and streaming equals one call")
    func crcCheckValue() {
        #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
        #expect(CRC32.checksum([UInt8]()) == 0)
        #expect(CRC32.checksum(Array("The quick brown fox jumps over the lazy dog".utf8)) == 0x414F_A339)
        var crc = CRC32()
        crc.update(Array("1234".utf8))
        crc.update(Array("56789".utf8))
        #expect(crc.value == 0xCBF4_3926)
    }

    @Test("round trip bit for bit, and the documented layout (numpy's offset and count)")
    func roundTrip() throws {
        for weighted in [true, false] {
            let file = try Self.small(weighted: weighted)
            let bytes = file.encoded()
            let back = try StatisticsFile(decoding: bytes, source: "t.rlstats")
            #expect(back == file)
            #expect(back.encoded() == bytes)
            let s = file.parts[0], r = back.parts[0]
            #expect(r.comoment.storage.map(\.bitPattern) == s.comoment.storage.map(\.bitPattern))
            #expect((r.shift + r.mean).map(\.bitPattern) == (s.shift + s.mean).map(\.bitPattern))
            // As docs/rlstats.md reads it: h at 12, n at 16, header at 24, float64s at 24 + h.
            let h = Int(bytes[12]) | Int(bytes[13]) << 8 | Int(bytes[14]) << 16 | Int(bytes[15]) << 24
            let n = bytes[16..<24].enumerated().reduce(0) { $0 | Int($1.element) << (8 * $1.offset) }
            #expect((24 + h) % 8 == 0)
            #expect(n == 2 + 4 * 3 + 9)
            #expect(bytes.count == 24 + h + 8 * n + 4)
            let header = try #require(try JSONSerialization.jsonObject(with: Data(bytes[24..<(24 + h)])) as? [String: Any])
            #expect(header["p"] as? Int == 2 && header["k"] as? Int == 1 && header["rows"] as? Int == 9)
            #expect(header["weighted"] as? Bool == weighted && header["folds"] as? Int == 0)
            let first = bytes[(24 + h)..<(32 + h)].enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
            #expect(Double(bitPattern: first) == s.totalWeight)
        }
    }

    @Test("every truncation length gives .truncated")
    func truncations() throws {
        let bytes = try Self.small().encoded()
        for length in 0..<bytes.count {
            do {
                _ = try StatisticsFile(decoding: Array(bytes[0..<length]), source: "cut.rlstats")
                Issue.record("a file cut to \(length) of \(bytes.count) bytes was read")
            } catch {
                guard case .truncated(_, _, let actual) = error, actual == length else {
                    Issue.record("length \(length): \(error)"); continue
                }
            }
        }
    }

    @Test("a flipped byte in the header, the payload or the trailer gives .checksumMismatch")
    func flippedBytes() throws {
        let bytes = try Self.small().encoded()
        for position in 24..<bytes.count {
            var damaged = bytes
            damaged[position] ^= 0x20
            #expect(throws: StatisticsFileError.self) { try StatisticsFile(decoding: damaged, source: "d") }
            do { _ = try StatisticsFile(decoding: damaged, source: "d") } catch {
                guard case .checksumMismatch = error else { Issue.record("byte \(position): \(error)"); continue }
                #expect(error.description.hasPrefix("d: corrupted statistics file"))
            }
        }
    }

    @Test("wrong magic, a newer major version, trailing bytes")
    func foreignFiles() throws {
        let bytes = try Self.small().encoded()
        #expect(throws: StatisticsFileError.notStatisticsFile(source: "a.csv")) {
            try StatisticsFile(decoding: Array("x,y\n1,2\n".utf8), source: "a.csv")
        }
        var magic = bytes
        magic[3] = 0x58
        #expect(throws: StatisticsFileError.notStatisticsFile(source: "m")) { try StatisticsFile(decoding: magic, source: "m") }
        var newer = bytes
        newer[8] = 2
        #expect(throws: StatisticsFileError.unsupportedVersion(source: "v", major: 2, minor: 0, supported: 1)) {
            try StatisticsFile(decoding: newer, source: "v")
        }
        var minor = bytes
        minor[10] = 7   // a newer minor version is read, but this file's checksum no longer matches
        #expect(throws: StatisticsFileError.self) { try StatisticsFile(decoding: minor, source: "v") }
        #expect(throws: StatisticsFileError.malformed(source: "t", reason: "1 unexpected bytes after the checksum")) {
            try StatisticsFile(decoding: bytes + [0], source: "t")
        }
    }

    /// `bytes` with its JSON header replaced by `edit(header)` and the checksum made right again:
    /// a crafted file that only the header's consistency checks can refuse.
    static func rewritingHeader(_ bytes: [UInt8], _ edit: (inout [String: Any]) -> Void) throws -> [UInt8] {
        func read(_ at: Int, _ count: Int) -> Int { (0..<count).reduce(0) { $0 | Int(bytes[at + $1]) << (8 * $1) } }
        let h = read(12, 4), n = read(16, 8)
        var header = try #require(try JSONSerialization.jsonObject(with: Data(bytes[24..<(24 + h)])) as? [String: Any])
        edit(&header)
        let json = Array(try JSONSerialization.data(withJSONObject: header))
        var out = Array(bytes[0..<12])
        out += (0..<4).map { UInt8(truncatingIfNeeded: json.count >> (8 * $0)) }
        out += bytes[16..<24] + json + bytes[(24 + h)..<(24 + h + 8 * n)]
        let crc = CRC32.checksum(out)
        return out + (0..<4).map { UInt8(truncatingIfNeeded: crc >> (8 * UInt32($0))) }
    }

    @Test("row counts that would overflow when summed are refused, not trapped on")
    func overflowingRowCounts() throws {
        let (x, y, _) = P.problem(n: 9, p: 2, k: 1, seed: 2)
        let part = try P.statistics(x, y, weights: nil, block: 4)
        let bytes = try StatisticsFile(folds: [part, part], seed: 1).encoded()
        _ = try StatisticsFile(decoding: try Self.rewritingHeader(bytes) { _ in }, source: "same")  // the rewrite itself is sound
        let crafted = try Self.rewritingHeader(bytes) { header in
            header["rows"] = 1
            header["parts"] = (0..<2).map { _ in ["rows": Int.max, "positive_rows": 0] }
        }
        #expect(throws: StatisticsFileError.malformed(source: "c", reason: "inconsistent row counts")) {
            try StatisticsFile(decoding: crafted, source: "c")
        }
    }

    @Test("file merges refuse other folds, fold seeds, names, targets or weighting")
    func mismatchedMerges() throws {
        let a = try Self.small()
        let (x, y, w) = P.problem(n: 12, p: 2, k: 1, seed: 6)
        let f0 = try P.statistics(x, y, weights: w, block: 5, rows: 0..<6)
        let f1 = try P.statistics(x, y, weights: w, block: 5, rows: 6..<12)
        let folded = try StatisticsFile(folds: [f0, f1], seed: 1)
        let reseeded = try StatisticsFile(folds: [f1, f0], seed: 2)
        let unweighted = try Self.small(weighted: false)
        let renamed = StatisticsFile(try SufficientStatistics(featureNames: ["x1", "x0"], targetNames: ["y0"], weighted: true))
        let retargeted = StatisticsFile(try SufficientStatistics(featureNames: ["x0", "x1"], targetNames: ["z"], weighted: true))
        for (other, phrase) in [(folded, "folds"), (unweighted, "weighted"), (renamed, "order"), (retargeted, "targets")] {
            do {
                _ = try StatisticsFile.merge([a, other])
                Issue.record("merge with other \(phrase) succeeded")
            } catch {
                guard case .incompatible(let m) = error, m.contains(phrase) else { Issue.record("\(error)"); continue }
            }
        }
        #expect(throws: StatisticsError.self) { try StatisticsFile.merge([folded, reseeded]) }
        // Folds merge fold by fold; the folds together are all the rows.
        let twice = try StatisticsFile.merge([folded, folded])
        #expect(twice.parts[1].rowCount == 12 && twice.folds == 2)
        let back = try StatisticsFile(decoding: folded.encoded(), source: "f")
        #expect(back == folded)
        let all = try back.combined()
        let direct = try P.statistics(x, y, weights: w, block: 12)
        #expect(P.relative(all.comoment.storage, direct.comoment.storage) <= 1e-13)
    }
}
