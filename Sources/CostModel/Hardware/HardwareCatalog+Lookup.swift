import Workload

extension HardwareCatalog {
    /// The device called `name` (or one of its aliases), case- and punctuation-insensitive.
    /// An unknown name is an error that suggests the nearest catalog names.
    public static func named(_ name: String) throws(CostError) -> HardwareSpec {
        let key = normalised(name)
        if let spec = all.first(where: { ([$0.name] + $0.aliases).map(normalised).contains(key) }) { return spec }
        let nearest = suggestions(for: name)
        throw CostError(.hardware, "unknown hardware '\(name)'; did you mean \(nearest.joined(separator: ", "))? "
            + "(catalog: \(all.map(\.name).joined(separator: ", ")); or a profile JSON path)")
    }

    /// Up to three catalog names closest to `name` by edit distance (over names and aliases).
    public static func suggestions(for name: String, limit: Int = 3) -> [String] {
        let key = normalised(name)
        let scored = all.map { spec in
            (spec.name, ([spec.name] + spec.aliases).map { EditDistance.between(key, normalised($0)) }.min() ?? .max)
        }
        return scored.sorted { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }.prefix(limit).map(\.0)
    }

    static func normalised(_ s: String) -> String {
        String(s.lowercased().filter { $0.isLetter || $0.isNumber })
    }
}
