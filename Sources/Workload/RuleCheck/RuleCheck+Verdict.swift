/// One context of a model's rule check.
public struct RuleCheckRow: Sendable {
    public var context: Int
    public var matmul: RuleDeviation
    public var causal: RuleDeviation
    /// Exact matmul FLOPs per token ÷ 2·N with N total, non-embedding and active.
    public var ratioTotal: Double, ratioNonEmbedding: Double, ratioActive: Double
    /// Exact training FLOPs per token ÷ 6·N (total).
    public var trainingRatio: Double
    /// Kaplan's formula ÷ the exact matmul count, minus one.
    public var kaplanError: Double
}

/// Where the rule holds: the contexts whose exact/2·N ratio lies within the tolerance.
public struct RuleRange: Sendable, Equatable {
    public var convention: Convention
    /// First and last context (within the searched limit) inside the tolerance; nil if none.
    public var within: ClosedRange<Int>?
    public var limit: Int
    /// First context beyond the range, where the rule stops holding (nil if it holds up to `limit`).
    public var breaksAt: Int? {
        guard let within else { return nil }
        return within.upperBound < limit ? within.upperBound + 1 : nil
    }
}

/// A model's whole rule check: rows per context, where the rule holds, a verdict.
public struct RuleCheckResult: Sendable {
    public var model: String
    /// The model's family (`ModelSpec.family`, a Hugging Face `model_type`), when known: a plot
    /// of many models groups them by it.
    public var family: String? = nil
    public var parameters: ParameterReport
    public var rows: [RuleCheckRow]
    public var matmulRange: RuleRange
    public var causalRange: RuleRange
    /// The source of the gap where the rule breaks (or at the shortest context if it never holds).
    public var responsible: DeviationSource
    public var verdict: String
    /// exact/2·N (matmul) at powers of two up to the longest context asked, for plotting.
    public var curve: [(context: Int, ratio: Double)]
    /// Contexts asked for but not checked: beyond the model's context window.
    public var skippedContexts: [Int] = []
    /// The window they were measured against (nil: no window, or the check went beyond it).
    public var contextWindow: Int? = nil
}

extension RuleCheck {
    /// Checks the rule at the `contexts` within the model's context window (every one when
    /// `beyondWindow`; the window itself when none fits) and says which were left out.
    public func run(contexts asked: [Int], beyondWindow: Bool, limit: Int = 1 << 24) throws -> RuleCheckResult {
        let window = beyondWindow ? nil : spec.contextWindow
        var kept = asked.filter { window == nil || $0 <= window! }
        if kept.isEmpty, let window { kept = [window] }
        var result = try run(contexts: kept, limit: limit)
        result.skippedContexts = asked.filter { !kept.contains($0) }
        result.contextWindow = window
        return result
    }

    /// Checks the rule at `contexts` and searches where it holds up to `limit` tokens.
    public func run(contexts: [Int], limit: Int = 1 << 24) throws -> RuleCheckResult {
        let rows = try contexts.map(row)
        let matmul = try range(.matmul, limit: limit), causal = try range(.causal, limit: limit)
        // Blame the gap where the rule fails: at short contexts if it never holds there, else
        // where it breaks, else (it holds throughout) at the longest context asked for.
        let shortest = contexts.min() ?? 1
        let shortestHolds = matmul.within?.contains(shortest) ?? false
        let probe = !shortestHolds ? shortest : (matmul.breaksAt ?? min(limit, contexts.max() ?? 1))
        let responsible = try deviation(at: probe, convention: .matmul).dominantSource
        return RuleCheckResult(model: spec.name, family: spec.family, parameters: parameters, rows: rows, matmulRange: matmul,
                               causalRange: causal, responsible: responsible,
                               verdict: verdict(rows: rows, matmul: matmul, causal: causal, responsible: responsible),
                               curve: try curve(upTo: contexts.max() ?? 1))
    }

    func curve(upTo longest: Int) throws -> [(context: Int, ratio: Double)] {
        var points: [Int] = [], c = 16
        while c < longest { points.append(c); c *= 2 }
        points.append(longest)
        return try points.map { ($0, try deviation(at: $0, convention: .matmul).ratio) }
    }

    func row(_ context: Int) throws -> RuleCheckRow {
        let m = try deviation(at: context, convention: .matmul)
        let c = try deviation(at: context, convention: .causal)
        let kaplan = try counter(.kaplan).prefill(batch: 1, seq: context).flopsPerToken
        let train = try counter(.matmul).train(batch: 1, seq: context).flopsPerToken
        return RuleCheckRow(
            context: context, matmul: m, causal: c,
            ratioTotal: m.exactPerToken / (2 * Double(parameters.total)),
            ratioNonEmbedding: m.exactPerToken / (2 * Double(parameters.nonEmbedding)),
            ratioActive: m.exactPerToken / (2 * Double(parameters.active)),
            trainingRatio: train / (6 * Double(parameters.total)),
            kaplanError: kaplan / m.exactPerToken - 1)
    }

    /// The ratio grows with context (attention work per token grows, weights do not), so the
    /// contexts within tolerance form one interval; both ends are found by bisection.
    /// The first stretch of contexts where exact ÷ 2·N is within the tolerance. The ratio is not
    /// monotone in general: padded state-space scans (a chunk of 256 computed for one token) start
    /// far above the band and fall into it, embeddings and MoE totals start below it and rise,
    /// attention products leave it upward at long contexts. So the band is first found on a
    /// geometric grid (powers of two and their midpoints up to `limit`), then each edge is
    /// bisected between the grid points around it.
    func range(_ convention: Convention, limit: Int) throws -> RuleRange {
        func ratio(_ s: Int) throws -> Double { try deviation(at: s, convention: convention).ratio }
        let low = 1 - Self.tolerance, high = 1 + Self.tolerance
        func inBand(_ s: Int) throws -> Bool { let r = try ratio(s); return r >= low && r <= high }
        let grid = Self.searchGrid(limit: limit)
        guard let i = try grid.firstIndex(where: inBand) else { return RuleRange(convention: convention, within: nil, limit: limit) }
        let first = i == 0 ? grid[0] : try bisect(grid[i - 1] + 1, grid[i]) { try inBand($0) }
        var last = limit
        if let j = try grid[(i + 1)...].firstIndex(where: { try !inBand($0) }) {
            last = try bisect(grid[j - 1] + 1, grid[j]) { try !inBand($0) } - 1
        }
        return RuleRange(convention: convention, within: first <= last ? first...last : nil, limit: limit)
    }

    /// 1, 2, 3, 4, 6, 8, 12, … up to `limit` (which is always the last point).
    static func searchGrid(limit: Int) -> [Int] {
        var points: [Int] = [], p = 1
        while p < limit {
            points.append(p)
            let mid = p + p / 2
            if mid > p, mid < limit, mid < 2 * p { points.append(mid) }
            p *= 2
        }
        points.append(limit)
        return Array(Set(points)).sorted()
    }

    /// Smallest x in lo...hi with `predicate(x)` (monotone), or hi if none before it.
    private func bisect(_ lo: Int, _ hi: Int, _ predicate: (Int) throws -> Bool) throws -> Int {
        var lo = lo, hi = hi
        while lo < hi {
            let mid = lo + (hi - lo) / 2
            if try predicate(mid) { hi = mid } else { lo = mid + 1 }
        }
        return lo
    }
}
