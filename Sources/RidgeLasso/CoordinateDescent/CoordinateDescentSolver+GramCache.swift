import LinearAlgebra

// The Gram cache of the covariance scheme: columns c X̃ᵀx̃ⱼ of the features that enter the
// working set, formed in batches by BLAS and kept for the whole path.
extension CoordinateDescentSolver {
    /// Makes sure the Gram columns of `features` are cached, in one batched `dgemm` for the missing
    /// ones. As each batch reads all of X, a batch is padded (when a penalty is given) with the
    /// uncached features of largest |ρⱼ|/aⱼ — the likeliest to enter next — up to the size of the
    /// cache so far (at least 16): the cache grows geometrically, in O(log p) passes over X.
    func ensureCached(_ features: [Int], penalty: ElasticNetPenalty? = nil) throws(RegressionError) {
        var missing = features.filter { slotOf[$0] < 0 && curvature[$0] > 0 }
        guard !missing.isEmpty else { return }
        if let penalty {
            let target = max(missing.count, cachedFeatures.count, 16)
            if target > missing.count {
                var isMissing = [Bool](repeating: false, count: p)
                for j in missing { isMissing[j] = true }
                var candidates: [(Double, Int)] = []
                for j in 0..<p where slotOf[j] < 0 && !isMissing[j] && curvature[j] > 0 {
                    let a = penalty.l1Weights[j]
                    candidates.append((a > 0 ? abs(rho[j]) / a : .infinity, j))
                }
                candidates.sort { $0.0 > $1.0 }
                for (_, j) in candidates.prefix(target - missing.count) { missing.append(j) }
            }
        }
        // Half or more of the features at once, from an empty cache: one dsyrk for all of them.
        if cachedFeatures.isEmpty && 2 * missing.count >= p {
            missing = (0..<p).filter { curvature[$0] > 0 }
            let gram: [Double]
            if options.singlePrecisionGram, let approximate = design.singlePrecisionGram() {
                gram = approximate
                cacheIsApproximate = true
            } else {
                gram = try design.fullGram()
            }
            var block = [Double](repeating: 0, count: missing.count * p)
            for (k, j) in missing.enumerated() {
                for l in 0..<p { block[k * p + l] = gram[j * p + l] }
            }
            try store(block, for: missing)
            return
        }
        try store(try design.gramColumns(missing), for: missing)
    }

    /// Replaces the single-precision cache by exact Gram columns (one `dsyrk`), forgets the Newton
    /// factor made from it, and refreshes the gradient.
    func makeCacheExact() throws(RegressionError) {
        guard cacheIsApproximate else { return }
        let gram = try design.fullGram()
        for (slot, j) in cachedFeatures.enumerated() {
            gram.withUnsafeBufferPointer { b in (cache + slot * p).update(from: b.baseAddress! + j * p, count: p) }
        }
        cacheIsApproximate = false
        newtonFactor.clear()
        try refreshCorrelations()
    }

    /// Appends Gram columns (p × missing.count, column-major) to the cache.
    func store(_ block: [Double], for missing: [Int]) throws(RegressionError) {
        let needed = cachedFeatures.count + missing.count
        if needed > cacheCapacity {
            let newCapacity = min(max(needed, 2 * cacheCapacity, 8), max(p, needed))
            let fresh = UnsafeMutablePointer<Double>.allocate(capacity: newCapacity * p)
            fresh.update(from: cache, count: cachedFeatures.count * p)
            cache.deallocate()
            cache = fresh
            cacheCapacity = newCapacity
        }
        block.withUnsafeBufferPointer { b in
            for (k, j) in missing.enumerated() {
                let slot = cachedFeatures.count
                (cache + slot * p).update(from: b.baseAddress! + k * p, count: p)
                slotOf[j] = slot
                cachedFeatures.append(j)
            }
        }
    }
}
