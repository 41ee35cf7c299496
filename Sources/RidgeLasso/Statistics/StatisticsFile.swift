import Foundation
import LinearAlgebra

/// ``SufficientStatistics`` as a `.rlstats` file: one part, or one per cross-validation fold.
///
/// Layout (all integers and floats little-endian):
///
/// | offset      | bytes | content                                                          |
/// |-------------|-------|------------------------------------------------------------------|
/// | 0           | 8     | magic `89 52 4C 53 54 0D 0A 1A` ("\x89RLST\r\n\x1A", as PNG's: a |
/// |             |       | non-ASCII first byte, and CR LF / ^Z that text-mode copies mangle) |
/// | 8           | 2     | major version (UInt16): readers refuse a major they do not know  |
/// | 10          | 2     | minor version (UInt16): additions readers may ignore             |
/// | 12          | 4     | H, the header's length in bytes (UInt32), a multiple of 8        |
/// | 16          | 8     | P, the payload's length in float64 values (UInt64)               |
/// | 24          | H     | the header: UTF-8 JSON, padded with spaces                       |
/// | 24 + H      | 8·P   | the payload: IEEE 754 binary64 values                            |
/// | 24 + H + 8P | 4     | CRC-32 (IEEE, see `CRC32`) of every byte before it             |
///
/// The header holds `format` ("rlstats"), `p`, `k`, `features`, `targets`, `weighted`, `rows`
/// (all parts), `folds` (0 when the rows are not split into folds), `fold_seed`, `parts` (per
/// part: `rows`, `positive_rows`), `layout` (the payload of one part as a list of `name`/`count`
/// pairs) and `provenance` (`program`, `version`, `sources`). Each part's payload is, in order:
/// W, Σw², the shift K (d), the mean m of z − K (d), the co-moment C (d × d, column-major),
/// the minimum (d) and maximum (d) of each column, d = p + k. numpy reads it as
///
///     h = int.from_bytes(b[12:16], "little"); n = int.from_bytes(b[16:24], "little")
///     header = json.loads(b[24:24 + h]); x = np.frombuffer(b, dtype="<f8", count=n, offset=24 + h)
public struct StatisticsFile: Sendable, Equatable {
    /// The major version this code writes and reads.
    public static let majorVersion: UInt16 = 1
    /// The minor version this code writes.
    public static let minorVersion: UInt16 = 0
    /// The 8 magic bytes that open every `.rlstats` file.
    public static let magic: [UInt8] = [0x89, 0x52, 0x4C, 0x53, 0x54, 0x0D, 0x0A, 0x1A]

    /// Where statistics came from: the program and the inputs (file names, shard ids).
    public struct Provenance: Sendable, Equatable, Codable {
        /// The program that wrote the file, e.g. "ridgelasso".
        public var program: String
        /// That program's version.
        public var version: String
        /// The inputs: file names, "-" for standard input, shard ids.
        public var sources: [String]

        /// Provenance with the given fields (by default this package's `ridgelasso`, no sources).
        public init(program: String = "ridgelasso", version: String = ridgeLassoVersion, sources: [String] = []) {
            self.program = program
            self.version = version
            self.sources = sources
        }
    }

    /// The statistics: one part, or one per fold (part f holds the rows of fold f).
    public var parts: [SufficientStatistics]
    /// The number of folds the rows were split into, 0 when they were not.
    public var folds: Int
    /// The seed of the fold assignment, when there are folds.
    public var foldSeed: UInt64?
    /// Where the statistics came from.
    public var provenance: Provenance

    /// Unsplit statistics.
    public init(_ statistics: SufficientStatistics, provenance: Provenance = Provenance()) {
        self.parts = [statistics]
        self.folds = 0
        self.foldSeed = nil
        self.provenance = provenance
    }

    /// Statistics of `parts.count` folds.
    /// - Throws: ``StatisticsError/noParts``, ``StatisticsError/incompatible(_:)`` when the parts
    ///   describe different columns or weighting.
    public init(folds parts: [SufficientStatistics], seed: UInt64?, provenance: Provenance = Provenance()) throws(StatisticsError) {
        guard let first = parts.first else { throw .noParts }
        for (i, part) in parts.enumerated().dropFirst() {
            if let difference = first.incompatibility(with: part) { throw .incompatible("fold \(i) differs from fold 0: \(difference)") }
        }
        self.parts = parts
        self.folds = parts.count
        self.foldSeed = seed
        self.provenance = provenance
    }

