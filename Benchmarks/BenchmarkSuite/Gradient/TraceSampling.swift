import RidgeLasso

/// Turns a gradient method's history into the report's trace and time-to-accuracy numbers.
enum TraceSampling {
    /// (seconds, error) points with a positive time and a finite error, thinned to at most
    /// `limit` points spread evenly in log-time (first and last kept).
    static func trace(_ history: [GradientHistoryPoint], error: (GradientHistoryPoint) -> Double?, limit: Int = 400) -> [TracePoint] {
        let all = history.compactMap { point -> TracePoint? in
            guard let e = error(point), e.isFinite, point.seconds > 0 else { return nil }
            return TracePoint(seconds: point.seconds, error: e)
        }
        guard all.count > limit, let first = all.first, let last = all.last else { return all }
        var kept: [TracePoint] = [first]
        let logFirst = log(first.seconds), logLast = log(last.seconds)
        let step = (logLast - logFirst) / Double(limit - 1)
        var nextCut = logFirst + step
        for point in all.dropFirst().dropLast() where log(point.seconds) >= nextCut {
            kept.append(point)
            nextCut = log(point.seconds) + step
        }
        kept.append(last)
        return kept
    }

    /// Seconds to each of ``accuracyTargets`` (first crossing in the full history).
    static func timeToAccuracy(_ history: [GradientHistoryPoint], error: (GradientHistoryPoint) -> Double?) -> [AccuracyTime] {
        accuracyTargets.map { AccuracyTime(target: $0, seconds: history.secondsToReach($0, by: error)) }
    }
}

import Foundation
