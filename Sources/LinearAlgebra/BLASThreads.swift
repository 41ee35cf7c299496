#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The thread count of the BLAS library, when it is OpenBLAS (looked up at run time, so the
/// reference BLAS works too: then nothing can be set and every call here is a no-op).
///
/// Why it matters: code that runs independent BLAS-heavy tasks on several threads of its own
/// (cross-validation folds) must keep BLAS single-threaded inside them. Otherwise each task's
/// BLAS call starts OpenBLAS's own threads on the same cores, and the two kinds of threads spin
/// against each other (measured: 2 fold threads 2× *slower* than 1). It also makes results
/// independent of the number of cores: a multithreaded OpenBLAS reduction may add in a
/// different order than a single-threaded one.
package enum BLASThreads {
    private typealias Getter = @convention(c) () -> Int32
    private typealias Setter = @convention(c) (Int32) -> Void

    private static let getter: Getter? = Symbols.address("openblas_get_num_threads").map { unsafeBitCast($0, to: Getter.self) }
    private static let setter: Setter? = Symbols.address("openblas_set_num_threads").map { unsafeBitCast($0, to: Setter.self) }

    /// Whether the loaded BLAS lets its thread count be read and set (OpenBLAS).
    package static var isControllable: Bool { getter != nil && setter != nil }

    /// OpenBLAS's current thread count, or `nil` for another BLAS.
    package static var count: Int? { getter.map { Int($0()) } }

    /// The scopes of ``with(threads:_:)`` (nil for a BLAS whose count cannot be set).
    private static let setting: ScopedSetting? = {
        guard let getter, let setter else { return nil }
        return ScopedSetting(read: { getter() }, write: { setter($0) })
    }()

    /// Runs `body` with the BLAS thread count set to `threads`, then restores it.
    ///
    /// The setting is process-wide: BLAS calls made meanwhile by other threads of the process are
    /// affected too. Scopes that overlap (nested, or on several threads at once, e.g. two
    /// cross-validations run concurrently) share one setting: the first sets it, the last to end
    /// restores the count from before the first, so no scope sees the count change under it
    /// (otherwise one scope's restore would switch BLAS back to several threads while another
    /// is still running, and its reductions would add in another order). While a scope is
    /// active, a scope asking for another count runs at the active one.
    /// A count below 1 is taken as 1.
    package static func with<T, E: Error>(threads: Int, _ body: () throws(E) -> T) throws(E) -> T {
        guard let setting else { return try body() }
        return try setting.with(Int32(clamping: max(threads, 1)), body)
    }
}
