/// One kernel eager PyTorch launches for a model on the CPU, with what it computes or moves.
///
/// The per-operator time model of the measured validation (`pytorch_eager`) prices a pass as the sum
/// over these: a GEMM at the rate measured for its own shape (and never faster than its bytes at
/// the measured bandwidth), an element-wise pass at the bandwidth measured for its tensor size,
/// and every launch at the per-operator dispatch cost. Which kernels eager PyTorch launches, and
/// how many bytes each moves, is written down per layer kind in `EagerLowering` from the
/// operator traces of transformers 5.23 (`torch.profiler`, `scripts/pytorch-host/time_pytorch.py`, profile mode).
public struct EagerOperator: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// `batch` products of `m × k` by `k × n` (a `bmm` over heads, or one `mm`/`addmm`).
        /// `transposedB`: the right operand is stored `n × k` and read transposed, as
        /// `nn.Linear`'s weight (`x·Wᵀ`) and `Q·Kᵀ` are; a matrix–vector product's rate depends
        /// on it (MKL reads the two layouts up to 1.7 × apart at one row), so it is timed so.
        case gemm(m: Int, n: Int, k: Int, batch: Int, transposedB: Bool = false)
        /// An element-wise or reduction pass: `bytes` read and written in all, over a tensor of
        /// `elements` values (its footprint decides which cache level it runs from).
        case memory(bytes: Int, elements: Int)
        /// Dispatch only (views, reshapes, no-op casts): no data moves.
        case view
        /// One tensor of `bytes` that a single call allocates and its inner kernels write piece by
        /// piece (a `_grouped_mm`'s output, one product per expert into it): no launch of its own,
        /// but its pages are touched fresh when it is large (`EagerTimeModel.freshPageSeconds`).
        case allocation(bytes: Int)
    }

    /// `layer.attention.scores`, `layer.ffn.gelu_tanh`, `head.lm_head`, …
    public var name: String
    public var kind: Kind
    /// Launches per pass (a per-layer operator: once per layer).
    public var count: Int
    /// What an element-wise pass computes per value: a plain pass is bandwidth-bound, but an
    /// exponential per value (SiLU, GELU, tanh) or a softmax's three sweeps can take longer than
    /// the bytes (on a 2-core EPYC, torch's softmax over 12 × 512 × 512 in cache: 2.7 ms, its
    /// scaling by a constant 1.0 ms).
    public var function: ElementFunction

    /// How much arithmetic an element-wise pass does per value.
    public enum ElementFunction: String, Codable, Sendable {
        /// Adds, products, copies: the bytes decide.
        case plain
        /// One exponential (or erf, tanh) per value: activations and their backward.
        case activation
        /// A row's maximum, exponentials and their sum, and the division: softmax, log-softmax.
        case softmax
    }

    /// The pass moves memory the rest of its step has evicted: a decode step's KV cache (between
    /// two reads of one layer's cache the whole model's weights stream through the caches) and the
    /// buffers a decode step's cache-sized copies land in (`repeat_kv`'s, recycled by the
    /// allocator after the same stream). It runs at the largest footprint's measured rate, whatever
    /// its own size.
    public var movesColdMemory = false

    public init(_ name: String, _ kind: Kind, count: Int = 1, function: ElementFunction = .plain, movesColdMemory: Bool = false) {
        self.name = name; self.kind = kind; self.count = count; self.function = function; self.movesColdMemory = movesColdMemory
    }

    /// FLOPs of one launch (`2·m·n·k·batch` for a GEMM, 0 otherwise: element-wise arithmetic is
    /// bandwidth-bound here).
    public var flops: Double {
        if case let .gemm(m, n, k, batch, _) = kind { return 2 * Double(m) * Double(n) * Double(k) * Double(batch) }
        return 0
    }

    /// Bytes one launch moves at least (FP32); of an allocation, the pages it touches.
    public var bytes: Double {
        switch kind {
        case let .gemm(m, n, k, batch, _): 4 * Double(batch) * (Double(m) * Double(k) + Double(k) * Double(n) + Double(m) * Double(n))
        case let .memory(bytes, _), let .allocation(bytes): Double(bytes)
        case .view: 0
        }
    }

    /// Bytes of the tensor one launch allocates and writes (eager operators return a new tensor):
    /// the GEMM's result, the pass's output; 0 for views.
    public var outputBytes: Double {
        switch kind {
        case let .gemm(m, n, _, batch, _): 4 * Double(m) * Double(n) * Double(batch)
        case let .memory(_, elements): 4 * Double(elements)
        case let .allocation(bytes): Double(bytes)
        case .view: 0
        }
    }

    /// Whether the operator is an aten call of its own (an allocation happens inside another's).
    public var isLaunch: Bool {
        if case .allocation = kind { return false }
        return true
    }

    /// Element-wise pass over `elements` values that reads `reads` tensors of that size and
    /// writes one: `4 · (reads + 1) · elements` bytes.
    static func pass(_ name: String, elements: Int, reads: Int = 1, count: Int = 1, function: ElementFunction = .plain) -> EagerOperator {
        EagerOperator(name, .memory(bytes: 4 * (reads + 1) * elements, elements: elements), count: count, function: function)
    }

    /// A reduction over `elements` values to a much smaller result (a mean, a sum): reads them once.
    static func reduction(_ name: String, elements: Int, count: Int = 1) -> EagerOperator {
        EagerOperator(name, .memory(bytes: 4 * elements, elements: elements), count: count)
    }
}

/// Which pass of a model a lowering describes.
public enum EagerPass: String, Codable, Sendable, CaseIterable {
    /// `model(input_ids)` over the sequence under `no_grad`.
    case forward
    /// `model(input_ids, labels=input_ids)` + `loss.backward()`.
    case training
    /// One token over a cache of `seq − 1` positions.
    case decode
}
