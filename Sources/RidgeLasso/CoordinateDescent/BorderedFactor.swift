import LinearAlgebra

/// The Cholesky factor L of a Newton system H_BB = G_BB + λ₂B_B for one support B, and solves of
/// H_AA x = r for supports A = B − R + Q near B without a new factor (bordering).
///
/// With U = [H_BQ, E_R] (b × k, E_R the unit columns of the removed features) and the removed
/// coordinates held at 0 by multipliers μ,
///
///     x_B = y₀ − W z,  y₀ = H_BB⁻¹ r_B,  W = H_BB⁻¹U,
///     (M₀ − UᵀW) z = [r_Q; 0] − Uᵀy₀,  M₀ = [H_QQ 0; 0 0],  z = (x_Q, μ),
///
/// where r_B is r on A ∩ B and 0 on R. Exact: the factor itself is never updated, so nothing
/// drifts. Each border column w = H_BB⁻¹u and its products UᵀW are computed once per factor and
/// kept (a path changes its support by a few features per α), so a solve costs one triangular
/// solve pair (two `dtrsv`, 2b² flops), a k × k system and b·k for the new features' columns.
struct BorderedFactor {
    /// B, in factor order; empty when there is no factor.
    private(set) var features: [Int] = []
    /// λ₂ of the factored system.
    private(set) var l2 = Double.nan
    /// L (order b = features.count, column-major, lower triangle) in the first b² values; callers
    /// gather H_BB's lower triangle here before ``factor(_:l2:)``. Grown, never shrunk.
    var storage: [Double] = []
    /// Position of each feature in B, −1 outside.
    private var position: [Int]
    /// Scratch: position of each feature in the support being solved, −1 outside.
    private var positionInSupport: [Int]
    /// Column of each feature in the border cache, −1 when it has none.
    private var borderSlot: [Int]
    private var borderFeatures: [Int] = []
    /// u (b × K, column-major): H_Bq for an added q, the unit column of a removed feature.
    private var borderU: [Double] = []
    /// H_BB⁻¹u (b × K).
    private var borderW: [Double] = []
    /// uₐᵀH_BB⁻¹u_c (K × K).
    private var borderProducts = GrowingSymmetricMatrix(minimumCapacity: 16, limit: BorderedFactor.borderCacheLimit)

    /// Most border columns kept per factor (their memory is 16·b·limit bytes); a solve that
    /// would need more is declined, and the caller factors anew.
    static let borderCacheLimit = 256

    init(featureCount p: Int) {
        position = [Int](repeating: -1, count: p)
        positionInSupport = position
        borderSlot = position
    }

    /// Whether feature j is in the factored support B.
    func contains(_ j: Int) -> Bool { position[j] >= 0 }

    /// Factors the matrix whose lower triangle (order `features.count`) the caller gathered into
    /// `storage`, as the factor of support `features` at λ₂ = `l2`, and forgets the border
    /// columns of the previous factor.
    /// - Throws: ``LinearAlgebraError/notPositiveDefinite(minor:)`` (then no factor is kept).
    mutating func factor(_ support: [Int], l2: Double) throws(LinearAlgebraError) {
        clear()
        try CholeskyFactorization.factor(order: support.count, overwriting: &storage)
        features = support
        self.l2 = l2
        for (k, j) in support.enumerated() { position[j] = k }
    }

    /// Forgets the factor and its border columns.
    mutating func clear() {
        for j in features { position[j] = -1 }
        for j in borderFeatures { borderSlot[j] = -1 }
        features = []
        l2 = .nan
        borderFeatures = []
        borderU = []
        borderW = []
        borderProducts.removeAll()
    }

    /// Whether there is a factor that solves at λ₂ = `requested`: made at that λ₂, or at one within
    /// ``maximumDrift`` of it.
    func accepts(l2 requested: Double) -> Bool {
        guard !features.isEmpty, requested >= 0 else { return false }
        let delta = requested - l2
        return delta == 0 || (l2 > 0 && abs(delta) <= Self.maximumDrift * l2)
    }

