// libFuzzer target: the model-file reader of `ridgelasso predict --model` (ModelFile.parse).
//
// Property: a model that parses is written back by the CLI's own JSON writer (JSONValue, the
// writer of `fit --output`) and reads back with the same feature names and bit-identical
// coefficients and intercept; a failure is a CLIError with exit status 1 and a non-empty
// one-line message.
import Foundation
#if canImport(Glibc)
import Glibc
#endif

private func fail(_ message: String) -> Never {
    fputs("property failed: \(message)\n", stderr)
    abort()
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Data(bytes: data, count: size)
    let model: ModelFile
    do {
        model = try ModelFile.parse(bytes, path: "model.json")
    } catch let error as CLIError {
        if error.exitStatus != CLIError.dataStatus { fail("status \(error.exitStatus) for \(error)") }
        if error.description.isEmpty { fail("empty message") }
        if error.description.contains(where: { $0 == "\n" || $0 == "\r" }) { fail("message on several lines: \(error)") }
        return 0
    } catch {
        fail("an error that is not a CLIError: \(error)")
    }
    if model.features.isEmpty || model.features.count != model.coefficients.count { fail("inconsistent model") }
    if !model.intercept.isFinite || model.coefficients.contains(where: { !$0.isFinite }) { fail("a non-finite value") }
    let written = JSONValue.object([
        ("features", .strings(model.features)),
        ("coefficients", .numbers(model.coefficients)),
        ("intercept", .number(model.intercept)),
    ]).encoded()
    do {
        let again = try ModelFile.parse(Data(written.utf8), path: "model.json")
        guard again.features == model.features,
              again.coefficients.map(\.bitPattern) == model.coefficients.map(\.bitPattern),
              again.intercept.bitPattern == model.intercept.bitPattern
        else { fail("the written model reads back differently: \(written)") }
    } catch {
        fail("the written model does not read back: \(error)\n\(written)")
    }
    return 0
}
