#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Progress of a long read on standard error (never standard output): rows, megabytes, MB/s and
/// the time elapsed, at most once a second. On a terminal the line is rewritten in place (`\r`)
/// and ended when the read finishes; otherwise (`--progress` into a pipe or a file) each report is
/// its own line, so a log keeps them all.
struct ReadProgress {
    private let start = ContinuousClock.now
    private var lastReport = ContinuousClock.now
    private let terminal: Bool

    /// Whether progress is shown: when asked for, or when standard error is a terminal.
    static func isWanted(asked: Bool) -> Bool { asked || isatty(STDERR_FILENO) == 1 }

    init() { terminal = isatty(STDERR_FILENO) == 1 }

    /// Reports `rows` and `bytes` read so far if a second has passed since the last report.
    mutating func update(rows: Int, bytes: Int) {
        let now = ContinuousClock.now
        guard now - lastReport >= .seconds(1) else { return }
        lastReport = now
        report(rows: rows, bytes: bytes, now: now)
    }

    /// The final report (always made, so that a short read shows one line too).
    mutating func finish(rows: Int, bytes: Int) {
        report(rows: rows, bytes: bytes, now: ContinuousClock.now)
        if terminal { StandardStreams.writeError("\n") }
    }

    private mutating func report(rows: Int, bytes: Int, now: ContinuousClock.Instant) {
        let (s, atto) = (now - start).components
        let seconds = Double(s) + Double(atto) * 1e-18
        let megabytes = Double(bytes) / 1e6
        let rate = seconds > 0 ? megabytes / seconds : 0
        func fixed(_ v: Double) -> String {
            let tenths = Int((v * 10).rounded())
            return "\(tenths / 10).\(tenths % 10)"
        }
        let text = "ridgelasso stats: \(rows) rows, \(fixed(megabytes)) MB, \(fixed(rate)) MB/s, \(fixed(seconds)) s"
        StandardStreams.writeError(terminal ? "\r" + text + "\u{1B}[K" : text + "\n")
    }
}
