import Foundation
import Synchronization
import Testing
@testable import LinearAlgebra

/// A fake process-wide value, with a log of every write.
private final class FakeSetting: Sendable {
    let state = Mutex((value: Int32(4), writes: [Int32]()))
    var value: Int32 { state.withLock { $0.value } }
    var writes: [Int32] { state.withLock { $0.writes } }
    func setting() -> ScopedSetting {
        ScopedSetting(read: { self.value }, write: { v in self.state.withLock { $0.value = v; $0.writes.append(v) } })
    }
}

@Suite("ScopedSetting")
struct ScopedSettingTests {
    @Test("one scope sets the value and restores it, also on a throw; an equal value is never written")
    func singleScope() throws {
        let fake = FakeSetting(), setting = fake.setting()
        #expect(setting.with(1) { fake.value } == 1)
        #expect(fake.value == 4 && fake.writes == [1, 4] && setting.depth == 0)
        struct Failure: Error {}
        #expect(throws: Failure.self) { try setting.with(2) { () throws(Failure) -> Int in throw Failure() } }
        #expect(fake.value == 4 && fake.writes == [1, 4, 2, 4] && setting.depth == 0)
        _ = setting.with(4) { 0 }
        #expect(fake.writes == [1, 4, 2, 4])
    }

    @Test("nested scopes: the inner one runs at the outer value and changes nothing on exit")
    func nested() {
        let fake = FakeSetting(), setting = fake.setting()
        let seen = setting.with(1) { () -> [Int32] in
            let inner = setting.with(3) { fake.value }   // another value asked: the active one holds
            return [inner, fake.value, Int32(setting.depth)]
        }
        #expect(seen == [1, 1, 1])
        #expect(fake.value == 4 && fake.writes == [1, 4] && setting.depth == 0)
    }

    @Test("scopes on two threads: the first to end leaves the value; the last restores it")
    func overlappingThreads() {
        let fake = FakeSetting(), setting = fake.setting()
        let aEntered = DispatchSemaphore(value: 0), bEntered = DispatchSemaphore(value: 0)
        let aLeft = DispatchSemaphore(value: 0), bDone = DispatchSemaphore(value: 0)
        let seenByB = Mutex<Int32>(0)
        Thread {
            setting.with(1) { aEntered.signal(); bEntered.wait() }
            aLeft.signal()
        }.start()
        Thread {
            aEntered.wait()
            setting.with(1) {
                bEntered.signal()
                aLeft.wait()
                seenByB.withLock { $0 = fake.value }
            }
            bDone.signal()
        }.start()
        bDone.wait()
        #expect(seenByB.withLock { $0 } == 1)
        #expect(fake.value == 4 && fake.writes == [1, 4] && setting.depth == 0)
    }
}
