import Testing

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
}
