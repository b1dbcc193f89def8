import Foundation

/// A host profile written by `llmcost bench --save`, read tolerantly: unknown keys are ignored,
/// every figure but `schema_version` is optional, numbers may be integers or decimals.
public struct MeasuredHostProfile: Codable, Sendable, Equatable {
    /// The only schema this reader understands.
    public static let supportedSchemaVersion = 1

    public var schemaVersion: Int
    public var threads: Int?
    /// Measured (or estimated) FP32 peak of the host, GFLOP/s.
    public var peakGflops: Double?
    /// How the peak was obtained ("fma-loop", "nominal", …).
    public var peakSource: String?
    public var bestSgemmGflops: Double?
    public var bandwidthGbps: Double?
    public var kernels: [Kernel]?
    /// Backward seconds ÷ forward seconds of the `attention` and `ffn` kernels.
    public var backwardForwardRatios: [String: Double]?
    public var host: [String: LooseValue]?
    public var date: String?
    public var llmcostVersion: String?

    /// One timed kernel: `layer`, `ffn`, `attention`, `sgemm-4096`, …
    public struct Kernel: Codable, Sendable, Equatable {
        public var name: String
        public var seconds: Double?
        public var flops: Double?
        public var gflops: Double?

        /// `gflops`, or `flops ÷ seconds ÷ 1e9` when only those are present.
        public var measuredGflops: Double? {
            if let gflops, gflops.isFinite, gflops > 0 { return gflops }
            if let flops, let seconds, seconds > 0, flops > 0 { return flops / seconds / 1e9 }
            return nil
        }
    }

    enum CodingKeys: String, CodingKey {
        case schemaVersion = "schema_version", threads, peakGflops = "peak_gflops", peakSource = "peak_source"
        case bestSgemmGflops = "best_sgemm_gflops", bandwidthGbps = "bandwidth_gbps", kernels, host, date
        case backwardForwardRatios = "backward_forward_ratios"
        case llmcostVersion = "llmcost_version"
    }

    public init(schemaVersion: Int = 1, threads: Int? = nil, peakGflops: Double? = nil, peakSource: String? = nil,
                bestSgemmGflops: Double? = nil, bandwidthGbps: Double? = nil, kernels: [Kernel]? = nil,
                backwardForwardRatios: [String: Double]? = nil, host: [String: LooseValue]? = nil, date: String? = nil, llmcostVersion: String? = nil) {
        self.schemaVersion = schemaVersion; self.threads = threads; self.peakGflops = peakGflops
        self.peakSource = peakSource; self.bestSgemmGflops = bestSgemmGflops; self.bandwidthGbps = bandwidthGbps
        self.kernels = kernels; self.backwardForwardRatios = backwardForwardRatios; self.host = host; self.date = date; self.llmcostVersion = llmcostVersion
    }

    /// Reads and checks a profile file; every failure is one line naming `option` (the option
    /// that gave the path: `--hardware`, `--host-profile`), the file and the field.
    public static func load(path: String, option: String = "--hardware") throws(CostError) -> MeasuredHostProfile {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw CostError(option: option, "cannot read profile '\(path)': no such file or not readable")
        }
        return try decode(data, path: path, option: option)
    }

    public static func decode(_ data: Data, path: String, option: String = "--hardware") throws(CostError) -> MeasuredHostProfile {
        // The version is checked before anything else, so a profile of another schema gets a
        // version error rather than a complaint about whichever field changed.
        struct Version: Decodable {
            var schemaVersion: LooseValue?
            enum CodingKeys: String, CodingKey { case schemaVersion = "schema_version" }
        }
        guard let version = try? JSONDecoder().decode(Version.self, from: data) else {
            throw CostError(option: option, "\(path): not a JSON object (expected a profile from `llmcost bench --save`)")
        }
        guard let raw = version.schemaVersion else {
            throw CostError(option: option, "\(path): missing schema_version (expected \(supportedSchemaVersion)); not a `llmcost bench --save` profile")
        }
        guard case .number(let number) = raw, abs(number) < 1e9, let v = Int(exactly: number) else {
            throw CostError(option: option, "\(path): schema_version must be an integer (expected \(supportedSchemaVersion)), got \(Self.quoted(raw))")
        }
        guard v == supportedSchemaVersion else {
            throw CostError(option: option, "\(path): schema_version \(v) is not supported (this llmcost reads version \(supportedSchemaVersion))")
        }
        let profile: MeasuredHostProfile
        do { profile = try JSONDecoder().decode(MeasuredHostProfile.self, from: data) } catch let DecodingError.typeMismatch(_, context),
            let DecodingError.valueNotFound(_, context), let DecodingError.keyNotFound(_, context) {
            let field = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
            throw CostError(option: option, "\(path): field '\(field)' has the wrong type or is missing")
        } catch {
            throw CostError(option: option, "\(path): malformed profile JSON")
        }
        try profile.validate(path: path, option: option)
        return profile
    }

    /// A value as the JSON had it: a string in quotes, so `"1"` is not mistaken for `1`.
    static func quoted(_ value: LooseValue) -> String {
        if case .string(let text) = value { return "the string \"\(text)\"" }
        return value.description
    }

    /// The kernel named `name` with a usable throughput.
    public func kernel(_ name: String) -> Kernel? {
        kernels?.first { $0.name == name && $0.measuredGflops != nil }
    }
}

/// A JSON value of unknown shape (the `host` block is free-form).
public enum LooseValue: Codable, Sendable, Equatable, CustomStringConvertible {
    case string(String), number(Double), bool(Bool), other

    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let b = try? c.decode(Bool.self) { self = .bool(b) }
        else if let n = try? c.decode(Double.self) { self = .number(n) }
        else if let s = try? c.decode(String.self) { self = .string(s) }
        else { self = .other }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .string(let s): try c.encode(s)
        case .number(let n): try c.encode(n)
        case .bool(let b): try c.encode(b)
        case .other: try c.encodeNil()
        }
    }

    public var description: String {
        switch self {
        case .string(let s): s
        case .number(let n): abs(n) < 1e15 ? Int64(exactly: n).map { String($0) } ?? String(n) : String(n)
        case .bool(let b): String(b)
        case .other: "…"
        }
    }
}
