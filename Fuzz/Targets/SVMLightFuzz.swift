// libFuzzer target: SVMLightReader.read(contentsOf:features:) on a file.
//
// Property: a file either reads into a well-formed problem (one finite label per row, a valid
// compressed sparse matrix of finite nonzeros) that SVMLightReader.format writes back to text
// reading as the same problem bit for bit, or fails with a one-line message naming the file.
// The first byte, when it is a digit, also fixes --n-features, so the width checks are reached.
#if canImport(Glibc)
import Glibc
#endif
import LinearAlgebra
import RidgeLassoCSV

private let path: String = {
    let directory = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp"
    let p = "\(directory)/ridgelasso-fuzz-svm-\(getpid()).svm"
    atexit { unlink("/dev/shm/ridgelasso-fuzz-svm-\(getpid()).svm"); unlink("/tmp/ridgelasso-fuzz-svm-\(getpid()).svm") }
    return p
}()

private func write(_ bytes: UnsafeRawBufferPointer, to file: String) {
    let fd = open(file, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    guard fd >= 0 else { FuzzCheck.fail("cannot create \(file)") }
    var written = 0
    while written < bytes.count {
        let n = Glibc.write(fd, bytes.baseAddress! + written, bytes.count - written)
        guard n > 0 else { FuzzCheck.fail("cannot write \(file)") }
        written += n
    }
    close(fd)
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    write(UnsafeRawBufferPointer(start: data, count: size), to: path)
    let width: Int? = size > 0 && data[0] >= 0x30 && data[0] <= 0x39 ? Int(data[0] - 0x30) : nil
    let read: SVMLightData
    do {
        read = try SVMLightReader.read(contentsOf: path, features: width)
    } catch {
        FuzzCheck.message(error.description)
        if !error.description.hasPrefix(path) { FuzzCheck.fail("the message does not name the file: \(error.description)") }
        return 0
    }
    let x = read.x
    if read.labels.count != x.rows { FuzzCheck.fail("\(read.labels.count) labels for \(x.rows) rows") }
    if read.labels.contains(where: { !$0.isFinite }) { FuzzCheck.fail("a non-finite label") }
    if let width, x.columns != width { FuzzCheck.fail("width \(x.columns), asked \(width)") }
    if x.columnStarts.count != x.columns + 1 || x.columnStarts.last != x.nonzeroCount { FuzzCheck.fail("bad column offsets") }
    if x.values.contains(where: { !$0.isFinite || $0 == 0 }) { FuzzCheck.fail("a stored value that is zero or not finite") }
    let text = Array(SVMLightReader.format(x, labels: read.labels).utf8)
    text.withUnsafeBytes { write($0, to: path) }
    do {
        let again = try SVMLightReader.read(contentsOf: path, features: x.columns > 0 ? x.columns : nil)
        if again.x != x || again.labels.map(\.bitPattern) != read.labels.map(\.bitPattern) {
            FuzzCheck.fail("the written file reads back differently")
        }
    } catch {
        FuzzCheck.fail("the written file does not read back: \(error)")
    }
    return 0
}
