import CostModel
import Foundation
import Workload

/// One line of `llmcost hardware`: a catalog device or a measured host profile, in the same
/// shape (peaks per precision dense and sparse, memory, bandwidth, power, price, links, source).
/// A figure the source does not give is `nil` and prints as "—" or JSON `null`.
struct HardwareEntry {
    struct Source {
        var document: String
        var url: String
        var dateRead: String?
        var note: String?
        /// What the date is: when a datasheet was read, or when a profile was measured.
        var dateVerb = "read"
    }

    var name: String
    var displayName: String
    var aliases: [String]
    var kind: String
    var densePeaks: [Precision: FLOPsPerSecond]
    var sparsePeaks: [Precision: FLOPsPerSecond]
    var memoryGigabytes: Double?
    var bandwidth: BytesPerSecond?
    var tdp: Watts?
    var pricePerHour: DollarsPerHour?
    var links: NodeLinks?
    var source: Source
    var priceSource: Source?
    /// The fraction of the BF16 peak a matmul reaches (catalog devices with a bf16 peak; nil for a
    /// host profile, whose peak is already measured).
    var matmulCeiling: Double?
    var matmulSource: Source?
    /// The fraction of the FP8 peak an FP8 matmul was measured to reach, where published.
    var fp8MatmulCeiling: Double?
    var fp8MatmulSource: Source?
    /// The fraction of the datasheet bandwidth a memory-bound kernel reaches (catalog devices; nil
    /// for a host profile, whose STREAM bandwidth is already measured).
    var bandwidthCeiling: Double?
    var bandwidthSource: Source?

    init(_ spec: HardwareSpec) {
        name = spec.name; displayName = spec.displayName; aliases = spec.aliases; kind = spec.kind.rawValue
        densePeaks = spec.densePeaks; sparsePeaks = spec.sparsePeaks
        memoryGigabytes = spec.memoryGigabytes; bandwidth = spec.bandwidth; tdp = spec.tdp
        pricePerHour = spec.referencePrice; links = spec.links
        source = Source(spec.specSource)
        priceSource = spec.priceSource.map(Source.init)
        // Plans price GEMMs against the bf16 peak: a device without one has no ceiling to show.
        if spec.densePeaks[.bf16] != nil {
            matmulCeiling = spec.matmulCeiling.fraction; matmulSource = Source(spec.matmulCeiling.source)
        }
        bandwidthCeiling = spec.bandwidthCeiling.fraction; bandwidthSource = Source(spec.bandwidthCeiling.source)
        if spec.densePeaks[.fp8] != nil, let fp8 = spec.achievableFP8Matmul {
            fp8MatmulCeiling = fp8.fraction; fp8MatmulSource = Source(fp8.source)
        }
    }

    /// A saved `bench` profile: its measured FP32 peak and STREAM bandwidth; no memory size,
    /// power, price or links (a profile records none of them).
    init(profile: HostMeasurement, path: String) {
        name = "host"; displayName = "measured host (\(path))"; aliases = []; kind = "measured"
        densePeaks = profile.peak.map { [.fp32: $0] } ?? [:]; sparsePeaks = [:]
        memoryGigabytes = nil; bandwidth = profile.bandwidth; tdp = nil; pricePerHour = nil; links = nil
        let absolute = URL(fileURLWithPath: path).standardizedFileURL
        let notes = [profile.peakSource.map { "peak: \($0)" }, profile.threads.map { "\($0) threads" },
                     profile.llmcostVersion.map { "llmcost \($0)" }, Optional("bandwidth: STREAM triad, already achieved")]
        source = Source(document: "llmcost bench profile", url: absolute.absoluteString, dateRead: profile.date,
                        note: notes.compactMap { $0 }.joined(separator: "; "), dateVerb: "measured")
        priceSource = nil
    }

    /// Precisions this entry has a peak for, in the catalog's order.
    var precisions: [Precision] { Precision.allCases.filter { densePeaks[$0] != nil || sparsePeaks[$0] != nil } }
}

extension HardwareEntry.Source {
    init(_ reference: SourceReference) {
        self.init(document: reference.document, url: reference.url, dateRead: reference.dateRead,
                  note: reference.note.map(OptionNames.text))
    }

    /// `nvidia.com, read 2026-11-22`: where and when, short enough for a table column.
    var short: String {
        let host = URL(string: url)?.host.map { $0.hasPrefix("www.") ? String($0.dropFirst(4)) : $0 } ?? url
        return [host, dateRead.map { "\(dateVerb) \($0)" }].compactMap { $0 }.joined(separator: ", ")
    }

    var full: String {
        "\(document) <\(url)>" + (dateRead.map { ", \(dateVerb) \($0)" } ?? "") + (note.map { "; \($0)" } ?? "")
    }

    var json: JSONValue {
        .object([("document", .string(document)), ("url", .string(url)), ("date_read", .optional(dateRead)), ("note", .optional(note))])
    }
}
