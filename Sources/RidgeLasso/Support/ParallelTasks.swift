import Dispatch
import LinearAlgebra

/// Runs independent tasks on several threads and returns their results in task order.
///
/// Worker w of T runs tasks w, w + T, w + 2T, …; each task writes only its own slot, and nothing is
/// combined across tasks here. BLAS runs single-threaded meanwhile (``BLASThreads``), whatever T:
/// OpenBLAS's own threads would otherwise fight the workers for the cores, and a multithreaded
/// BLAS reduction could add in another order. So the results are bit-identical whatever the
/// thread count, as long as each task is itself deterministic (callers combine results
/// afterwards, in task order).
enum ParallelTasks {
    /// The number of threads used when the caller does not say: the active processor count.
    static var defaultThreadCount: Int {
        max(1, ProcessInfoCores.active)
    }

    /// `body(i)` for i in 0..<count on up to `threads` threads; the first error in task order is
    /// rethrown after every task has finished.
    static func map<T: Sendable>(
        count: Int, threads: Int,
        _ body: @Sendable (Int) throws(RegressionError) -> T
    ) throws(RegressionError) -> [T] {
        guard count > 0 else { return [] }
        let workers = max(1, min(threads, count))
        let slots = Slots<Result<T, RegressionError>>(count: count)
        BLASThreads.with(threads: 1) {
            if workers == 1 {
                for i in 0..<count { slots.set(i, Result { () throws(RegressionError) in try body(i) }) }
            } else {
                DispatchQueue.concurrentPerform(iterations: workers) { w in
                    var i = w
                    while i < count {
                        slots.set(i, Result { () throws(RegressionError) in try body(i) })
                        i += workers
                    }
                }
            }
        }
        var out: [T] = []
        out.reserveCapacity(count)
        for r in slots.take() {
            switch r {
            case .success(let v): out.append(v)
            case .failure(let e): throw e
            }
        }
        return out
    }
}

/// Per-task result slots: each index is written by exactly one task, then read once all are done.
private final class Slots<T>: @unchecked Sendable {
    private let base: UnsafeMutablePointer<T?>
    private let count: Int

    init(count: Int) {
        self.count = count
        base = .allocate(capacity: count)
        base.initialize(repeating: nil, count: count)
    }

    deinit {
        base.deinitialize(count: count)
        base.deallocate()
    }

    func set(_ i: Int, _ value: T) { base[i] = value }

    func take() -> [T] {
        (0..<count).map { i in
            guard let v = base[i] else { preconditionFailure("ParallelTasks: task \(i) left no result") }
            return v
        }
    }
}

/// The number of processors available to this process.
private enum ProcessInfoCores {
    static var active: Int {
        #if canImport(Glibc)
        return Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))
        #else
        return 1
        #endif
    }
}

#if canImport(Glibc)
import Glibc
#endif
