#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// One POSIX thread running a closure, joined explicitly (internal: ``CSVReader`` parses the
/// second half of a large file on it). When no thread can be created the closure runs inside
/// ``join()`` instead, so the work is always done.
final class WorkerThread {
    private final class Box {
        let body: () -> Void
        init(_ body: @escaping () -> Void) { self.body = body }
    }

    private var thread: pthread_t?
    private var pending: Box?

    /// Starts `body` on a new thread.
    init(_ body: @escaping () -> Void) {
        let box = Box(body)
        let context = Unmanaged.passRetained(box).toOpaque()
        #if canImport(Darwin)
        var handle: pthread_t?
        #else
        var handle = pthread_t()
        #endif
        let status = pthread_create(&handle, nil, { raw in
            #if canImport(Darwin)
            let box = Unmanaged<Box>.fromOpaque(raw).takeRetainedValue()
            #else
            guard let raw else { return nil }
            let box = Unmanaged<Box>.fromOpaque(raw).takeRetainedValue()
            #endif
            box.body()
            return nil
        }, context)
        if status == 0 {
            #if canImport(Darwin)
            thread = handle
            #else
            thread = handle
            #endif
        } else {
            Unmanaged<Box>.fromOpaque(context).release()
            pending = box
        }
    }

    /// Waits for the closure to finish (or runs it, when no thread could be created).
    func join() {
        if let thread {
            #if canImport(Darwin)
            _ = pthread_join(thread, nil)
            #else
            _ = pthread_join(thread, nil)
            #endif
            self.thread = nil
        }
        if let pending {
            pending.body()
            self.pending = nil
        }
    }
}

/// The number of processors online (1 when unknown).
enum ProcessInfoLite {
    static var processorCount: Int {
        let n = sysconf(Int32(_SC_NPROCESSORS_ONLN))
        return n > 0 ? n : 1
    }
}
