import Testing
import _TestSupport

/// `--help` on the root and every subcommand: on standard output, status 0, objectives written out.
@Suite("ridgelasso --help")
struct HelpTests {
    @Test("every subcommand's help states the objectives and the exit statuses", arguments: [
        ["--help"], ["fit", "--help"], ["path", "--help"], ["help", "fit"], ["fit", "-h"],
    ])
    func help(_ arguments: [String]) throws {
        let r = try CLIProcess.run(arguments)
        #expect(r.status == 0)
        #expect(r.stderr.isEmpty)
        #expect(r.stdout.contains("‖y − Xw − b‖² + α‖w‖²"))
        #expect(r.stdout.contains("(1/(2n))‖y − Xw − b‖² + α‖w‖₁"))
        #expect(r.stdout.contains("(1/(2n))‖y − Xw − b‖² + αr‖w‖₁ + (α(1 − r)/2)‖w‖²"))
        #expect(r.stdout.contains("Exit status: 0 success"))
    }

    @Test("predict's help states the prediction and its objectives")
    func predictHelp() throws {
        let r = try CLIProcess.run(["predict", "--help"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("ŷ = Xw + b"))
        #expect(r.stdout.contains("USAGE: ridgelasso predict --model <model.json> <file.csv>"))
    }

    @Test("fit's help lists every option of the contract")
    func fitOptions() throws {
        let r = try CLIProcess.run(["fit", "--help"])
        for option in ["--model", "--alpha", "--l1-ratio", "--target", "--no-intercept", "--standardize", "--solver",
                       "--tol", "--max-iter", "--weights", "--output"] {
            #expect(r.stdout.contains(option), "\(option)")
        }
        let p = try CLIProcess.run(["path", "--help"])
        for option in ["--model", "--l1-ratio", "--n-alphas", "--eps", "--alphas", "--target", "--no-intercept",
                       "--standardize", "--plot"] {
            #expect(p.stdout.contains(option), "\(option)")
        }
    }

    static let subcommands = ["fit", "path", "cv", "predict", "stats", "merge", "blas"]

    @Test("no help text repeats a default, breaks a sentence early, or offers a value it refuses")
    func cleanHelp() throws {
        for command in [""] + Self.subcommands {
            let r = try CLIProcess.run(command.isEmpty ? ["--help"] : [command, "--help"], environment: ["COLUMNS": "200"])
            #expect(r.status == 0, "\(command): \(r.stderr)")
            // A default written in the help text and appended by the parser again.
            for line in r.stdout.split(separator: "\n").map(String.init) {
                let defaults = ["(default", "Default ", "; default:"].map { line.components(separatedBy: $0).count - 1 }
                #expect(defaults.reduce(0, +) <= 1, "\(command): \(line)")
            }
            // Wide enough for every paragraph: the objectives' first sentence stays on one line.
            if command != "stats" && command != "merge" && command != "blas" && command != "predict" {
                #expect(r.stdout.contains(
                    "Objectives (scikit-learn's conventions; n rows; the intercept b is never penalized; minimized over w and b):"),
                    "\(command)")
            }
        }
        let path = try CLIProcess.run(["path", "--help"])
        #expect(path.stdout.contains("(values: lasso, elasticnet)"))
        #expect(!path.stdout.contains("ridge, lasso"))
        // ridge is still understood, and refused with the reason.
        #expect(try CLIProcess.expectFailure(["path", "--model", "ridge", Datasets.diabetesPath], status: 2)
            == "ridgelasso: error: path supports --model lasso or elasticnet (ridge is solved exactly at any α with fit)")
    }
}
