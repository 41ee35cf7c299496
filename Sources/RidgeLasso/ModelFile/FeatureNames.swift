/// Names that label a model's coefficients in its model file.
enum FeatureNames {
    /// `x1`, `x2`, … `xp`: the names written when a model has none, in the style of R's
    /// `model.matrix` for unnamed columns; a CSV file for `ridgelasso predict` then needs these headers.
    static func defaults(count p: Int) -> [String] { (0..<p).map { "x\($0 + 1)" } }

    /// Checks that `names` can label `count` coefficients: as many names, none empty, none repeated.
    static func validate(_ names: [String], count: Int) throws(RegressionError) {
        guard names.count == count else {
            throw .dimensionMismatch("\(names.count) feature names for \(count) coefficients")
        }
        var seen = Set<String>()
        for (j, name) in names.enumerated() {
            guard !name.isEmpty else { throw .invalidNames("feature name \(j) is empty") }
            guard seen.insert(name).inserted else { throw .invalidNames("\"\(name)\" names two features") }
        }
    }
}
