import Workload

extension HardwareCatalog {
    /// The device called `name` (or one of its aliases), case- and punctuation-insensitive.
    /// An unknown name is an error that suggests the nearest catalog names.
    public static func named(_ name: String) throws(CostError) -> HardwareSpec {
        let key = normalised(name)
        if let spec = all.first(where: { ([$0.name] + $0.aliases).map(normalised).contains(key) }) { return spec }
        throw CostError(.hardware, "unknown hardware '\(name)'\(didYouMean(name)) "
            + "(catalog: \(all.map(\.name).joined(separator: ", ")); or a profile JSON path)")
    }

    /// `; did you mean 'a', 'b'?` with the nearest names, or nothing when none is near.
    public static func didYouMean(_ name: String) -> String {
        EditDistance.didYouMean(suggestions(for: name)).map { "; " + $0 } ?? ""
    }

    /// Up to three catalog names near `name` (over names and aliases, case and punctuation
    /// ignored) by the one did-you-mean rule, `EditDistance.nearest`.
    public static func suggestions(for name: String, limit: Int = 3) -> [String] {
        let spellings = all.flatMap { spec in ([spec.name] + spec.aliases).map { (key: normalised($0), name: spec.name) } }
        var names: [String] = []
        for key in EditDistance.nearest(to: normalised(name), in: spellings.map(\.key), limit: spellings.count) {
            if let found = spellings.first(where: { $0.key == key })?.name, !names.contains(found) { names.append(found) }
        }
        return Array(names.prefix(limit))
    }

    static func normalised(_ s: String) -> String {
        String(s.lowercased().filter { $0.isLetter || $0.isNumber })
    }
}
