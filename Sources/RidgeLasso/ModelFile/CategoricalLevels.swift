/// The levels of one categorical column that was one-hot encoded into a model's features: one
/// indicator feature `column=level` per level, in this order. A model file keeps them in its
/// `"categorical"` member so that `ridgelasso predict` encodes new rows the same way; a model
/// decoded in Swift keeps them too, so encoding it again writes the file it was read from.
public struct CategoricalLevels: Codable, Sendable, Equatable, Hashable {
    /// The column's name in the CSV file.
    public let column: String
    /// Its levels, in the order of the indicator features.
    public let levels: [String]

    /// The levels of `column`.
    public init(column: String, levels: [String]) {
        self.column = column
        self.levels = levels
    }
}