    /// The statistics of every row (the folds merged).
    public func combined() throws(StatisticsError) -> SufficientStatistics {
        try SufficientStatistics.merge(parts)
    }

    /// Merges files part by part (fold f with fold f) in a balanced tree in the order given.
    /// - Throws: ``StatisticsError/incompatible(_:)`` naming the first file (0-based) whose
    ///   features, order, targets, weighting, folds or fold seed differ from file 0's;
    ///   ``StatisticsError/noParts``; ``StatisticsError/overflow(_:)``.
    public static func merge(_ files: [StatisticsFile]) throws(StatisticsError) -> StatisticsFile {
        guard let first = files.first else { throw .noParts }
        for (i, file) in files.enumerated().dropFirst() {
            if let difference = first.incompatibility(with: file) {
                throw .incompatible("file \(i) differs from file 0: \(difference)")
            }
        }
        var out = first
        out.parts = try (0..<first.parts.count).map { (f: Int) throws(StatisticsError) -> SufficientStatistics in
            try SufficientStatistics.merge(files.map { $0.parts[f] })
        }
        out.provenance.sources = files.flatMap(\.provenance.sources)
        return out
    }

    /// How `other` differs from this file in what a merge requires equal (features and their
    /// order, targets, weighting, folds, fold seed), or `nil` when they merge.
    public func incompatibility(with other: StatisticsFile) -> String? {
        if other.folds != folds { return "it has \(other.folds) folds, the other \(folds)" }
        if other.foldSeed != foldSeed { return "its folds were assigned with another seed" }
        return parts[0].incompatibility(with: other.parts[0])
    }

    // MARK: - Encoding

    private struct Header: Codable {
        var format: String
        var p: Int
        var k: Int
        var features: [String]
        var targets: [String]
        var weighted: Bool
        var rows: Int
        var folds: Int
        var fold_seed: UInt64?
        var parts: [PartCounts]
        var layout: [LayoutEntry]
        var provenance: Provenance
    }

    private struct PartCounts: Codable, Equatable {
        var rows: Int
        var positive_rows: Int
    }

    private struct LayoutEntry: Codable, Equatable {
        var name: String
        var count: Int
    }

    private static func layout(dimension d: Int) -> [LayoutEntry] {
        [LayoutEntry(name: "total_weight", count: 1), LayoutEntry(name: "sum_of_squared_weights", count: 1),
         LayoutEntry(name: "shift", count: d), LayoutEntry(name: "mean", count: d),
         LayoutEntry(name: "comoment", count: d * d), LayoutEntry(name: "minimum", count: d),
         LayoutEntry(name: "maximum", count: d)]
    }

    /// The file's bytes.
    public func encoded() -> [UInt8] {
        let s = parts[0]
        let d = s.dimension
        let header = Header(
            format: "rlstats", p: s.featureCount, k: s.targetCount, features: s.featureNames, targets: s.targetNames,
            weighted: s.isWeighted, rows: parts.reduce(0) { $0 + $1.rowCount }, folds: folds, fold_seed: foldSeed,
            parts: parts.map { PartCounts(rows: $0.rowCount, positive_rows: $0.positiveRowCount) },
            layout: Self.layout(dimension: d), provenance: provenance)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        // Encoding plain strings, integers and booleans cannot fail.
        var json = Array((try? encoder.encode(header)) ?? Data())
        while (24 + json.count) % 8 != 0 { json.append(0x20) }
        var payload: [Double] = []
        payload.reserveCapacity(parts.count * (2 + 4 * d + d * d))
        for part in parts {
            payload.append(part.totalWeight)
            payload.append(part.sumOfSquaredWeights)
            payload += part.shift
            payload += part.mean
            payload += part.comoment.storage
            payload += part.minimum
            payload += part.maximum
        }
        var bytes = Self.magic
        bytes.reserveCapacity(28 + json.count + 8 * payload.count)
        Self.append(UInt64(Self.majorVersion), bytes: 2, to: &bytes)
        Self.append(UInt64(Self.minorVersion), bytes: 2, to: &bytes)
        Self.append(UInt64(json.count), bytes: 4, to: &bytes)
        Self.append(UInt64(payload.count), bytes: 8, to: &bytes)
        bytes += json
        for value in payload { Self.append(value.bitPattern, bytes: 8, to: &bytes) }
        Self.append(UInt64(CRC32.checksum(bytes)), bytes: 4, to: &bytes)
        return bytes
    }

