import LinearAlgebra
import Testing
@testable import RidgeLasso

/// The solver reaches the data only through ``CoordinateDescentDesign``: a design of another type
/// plugs in without a change to the algorithm.
@Suite struct CoordinateDescentDesignTests {
    /// Counts the column operations a solve asks for.
    final class Counter { var dots = 0, additions = 0, gramColumns = 0 }

    /// Another conformer: forwards every operation to a dense design and counts them (the place a
    /// compressed-sparse-column or Gram-only design would do its own work).
    struct CountingDesign: CoordinateDescentDesign {
        let base: PreparedDesign
        let counter: Counter
        var rows: Int { base.rows }
        var columns: Int { base.columns }
        var c: Double { base.c }
        var y: [Double] { base.y }
        var yy: Double { base.yy }
        var curvature: [Double] { base.curvature }
        var correlations0: [Double] { base.correlations0 }
        var hasShift: Bool { base.hasShift }
        var shift: [Double] { base.shift }
        var modestShift: [Bool] { base.modestShift }
        func shiftedDot(_ j: Int, _ v: UnsafePointer<Double>, rowSum: Double) -> Double {
            counter.dots += 1
            return base.shiftedDot(j, v, rowSum: rowSum)
        }
        func addColumn(_ j: Int, times a: Double, into v: UnsafeMutablePointer<Double>) -> Double {
            counter.additions += 1
            return base.addColumn(j, times: a, into: v)
        }
        func correlations(_ v: UnsafePointer<Double>, rowSum: Double, into out: UnsafeMutablePointer<Double>) {
            base.correlations(v, rowSum: rowSum, into: out)
        }
        func appendCenteredColumn(_ j: Int, to buffer: inout [Double]) { base.appendCenteredColumn(j, to: &buffer) }
        func gramColumns(_ features: [Int]) throws(RegressionError) -> [Double] {
            counter.gramColumns += features.count
            return try base.gramColumns(features)
        }
        func fullGram() throws(RegressionError) -> [Double] {
            counter.gramColumns += base.columns
            return try base.fullGram()
        }
        func singlePrecisionGram() -> [Double]? { base.singlePrecisionGram() }
        func singlePrecisionCopy() -> SinglePrecisionMatrix? { base.singlePrecisionCopy() }
    }

    @Test("a solve through another design type is bit for bit the dense one, for both schemes",
          arguments: [UpdateScheme.naive, .covariance])
    func anotherDesignGivesTheSameSolve(scheme: UpdateScheme) throws {
        let prob = CDTestSupport.problem(n: 90, p: 40, seed: 47)
        let design = try PreparedDesign(prob.x, prob.y, weights: nil, fitIntercept: true)
        let counter = Counter()
        let counting = CountingDesign(base: design, counter: counter)
        let options = SolverOptions(scheme: scheme, screening: true, activeSetCycling: true, acceleration: true)
        let stopping = StoppingRule(tolerance: 1e-10, maximumIterations: 10_000)
        let amax = try ElasticNet.alphaMax(prob.x, prob.y, l1Ratio: 0.8)
        let dense = try CoordinateDescentSolver(design: design, options: options, initial: nil)
        let other = try CoordinateDescentSolver(design: counting, options: options, initial: nil)
        var previous = 0.8 * amax
        for fraction in [0.5, 0.2, 0.05] {
            let penalty = ElasticNetPenalty(alpha: fraction * amax, l1Ratio: 0.8, count: 40)
            let a = try dense.solve(penalty: penalty, previousL1: previous, stopping: stopping)
            let b = try other.solve(penalty: penalty, previousL1: previous, stopping: stopping)
            #expect(a.converged && b.converged && a.iterations == b.iterations && a.dualityGap == b.dualityGap)
            #expect(dense.coefficients == other.coefficients)
            previous = penalty.l1
        }
        if scheme == .naive {
            #expect(counter.dots > 0 && counter.additions > 0)   // the sweeps went through the protocol
        } else {
            #expect(counter.gramColumns > 0)
        }
    }
}
