/// The one table of the largest input every command accepts, each with the reason for it.
///
/// Every front end and every library entry point reads its bounds from here, so a sequence
/// length, a batch or a device count means the same thing whichever figure is asked for. Each
/// bound is chosen to be safe for *every* command: sizes stay small enough that the product of
/// two of them fits an `Int` (the counters' exact sums use `ExactCount`), and large enough for
/// any real model or run.
public enum Limits {
    /// One bound: the largest accepted value and why it is the largest.
    public struct Bound<Value: Sendable>: Sendable {
        public var maximum: Value
        /// Why larger values are refused, in words fit for an error message.
        public var reason: String
        /// `2^30`, `131072`: the bound as a message writes it.
        public var written: String
    }

    /// Positions of one sequence that any command counts, sizes or prices (prefill, training
    /// sequence, KV-cache context, memory, rule checks): 2^30 ≈ 1.07·10^9, a hundred times the
    /// longest published context (10M tokens). Position × width and position × position stay
    /// below 2^61, so every per-sequence product the counters form in an `Int` is exact, and
    /// costs in `Double` keep 15 significant digits.
    public static let sequence = Bound(maximum: 1 << 30, reason: "positions × width must fit the exact counters", written: "2^30")

    /// Positions per sequence a *training plan* is searched for: 2^17 = 131072. Plans model no
    /// context parallelism, so beyond 128K tokens no plan fits any catalog device, and the search
    /// for the smallest fitting device count would walk every count up to 2^16 (minutes).
    public static let plannedSequence = Bound(maximum: 1 << 17, reason: "no context parallelism is modelled", written: "131072")

    /// Positions of a sequence this host actually runs (the measured rule check): 2^20. Attention
    /// scores of one head at 2^20 positions are 4 TiB in FP32; the run is refused earlier by its
    /// memory check, this bound keeps the shape arithmetic small.
    public static let measuredSequence = Bound(maximum: 1 << 20, reason: "a measured pass runs the real layers on this host", written: "1048576")

    /// Sequences of one batch (a forward pass, a decode step, a serving replica, a global batch):
    /// 2^20. Batch × sequence stays below 2^50 tokens, and batch × beams below `sizes`.
    public static let batch = Bound(maximum: 1 << 20, reason: "batch × sequence must stay an exact token count", written: "2^20")

    /// Tokens one generation request produces: 2^17 = 131072. A request is counted step by step
    /// (each decode step at its own context, every step listed in JSON), so the work grows with it.
    public static let newTokens = Bound(maximum: 1 << 17, reason: "each step is counted on its own", written: "131072")

    /// Beam width × batch: the sequences of one decode step, at most 2^31 (two such counts multiply in an `Int`).
    public static let hypotheses = Bound(maximum: 1 << 31, reason: "batch × beams is one step's sequences", written: "2^31")

    /// Devices of one run, one serving replica, and every parallel degree (tp, pp, dp, ep,
    /// micro-batches): 2^20, ten times the largest published cluster.
    public static let devices = Bound(maximum: 1 << 20, reason: "ten times the largest published cluster", written: "2^20")

    /// Devices sharing one intra-node link: 2^16.
    public static let devicesPerNode = Bound(maximum: 1 << 16, reason: "no node holds more", written: "2^16")

    /// Plans one search lists: 10000.
    public static let planCount = Bound(maximum: 10_000, reason: "a listing, not a dump", written: "10000")

    /// Any one size of an architecture (vocabulary, width, layers, heads, experts, context
    /// window): 2^31 ≈ 2.1·10^9, far above any real model's largest dimension, because the
    /// counters multiply two sizes in an `Int`, and 2^31 · 2^31 = 2^62 cannot overflow.
    public static let modelSize = Bound(maximum: 1 << 31, reason: "the counters multiply two sizes in an Int, which must not overflow", written: "2^31")

    /// Parameters of one model: 2^53 ≈ 9·10^15 (5,000 × the largest published model), so every
    /// parameter count is exact in an `Int` and even in a `Double`.
    public static let parameters = Bound(maximum: 1 << 53, reason: "exact in a Double", written: "2^53")

    /// Tokens typed as a number (training tokens, a task's tokens): 10^18, a thousand times the
    /// largest published training run; whole numbers up to it are exact in `Double`'s 2^53 steps
    /// only up to 9·10^15, so larger counts are checked as whole numbers before use.
    public static let tokens = Bound(maximum: 1e18, reason: "a thousand times the largest published training run", written: "1e18")
}