    private static func append(_ value: UInt64, bytes count: Int, to bytes: inout [UInt8]) {
        for i in 0..<count { bytes.append(UInt8(truncatingIfNeeded: value >> (8 * UInt64(i)))) }
    }

    private static func read(_ bytes: [UInt8], at offset: Int, count: Int) -> UInt64 {
        var value: UInt64 = 0
        for i in 0..<count { value |= UInt64(bytes[offset + i]) << (8 * UInt64(i)) }
        return value
    }

    // MARK: - Decoding

    /// Reads a file's bytes; `source` names it in errors. Checks, in order: the magic bytes, the
    /// major version, the length the fixed fields announce, the CRC-32, then the header and the
    /// payload's consistency with it.
    /// - Throws: ``StatisticsFileError``, one case per kind of damage; never returns statistics
    ///   from a damaged file.
    public init(decoding bytes: [UInt8], source: String) throws(StatisticsFileError) {
        let prefix = min(bytes.count, 8)
        guard Array(bytes[0..<prefix]) == Array(Self.magic[0..<prefix]) else {
            throw .notStatisticsFile(source: source)
        }
        guard bytes.count >= 24 else { throw .truncated(source: source, expected: 24, actual: bytes.count) }
        let major = UInt16(Self.read(bytes, at: 8, count: 2)), minor = UInt16(Self.read(bytes, at: 10, count: 2))
        guard major == Self.majorVersion else {
            throw .unsupportedVersion(source: source, major: major, minor: minor, supported: Self.majorVersion)
        }
        let h = Self.read(bytes, at: 12, count: 4), n = Self.read(bytes, at: 16, count: 8)
        // Sizes from a damaged file must not overflow: compare in UInt64 with room to spare.
        guard n < UInt64(1) << 58 else { throw .malformed(source: source, reason: "the payload length \(n) is impossible") }
        let expected = 28 + h + 8 * n
        guard UInt64(bytes.count) >= expected else {
            throw .truncated(source: source, expected: Int(expected), actual: bytes.count)
        }
        guard UInt64(bytes.count) == expected else {
            throw .malformed(source: source, reason: "\(UInt64(bytes.count) - expected) unexpected bytes after the checksum")
        }
        let end = Int(expected) - 4
        let stored = UInt32(Self.read(bytes, at: end, count: 4))
        let computed = CRC32.checksum(bytes[0..<end])
        guard stored == computed else {
            throw .checksumMismatch(source: source, stored: stored, computed: computed)
        }
        let headerEnd = 24 + Int(h)
        let header: Header
        do { header = try JSONDecoder().decode(Header.self, from: Data(bytes[24..<headerEnd])) } catch {
            throw .malformed(source: source, reason: "the header is not the expected JSON")
        }
        func malformed(_ reason: String) -> StatisticsFileError { .malformed(source: source, reason: reason) }
        guard header.format == "rlstats" else { throw malformed("the header's format is \"\(header.format)\", not \"rlstats\"") }
        guard header.p == header.features.count, header.k == header.targets.count else {
            throw malformed("p and k do not match the feature and target names")
        }
        let d = header.p + header.k
        guard header.layout == Self.layout(dimension: d) else { throw malformed("unknown payload layout") }
        guard header.folds >= 0, header.parts.count == max(1, header.folds) else {
            throw malformed("\(header.parts.count) parts for \(header.folds) folds")
        }
        // d is bounded by the names in the header, but the product is formed with overflow checks.
        let square = d.multipliedReportingOverflow(by: d)
        let described = (2 + 4 * d + square.partialValue).multipliedReportingOverflow(by: header.parts.count)
        guard !square.overflow, !described.overflow, n == UInt64(described.partialValue) else {
            throw malformed("the payload holds \(n) values, not what the header describes")
        }
        // Counts from the file are summed with overflow checks: a crafted file must not trap.
        var total = 0, overflow = false
        for part in header.parts where !overflow {
            (total, overflow) = total.addingReportingOverflow(part.rows)
        }
        guard !overflow, header.rows == total,
              header.parts.allSatisfy({ $0.rows >= 0 && $0.positive_rows >= 0 && $0.positive_rows <= $0.rows }) else {
            throw malformed("inconsistent row counts")
        }
        var offset = headerEnd
        func next(_ count: Int) -> [Double] {
            let values = (0..<count).map { Double(bitPattern: Self.read(bytes, at: offset + 8 * $0, count: 8)) }
            offset += 8 * count
            return values
        }
        var parts: [SufficientStatistics] = []
        for (f, counts) in header.parts.enumerated() {
            var s: SufficientStatistics
            do { s = try SufficientStatistics(featureNames: header.features, targetNames: header.targets, weighted: header.weighted) } catch {
                throw malformed("\(error)")
            }
            s.rowCount = counts.rows
            s.positiveRowCount = counts.positive_rows
            s.totalWeight = next(1)[0]
            s.sumOfSquaredWeights = next(1)[0]
            s.shift = next(d)
            s.mean = next(d)
            let c = next(d * d)
            s.minimum = next(d)
            s.maximum = next(d)
            guard s.totalWeight.isFinite, s.totalWeight >= 0, s.sumOfSquaredWeights.isFinite, s.sumOfSquaredWeights >= 0,
                  (s.shift + s.mean + c).allSatisfy(\.isFinite),
                  (counts.positive_rows == 0) == (s.totalWeight == 0) else {
                throw malformed("part \(f) holds values that no statistics can have")
            }
            do { s.comoment = try Matrix(rows: d, columns: d, columnMajor: c) } catch { throw malformed("\(error)") }
            parts.append(s)
        }
        self.parts = parts
        self.folds = header.folds
        self.foldSeed = header.fold_seed
        self.provenance = header.provenance
    }
}