    /// H_BB⁻¹ rhs (rhs in factor order) by two triangular solves.
    func solveFactored(_ rhs: [Double]) -> [Double]? {
        var x = rhs
        guard (try? CholeskyFactorization.solve(order: features.count, factor: storage, inPlace: &x)) != nil else { return nil }
        return x
    }

    /// Solves H_AA x = rhs, A = `support` (x and rhs in the order of `support`), from the factor of
    /// B; nil when there is no factor, A differs from B in more than `limit` features (removed
    /// plus added), λ₂ drifted too far, the border cache is full, or a system is singular.
    ///
    /// At the factored λ₂ the bordered solve is exact. At another λ₂′ (an elastic-net path moves
    /// λ₂ = α(1 − r) with α), H′ = H + δB_A with δ = λ₂′ − λ₂, and H′x = rhs is solved by conjugate
    /// gradients preconditioned with the exact solve at λ₂: as G ⪰ 0, H ⪰ λ₂B, so the
    /// preconditioned matrix I + δH⁻¹B has its eigenvalues between 1 and 1 + δ/λ₂, a condition
    /// number of at most 2 for |δ| ≤ λ₂/2 (``maximumDrift``), and a few iterations reach rounding.
    /// - Parameters:
    ///   - entry: G entries G_ij for i ∈ B ∪ Q, j ∈ Q (the caller makes sure they are available).
    ///   - l2Weight: bⱼ, the weight of λ₂ on feature j (H = G + λ₂ diag(b)).
    mutating func solve(
        _ support: [Int], _ rhs: [Double], l2 requested: Double, limit: Int,
        entry: (Int, Int) -> Double, l2Weight: (Int) -> Double
    ) -> [Double]? {
        let b = features.count
        guard accepts(l2: requested), rhs.count == support.count else { return nil }
        let delta = requested - l2
        for (k, j) in support.enumerated() { positionInSupport[j] = k }
        defer { for j in support { positionInSupport[j] = -1 } }
        let added = support.filter { position[$0] < 0 }
        let removed = features.filter { positionInSupport[$0] < 0 }
        guard added.count + removed.count <= limit else { return nil }
        let border = added + removed
        guard prepareBorder(border, entry: entry) else { return nil }
        // The k × k bordered system at the factored λ₂, −UᵀW + M₀ (row-major).
        let k = border.count, q = added.count
        let slots = border.map { borderSlot[$0] }
        var system = [Double](repeating: 0, count: k * k)
        for a in 0..<k {
            for c in 0..<k { system[a * k + c] = -borderProducts[slots[a], slots[c]] }
        }
        for a in 0..<q {
            for c in 0..<q { system[a * k + c] += entry(added[a], added[c]) }
            system[a * k + a] += l2 * l2Weight(added[a])
        }
        /// The exact solve at the factored λ₂.
        func exact(_ r: [Double]) -> [Double]? {
            var rB = [Double](repeating: 0, count: b)
            for (pos, j) in features.enumerated() where positionInSupport[j] >= 0 { rB[pos] = r[positionInSupport[j]] }
            guard let y0 = solveFactored(rB) else { return nil }
            var z: [Double] = []
            if k > 0 {
                var t = [Double](repeating: 0, count: k)
                borderU.withUnsafeBufferPointer { u in
                    y0.withUnsafeBufferPointer { y in
                        for a in 0..<k {
                            let uy = BLAS.dot(b, u.baseAddress! + slots[a] * b, y.baseAddress!)
                            t[a] = (a < q ? r[positionInSupport[added[a]]] : 0) - uy
                        }
                    }
                }
                guard let solved = SmallDenseSystem.solve(system, t, k) else { return nil }
                z = solved
            }
            var xB = y0
            borderW.withUnsafeBufferPointer { w in
                xB.withUnsafeMutableBufferPointer { x in
                    for c in 0..<k where z[c] != 0 { BLAS.axpy(b, -z[c], w.baseAddress! + slots[c] * b, x.baseAddress!) }
                }
            }
            var x = [Double](repeating: 0, count: support.count)
            for (pos, j) in features.enumerated() where positionInSupport[j] >= 0 { x[positionInSupport[j]] = xB[pos] }
            for (a, j) in added.enumerated() { x[positionInSupport[j]] = z[a] }
            return x.allSatisfy { $0.isFinite } ? x : nil
        }
        guard var x = exact(rhs) else { return nil }
        if delta == 0 { return x }
        // Preconditioned CG on H′x = rhs from x₀ = H⁻¹rhs. H p is carried along (H z = r for each
        // preconditioned residual z), so H′p = Hp + δBp needs no product with G.
        let m = support.count
        let weights = support.map(l2Weight)
        var r = (0..<m).map { -delta * weights[$0] * x[$0] }
        guard var z = exact(r) else { return nil }
        var direction = z, hDirection = r
        var rz = zip(r, z).reduce(0) { $0 + $1.0 * $1.1 }
        let target = Self.driftTolerance * max(rhs.reduce(0) { max($0, abs($1)) }, .leastNormalMagnitude)
        for _ in 0..<Self.driftIterations {
            if r.allSatisfy({ abs($0) <= target }) { return x }
            var pAp = 0.0
            var ap = [Double](repeating: 0, count: m)
            for i in 0..<m {
                ap[i] = hDirection[i] + delta * weights[i] * direction[i]
                pAp += direction[i] * ap[i]
            }
            guard pAp > 0, rz.isFinite else { return nil }
            let step = rz / pAp
            for i in 0..<m {
                x[i] += step * direction[i]
                r[i] -= step * ap[i]
            }
            guard let next = exact(r) else { return nil }
            z = next
            let rzNext = zip(r, z).reduce(0) { $0 + $1.0 * $1.1 }
            let beta = rzNext / rz
            rz = rzNext
            for i in 0..<m {
                direction[i] = z[i] + beta * direction[i]
                hDirection[i] = r[i] + beta * hDirection[i]
            }
        }
        return r.allSatisfy({ abs($0) <= target }) ? x : nil
    }

