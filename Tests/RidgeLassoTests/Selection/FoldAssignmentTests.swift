import Testing
@testable import RidgeLasso

@Suite("FoldAssignment: seeded, contiguous and given folds")
struct FoldAssignmentTests {
    @Test("shuffled folds are balanced, reproducible from the seed, and differ between seeds")
    func shuffled() throws {
        let a = try FoldAssignment(.shuffled(count: 4, seed: 42), rows: 23)
        let b = try FoldAssignment(.shuffled(count: 4, seed: 42), rows: 23)
        let c = try FoldAssignment(.shuffled(count: 4, seed: 43), rows: 23)
        #expect(a == b)
        #expect(a.foldOfRow != c.foldOfRow)
        let sizes = (0..<4).map { a.testRows($0).count }
        #expect(sizes.sorted() == [5, 6, 6, 6])
        #expect(a.foldOfRow.allSatisfy { (0..<4).contains($0) })
        for k in 0..<4 {
            #expect(Set(a.testRows(k)).union(a.trainingRows(k)) == Set(0..<23))
            #expect(Set(a.testRows(k)).isDisjoint(with: a.trainingRows(k)))
        }
    }

    @Test("the seeded shuffle is pinned: seed 1 on 10 rows into 3 folds")
    func pinned() throws {
        // Reference from an independent Python transcription of SplitMix64 + Lemire + Fisher–Yates
        // (labels i mod 3, swapped from the last position down). Users' published folds depend on
        // this sequence, so it must never change.
        let a = try FoldAssignment(.shuffled(count: 3, seed: 1), rows: 10)
        #expect(a.foldOfRow == [0, 0, 1, 1, 2, 2, 0, 1, 0, 2])
    }

    @Test("contiguous folds are scikit-learn's KFold blocks: the first n mod K are one longer")
    func contiguous() throws {
        let a = try FoldAssignment(.contiguous(count: 3), rows: 11)
        #expect(a.foldOfRow == [0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2])
    }

    @Test("given labels are renumbered by their sorted distinct values")
    func given() throws {
        let a = try FoldAssignment(.given([7, 3, 7, -1, 3]), rows: 5)
        #expect(a.count == 3)
        #expect(a.foldOfRow == [2, 1, 2, 0, 1])
        #expect(a.testRows(2) == [0, 2] && a.trainingRows(2) == [1, 3, 4])
    }

    @Test("bad fold counts and labels throw")
    func errors() {
        #expect(throws: RegressionError.invalidParameter(name: "folds", value: 1, requirement: "must be ≥ 2")) {
            try FoldAssignment(.shuffled(count: 1, seed: 0), rows: 5)
        }
        #expect(throws: RegressionError.self) { try FoldAssignment(.contiguous(count: 6), rows: 5) }
        #expect(throws: RegressionError.dimensionMismatch("X has 3 rows but there are 2 fold ids")) {
            try FoldAssignment(.given([0, 1]), rows: 3)
        }
        #expect(throws: RegressionError.self) { try FoldAssignment(.given([4, 4, 4]), rows: 3) }
    }
}