/// Why a `.rlstats` file could not be read. Each case names the file (`source`).
public enum StatisticsFileError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file does not start with the `.rlstats` magic bytes: some other kind of file.
    case notStatisticsFile(source: String)
    /// The file ends before the length its fixed fields announce (an interrupted copy or write).
    case truncated(source: String, expected: Int, actual: Int)
    /// A major version this program does not read (written by a newer ridgelasso).
    case unsupportedVersion(source: String, major: UInt16, minor: UInt16, supported: UInt16)
    /// The CRC-32 trailer does not match the bytes: the file was damaged.
    case checksumMismatch(source: String, stored: UInt32, computed: UInt32)
    /// The checksum matches but the content is inconsistent (written by a faulty program).
    case malformed(source: String, reason: String)

    public var description: String {
        switch self {
        case .notStatisticsFile(let source):
            return "\(source): not a .rlstats statistics file (wrong magic bytes)"
        case .truncated(let source, let expected, let actual):
            return "\(source): truncated statistics file (\(actual) bytes, expected \(expected))"
        case .unsupportedVersion(let source, let major, let minor, let supported):
            return "\(source): statistics file format version \(major).\(minor) is not supported (this program reads major version \(supported)); use a newer ridgelasso"
        case .checksumMismatch(let source, let stored, let computed):
            return "\(source): corrupted statistics file (CRC-32 \(hex(computed)) does not match the stored \(hex(stored)))"
        case .malformed(let source, let reason):
            return "\(source): malformed statistics file: \(reason)"
        }
    }

    private func hex(_ v: UInt32) -> String {
        let digits = String(v, radix: 16)
        return "0x" + String(repeating: "0", count: max(0, 8 - digits.count)) + digits
    }
}

extension StatisticsFileError: RidgeLassoError {}
