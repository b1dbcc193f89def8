/// Levenshtein distance, for "did you mean" suggestions on mistyped names and keys — the one
/// implementation, shared by the model catalog, the spec schema and the hardware catalog.
public enum EditDistance {
    /// Edits (insertions, deletions, substitutions) between `a` and `b`, ignoring case.
    public static func between(_ a: String, _ b: String) -> Int {
        let a = Array(a.lowercased()), b = Array(b.lowercased())
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    /// Up to `limit` candidates close to `word`: within a third of its length (at least 2 edits),
    /// or containing it / contained in it; nearest first. The one did-you-mean rule of every
    /// name lookup (models, hardware, interconnects).
    public static func nearest(to word: String, in candidates: [String], limit: Int = 3) -> [String] {
        let allowed = max(2, word.count / 3)
        let w = word.lowercased()
        return candidates
            .map { (name: $0, distance: between(word, $0)) }
            .filter { $0.distance <= allowed || $0.name.lowercased().contains(w) || w.contains($0.name.lowercased()) }
            .sorted { ($0.distance, $0.name) < ($1.distance, $1.name) }
            .prefix(limit).map(\.name)
    }

    /// The one wording of a suggestion: `did you mean 'a', 'b'?`, or nil when nothing is near.
    public static func didYouMean(_ names: [String]) -> String? {
        names.isEmpty ? nil : "did you mean " + names.map { "'\($0)'" }.joined(separator: ", ") + "?"
    }

    /// `didYouMean` over the `nearest` candidates to `word`.
    public static func didYouMean(_ word: String, in candidates: [String], limit: Int = 3) -> String? {
        didYouMean(nearest(to: word, in: candidates, limit: limit))
    }
}
