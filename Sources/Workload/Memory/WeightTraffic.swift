/// Weight bytes one forward step reads from memory. The dense parts — attention, dense FFNs,
/// shared experts, routers, norms, LM head (a tied embedding table with it) — are read every
/// step, whatever the batch; a table looked up by row (an untied input embedding, learned
/// positions) only in the rows the step's tokens gather; a mixture's routed experts only where
/// the step's tokens route.
///
/// Assumption (stated wherever it is used): routing is uniform and independent — each of the
/// step's `T` tokens picks its `k` of `E` experts in a layer uniformly, independently of the other
/// tokens — so an expert is missed by all of them with probability `(1 − k/E)^T`, and the expected
/// number of distinct experts a layer reads is `E·(1 − (1 − k/E)^T)`. Real routers are skewed
/// (load-balancing losses only even them out on average), which touches fewer distinct experts:
/// this is the upper end at a given batch, far below "every expert" at small batch.
public struct WeightTraffic: Sendable, Equatable {
    /// Bytes read every step.
    public var alwaysRead: Int128
    /// Bytes of all routed experts' weights (matrices and biases) at their storage.
    public var routedExperts: Int128
    /// Routed experts per sparse layer, and how many each token visits.
    public var experts: Int
    public var topK: Int

    /// A table a step reads row by row: `bytes` over `rows` rows.
    public struct GatheredTable: Sendable, Equatable {
        /// What the table is, for formulas ("the untied token embedding").
        public var name: String
        public var bytes: Int128
        public var rows: Int
        public init(name: String, bytes: Int128, rows: Int) { self.name = name; self.bytes = bytes; self.rows = rows }
    }
    /// Tables read by row (not part of `alwaysRead`).
    public var gatheredTables: [GatheredTable]

    public init(alwaysRead: Int128, routedExperts: Int128 = 0, experts: Int = 1, topK: Int = 1, gatheredTables: [GatheredTable] = []) {
        self.alwaysRead = alwaysRead; self.routedExperts = routedExperts; self.experts = experts; self.topK = topK
        self.gatheredTables = gatheredTables
    }

    /// Every weight, every step (a dense model, or the seeds' rule with no architecture).
    public static func dense(_ bytes: Int128) -> WeightTraffic { WeightTraffic(alwaysRead: bytes) }

    /// All weight bytes.
    public var total: Int128 { alwaysRead + gatheredTables.reduce(0) { $0 + $1.bytes } + routedExperts }

    /// Bytes of the gathered tables a step of `tokens` tokens reads: at most one row per token,
    /// the whole table once the tokens reach its rows (rounded up to a whole byte).
    public func gatheredBytes(tokens: Int) -> Int128 {
        gatheredTables.reduce(0) { sum, table in
            guard table.rows > 0, tokens < table.rows else { return sum + table.bytes }
            return sum + (table.bytes * Int128(max(0, tokens)) + Int128(table.rows) - 1) / Int128(table.rows)
        }
    }

    /// Expected share of a layer's `experts` a step of `tokens` tokens reads: `1 − (1 − k/E)^tokens`.
    public static func touchedShare(experts: Double, topK: Double, tokens: Int) -> Double {
        guard tokens > 0, experts > 0 else { return 0 }
        let miss = 1 - min(1, topK / experts)
        var result = 1.0, base = miss, e = tokens
        while e > 0 { if e & 1 == 1 { result *= base }; base *= base; e >>= 1 }
        return 1 - result
    }

    /// Expected distinct experts per sparse layer a step of `tokens` tokens reads: `E·(1 − (1 − k/E)^tokens)`.
    public func expertsTouched(tokens: Int) -> Double {
        Double(experts) * Self.touchedShare(experts: Double(experts), topK: Double(topK), tokens: tokens)
    }

    /// Expected routed-expert bytes a step of `tokens` tokens reads, rounded up to a whole byte.
    public func routedBytes(tokens: Int) -> Int128 {
        guard routedExperts > 0 else { return 0 }
        let share = Self.touchedShare(experts: Double(experts), topK: Double(topK), tokens: tokens)
        return min(routedExperts, Int128((Double(routedExperts) * share).rounded(.up)))
    }

    /// Expected weight bytes a step of `tokens` tokens (batch × new positions) reads.
    public func bytes(tokens: Int) -> Int128 { alwaysRead + gatheredBytes(tokens: tokens) + routedBytes(tokens: tokens) }

    /// How the routed part is read, for formulas and notes.
    public func describe(tokens: Int) -> String {
        let touched = expertsTouched(tokens: tokens)
        return "\(String(format: "%.4g", touched)) of \(experts) experts per sparse layer: E·(1 − (1 − k/E)^T) with E = \(experts), k = \(topK), T = \(tokens) tokens in the step (uniform, independent routing assumed)"
    }
}
