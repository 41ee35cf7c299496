#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The temporary files ``AtomicFile`` has created and not yet renamed or removed, so that a
/// signal that ends the process removes them instead of leaving `.NAME.tmp-XXXXXX` behind.
///
/// A signal handler may only call async-signal-safe functions (POSIX.1-2017, signal-safety(7)):
/// no allocation, no lock, no Swift runtime call that could allocate. So the paths live in a
/// fixed table allocated once by ``installSignalCleanup()``: ``slotCount`` slots of `PATH_MAX`
/// bytes, each with a flag; the handler reads the flags, calls `unlink(2)` on the marked paths,
/// restores the default action and re-raises the signal, so the process still ends as the
/// signal asks (the shell sees "killed by SIGINT", not a normal exit).
///
/// More than ``slotCount`` temporaries at once (never the case: writers create one at a time) go
/// unregistered; they are still removed on every failure path, just not on a signal.
package enum TemporaryFiles {
    /// Slots in the table.
    package static let slotCount = 8
    private static let slotBytes = Int(PATH_MAX) + 1

    /// The table: `slotCount` flags (1 = the slot holds a live path), then the paths.
    private nonisolated(unsafe) static let flags: UnsafeMutablePointer<Int> = {
        let p = UnsafeMutablePointer<Int>.allocate(capacity: slotCount)
        p.initialize(repeating: 0, count: slotCount)
        return p
    }()
    private nonisolated(unsafe) static let paths: UnsafeMutablePointer<CChar> = {
        let p = UnsafeMutablePointer<CChar>.allocate(capacity: slotCount * slotBytes)
        p.initialize(repeating: 0, count: slotCount * slotBytes)
        return p
    }()
    private static let lock = Lock()

    /// The signals after which registered temporaries are removed.
    package static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP]

    /// Installs the cleanup handler for SIGINT, SIGTERM and SIGHUP and unblocks them (a blocked
    /// mask is inherited through `exec`, and a parent's mask must not make the command immune to
    /// Ctrl-C); a signal the process ignores, as under `nohup`, stays ignored. Call it once, early,
    /// from the executable's main thread, before any other thread starts.
    package static func installSignalCleanup() {
        _ = flags
        _ = paths
        for s in signals {
            var old = sigaction()
            sigaction(s, nil, &old)
            if isIgnored(old) { continue }
            var set = sigset_t()
            sigemptyset(&set)
            sigaddset(&set, s)
            pthread_sigmask(SIG_UNBLOCK, &set, nil)
            var action = sigaction()
            setHandler(&action, removeAndReraise)
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0
            sigaction(s, &action, nil)
        }
    }

    /// Records `path`; returns its slot, or `nil` when the table is full or the path too long.
    package static func register(_ path: String) -> Int? {
        let bytes = Array(path.utf8CString)
        guard bytes.count <= slotBytes else { return nil }
        return lock.withLock {
            for k in 0..<slotCount where flags[k] == 0 {
                let slot = paths + k * slotBytes
                bytes.withUnsafeBufferPointer { slot.update(from: $0.baseAddress!, count: $0.count) }
                flags[k] = 1
                return k
            }
            return nil
        }
    }

    /// Forgets the path in `slot` (after it was renamed or removed).
    package static func unregister(_ slot: Int?) {
        guard let slot else { return }
        lock.withLock { flags[slot] = 0 }
    }

    /// The registered paths (for tests).
    package static var registered: [String] {
        lock.withLock {
            (0..<slotCount).filter { flags[$0] != 0 }.map { String(cString: paths + $0 * slotBytes) }
        }
    }

    /// The handler: only async-signal-safe calls (`unlink`, `signal`, `raise`).
    private static let removeAndReraise: @convention(c) (Int32) -> Void = { number in
        for k in 0..<TemporaryFiles.slotCount where TemporaryFiles.flags[k] != 0 {
            unlink(TemporaryFiles.paths + k * TemporaryFiles.slotBytes)
        }
        _ = signal(number, SIG_DFL)
        raise(number)
    }

    private static func isIgnored(_ action: sigaction) -> Bool {
        #if canImport(Darwin)
        return unsafeBitCast(action.__sigaction_u.__sa_handler, to: Int.self) == 1
        #else
        return unsafeBitCast(action.__sigaction_handler.sa_handler, to: Int.self) == 1   // SIG_IGN
        #endif
    }

    private static func setHandler(_ action: inout sigaction, _ handler: @convention(c) (Int32) -> Void) {
        #if canImport(Darwin)
        action.__sigaction_u.__sa_handler = handler
        #else
        action.__sigaction_handler.sa_handler = handler
        #endif
    }
}

/// A `pthread_mutex_t` for the few operations on the table outside the handler.
private final class Lock: @unchecked Sendable {
    private let mutex: UnsafeMutablePointer<pthread_mutex_t> = {
        let m = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
        pthread_mutex_init(m, nil)
        return m
    }()

    func withLock<T>(_ body: () -> T) -> T {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return body()
    }
}
