// libFuzzer target: CSVReader.parse on bytes held in memory.
//
// Property: a successful parse is a table that survives a round trip through a CSV writer (the
// header RFC 4180-quoted, every value in its shortest round-trip form) with identical names and
// bit-identical values; a failure is a CSVError whose message is one non-empty line.
import RidgeLassoCSV

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let table: CSVTable
    do {
        table = try CSVReader.parse(bytes, source: "fuzz.csv")
    } catch {
        FuzzCheck.message(error.description)
        return 0
    }
    FuzzCheck.wellFormed(table)
    let text = FuzzCheck.csv(table)
    do {
        let again = try CSVReader.parse(Array(text.utf8), source: "fuzz.csv")
        FuzzCheck.same(table, again, "the written CSV reads back differently:\n\(text)")
    } catch {
        FuzzCheck.fail("the written CSV does not read back: \(error)\n\(text)")
    }
    return 0
}
