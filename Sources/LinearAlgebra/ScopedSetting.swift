import Synchronization

/// A process-wide integer setting (such as OpenBLAS's thread count) changed for the duration of
/// scopes that may overlap — nested, or running on several threads at once. The first scope to
/// begin sets the value; later ones, while any is active, run at that value; the last to end
/// restores the value read before the first began. No scope sees the value change under it.
final class ScopedSetting: Sendable {
    private struct State {
        var depth = 0
        var active: Int32 = 0
        var saved: Int32 = 0
    }

    private let state = Mutex(State())
    private let read: @Sendable () -> Int32
    private let write: @Sendable (Int32) -> Void

    /// `read` and `write` access the setting itself.
    init(read: @escaping @Sendable () -> Int32, write: @escaping @Sendable (Int32) -> Void) {
        self.read = read
        self.write = write
    }

    /// Scopes now running.
    var depth: Int { state.withLock { $0.depth } }

    /// Runs `body` with the setting at `value` (or at the value of the scopes already running).
    func with<T, E: Error>(_ value: Int32, _ body: () throws(E) -> T) throws(E) -> T {
        state.withLock { s in
            if s.depth == 0 {
                s.saved = read()
                s.active = value
                if s.saved != value { write(value) }
            }
            s.depth += 1
        }
        defer {
            state.withLock { s in
                s.depth -= 1
                if s.depth == 0 && s.saved != s.active { write(s.saved) }
            }
        }
        return try body()
    }
}