    /// Largest |λ₂′ − λ₂| / λ₂ for which a solve at λ₂′ uses the factor made at λ₂ (the
    /// preconditioned condition number is then at most 2).
    static let maximumDrift = 0.5
    /// Residual (relative to the largest |rhs| entry) at which the drift iterations stop.
    static let driftTolerance = 1e-12
    /// Most conjugate-gradient iterations for a drifted λ₂ (at condition number 2 each gains
    /// ≈ 0.77 digits, so 1e-12 takes about 16); more declines the solve.
    static let driftIterations = 30

    /// Computes and keeps the border columns of the features of `border` that have none: u, then
    /// W = H_BB⁻¹U in one `dpotrs`, then their products with every kept column in one `dgemm`.
    private mutating func prepareBorder(_ border: [Int], entry: (Int, Int) -> Double) -> Bool {
        let missing = border.filter { borderSlot[$0] < 0 }
        if missing.isEmpty { return true }
        let b = features.count, old = borderFeatures.count, total = old + missing.count
        guard total <= Self.borderCacheLimit else { return false }
        var block = [Double](repeating: 0, count: b * missing.count)
        for (col, j) in missing.enumerated() {
            if position[j] >= 0 {
                block[col * b + position[j]] = 1
            } else {
                for (pos, i) in features.enumerated() { block[col * b + pos] = entry(i, j) }
            }
        }
        guard let blockMatrix = try? Matrix(rows: b, columns: missing.count, columnMajor: block),
              let solved = try? CholeskyFactorization.solve(order: b, factor: storage, blockMatrix),
              solved.storage.allSatisfy({ $0.isFinite }) else { return false }
        borderU += block
        borderW += solved.storage
        for (k, j) in missing.enumerated() {
            borderSlot[j] = old + k
            borderFeatures.append(j)
        }
        // Rows of the new columns: U_newᵀ W_all (missing × total), mirrored (UᵀH⁻¹U is symmetric).
        let fresh = missing.count
        var products = [Double](repeating: 0, count: fresh * total)
        borderU.withUnsafeBufferPointer { u in
            borderW.withUnsafeBufferPointer { w in
                products.withUnsafeMutableBufferPointer { out in
                    BLAS.transposeProduct(rows: b, aColumns: fresh, bColumns: total, u.baseAddress! + old * b,
                                          w.baseAddress!, into: out.baseAddress!)
                }
            }
        }
        borderProducts.append(rows: fresh, products: products)
        return true
    }
}
