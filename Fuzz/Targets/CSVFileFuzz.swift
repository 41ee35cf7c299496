// libFuzzer target: CSVReader.read(contentsOf:) on a file, the streaming entry point, serial and
// split in two halves parsed on two threads.
//
// Property: reading the bytes from a file gives exactly what parsing them in memory gives (the
// same table, or the same CSVError), whether the file is parsed serially or split at any
// threshold; a failure's message is one non-empty line.
#if canImport(Glibc)
import Glibc
#endif
@testable import RidgeLassoCSV

private let path: String = {
    let directory = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp"
    let p = "\(directory)/ridgelasso-fuzz-\(getpid()).csv"
    atexit { unlink("/dev/shm/ridgelasso-fuzz-\(getpid()).csv"); unlink("/tmp/ridgelasso-fuzz-\(getpid()).csv") }
    return p
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    guard fd >= 0 else { FuzzCheck.fail("cannot create \(path)") }
    var written = 0
    while written < size {
        let n = write(fd, data + written, size - written)
        guard n > 0 else { FuzzCheck.fail("cannot write \(path)") }
        written += n
    }
    close(fd)
    let memory = Result { () throws(CSVError) in try CSVReader.parse(bytes, source: path) }
    // The split is tried at the middle (threshold 1) and never (Int.max); the first byte picks
    // one more threshold so that small files split too.
    let thresholds = [Int.max, 1, size > 0 ? Int(data[0]) : 2]
    for threshold in thresholds {
        let file = Result { () throws(CSVError) in try CSVReader.read(contentsOf: path, parallelThreshold: threshold) }
        switch (memory, file) {
        case (.success(let a), .success(let b)):
            FuzzCheck.wellFormed(b)
            FuzzCheck.same(a, b, "file (threshold \(threshold)) and memory parses differ")
        case (.failure(let a), .failure(let b)):
            FuzzCheck.message(b.description)
            if a != b { FuzzCheck.fail("threshold \(threshold): memory says \(a), file says \(b)") }
        default:
            FuzzCheck.fail("threshold \(threshold): memory \(memory) but file \(file)")
        }
    }
    return 0
}
