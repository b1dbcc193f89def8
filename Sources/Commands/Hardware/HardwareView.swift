import CostModel
import Workload

/// What `llmcost hardware` prints: the catalog one line each, or one entry in full.
struct HardwareView {
    var entries: [HardwareEntry]
    /// One entry in full (a named device or a profile) rather than the catalog's one-liners.
    var detailed: Bool

    static let dash = "—"

    static func tera(_ peak: FLOPsPerSecond?) -> String {
        // A host's measured GFLOP/s would round to 0.1 TFLOP/s at one decimal.
        peak.map { $0.teraFLOPs < 10 ? HumanUnits.decimal($0.teraFLOPs, 3) : HumanUnits.decimal($0.teraFLOPs, 1) } ?? dash
    }

    var rendered: Rendered {
        Rendered(json: json, tables: detailed ? entries.flatMap(detailTables) : [listTable], notes: notes, csvTable: csvTable)
    }

    var notes: [String] {
        ["peaks are dense TFLOP/s (int8: TOP/s); a datasheet's 2:4-sparsity figure is listed as sparse, never used for costs; "
            + "— is a figure the source does not publish",
         "\(InputParameter.hardware.option) NAME prices a cost or plan on a device; a profile from `llmcost bench \(InputParameter.profileDestination.option) FILE` is shown with `llmcost hardware FILE`"]
    }

    var listTable: TextTable {
        var table = TextTable(title: "hardware catalog (\(entries.count) devices; dense TFLOP/s)",
                              columns: ["device", "kind", "memory", "GB/s", "bf16", "fp8", "fp4", "TDP", "$/h", "source"])
        table.alignments[0] = .left; table.alignments[1] = .left; table.alignments[9] = .left
        table.columns[9].role = .detail  // `--wide`; the CSV has the full URL
        for e in entries {
            table.append([e.name, e.kind, e.memoryGigabytes.map { "\(HumanUnits.decimal($0, 0)) GB" } ?? Self.dash,
                          e.bandwidth.map { HumanUnits.decimal($0.value / 1e9, 0) } ?? Self.dash,
                          Self.tera(e.densePeaks[.bf16]), Self.tera(e.densePeaks[.fp8]), Self.tera(e.densePeaks[.fp4]),
                          e.tdp.map { "\(HumanUnits.decimal($0.value, 0)) W" } ?? Self.dash,
                          e.pricePerHour.map { HumanUnits.decimal($0.value, 2) } ?? Self.dash, e.source.short])
        }
        return table
    }

    func detailTables(_ e: HardwareEntry) -> [TextTable] {
        var peaks = TextTable(title: "\(e.displayName): peaks (TFLOP/s; int8 TOP/s)", columns: ["precision", "dense", "sparse"])
        peaks.alignments[0] = .left
        for p in e.precisions { peaks.append([p.rawValue, Self.tera(e.densePeaks[p]), Self.tera(e.sparsePeaks[p])]) }
        if e.precisions.isEmpty { peaks.append(["(none published)", Self.dash, Self.dash]) }
        var figures = TextTable(title: "\(e.name) (\(e.kind))", columns: ["figure", "value"], alignments: [.left, .left])
        figures.append(["memory", e.memoryGigabytes.map { "\(HumanUnits.decimal($0, 1)) GB" } ?? Self.dash])
        figures.append(["bandwidth", e.bandwidth.map { "\(HumanUnits.decimal($0.value / 1e9, 1)) GB/s" } ?? Self.dash])
        if let ceiling = e.bandwidthCeiling, let source = e.bandwidthSource {
            figures.append(["achievable bandwidth", "\(HumanUnits.percent(ceiling)) of the datasheet's (plans and serving steps price memory-bound work at this): \(source.full)"])
        }
        if let ceiling = e.matmulCeiling, let source = e.matmulSource {
            figures.append(["achievable matmul", "\(HumanUnits.percent(ceiling)) of the bf16 peak (plans price GEMMs at peak × this × η): \(source.full)"])
        }
        if let ceiling = e.fp8MatmulCeiling, let source = e.fp8MatmulSource {
            figures.append(["achievable fp8 matmul", "\(HumanUnits.percent(ceiling)) of the fp8 peak (FP8 plans use it in place of the bf16 fraction): \(source.full)"])
        }
        figures.append(["TDP", e.tdp.map { "\(HumanUnits.decimal($0.value, 0)) W" } ?? Self.dash])
        figures.append(["price", e.pricePerHour.map { "$\(HumanUnits.decimal($0.value, 4)) per device-hour" }
                        ?? "none of record; pass \(InputParameter.pricePerHour.option)"])
        figures.append(["links", e.links.map { "\($0.intraNode.rawValue) inside a node of \($0.devicesPerNode), \($0.interNode.rawValue) between nodes" }
                        ?? "not catalogued; plans need \(InputParameter.interconnect.option), \(InputParameter.network.option), \(InputParameter.devicesPerNode.option)"])
        if !e.aliases.isEmpty { figures.append(["aliases", e.aliases.joined(separator: ", ")]) }
        figures.append(["source", e.source.full])
        if let price = e.priceSource { figures.append(["price source", price.full]) }
        return [peaks, figures]
    }

    /// Plain numbers, units in the header: one row per entry, every precision dense and sparse.
    var csvTable: TextTable {
        var columns = ["name", "kind", "memory_gb", "bandwidth_gb_per_s"]
        for p in Precision.allCases { columns += ["\(p.rawValue)_dense_tflops", "\(p.rawValue)_sparse_tflops"] }
        columns += ["tdp_watts", "price_per_hour", "source_url", "date_read"]
        var table = TextTable(columns: columns)
        func number(_ v: Double?) -> String { v.map { JSONValue.format($0) } ?? "" }
        for e in entries {
            var row = [e.name, e.kind, number(e.memoryGigabytes), number(e.bandwidth.map { $0.value / 1e9 })]
            for p in Precision.allCases { row += [number(e.densePeaks[p].map { $0.value / 1e12 }), number(e.sparsePeaks[p].map { $0.value / 1e12 })] }
            row += [number(e.tdp?.value), number(e.pricePerHour?.value), e.source.url, e.source.dateRead ?? ""]
            table.append(row)
        }
        return table
    }

    var json: JSONValue {
        .object([("devices", .array(entries.map(Self.json)))])
    }

    static func json(_ e: HardwareEntry) -> JSONValue {
        func number(_ v: Double?) -> JSONValue { v.map(JSONValue.number) ?? .null }
        let peaks = JSONValue.object(e.precisions.map { p in
            (p.rawValue, .object([("dense", number(e.densePeaks[p].map { $0.value / 1e12 })),
                                  ("sparse", number(e.sparsePeaks[p].map { $0.value / 1e12 }))]))
        })
        let links: JSONValue = e.links.map { l in
            .object([("intra_node", .string(l.intraNode.rawValue)), ("inter_node", .string(l.interNode.rawValue)),
                     ("devices_per_node", .int(l.devicesPerNode))])
        } ?? .null
        return .object([
            ("name", .string(e.name)), ("display_name", .string(e.displayName)), ("aliases", .array(e.aliases.map(JSONValue.string))),
            ("kind", .string(e.kind)), ("peak_tflops", peaks), ("memory_gb", number(e.memoryGigabytes)),
            ("bandwidth_gb_per_s", number(e.bandwidth.map { $0.value / 1e9 })), ("tdp_watts", number(e.tdp?.value)),
            ("price_per_hour", number(e.pricePerHour?.value)), ("links", links),
            ("source", e.source.json), ("price_source", e.priceSource?.json ?? .null),
            ("achievable_matmul_fraction", number(e.matmulCeiling)), ("achievable_matmul_source", e.matmulSource?.json ?? .null),
            ("achievable_fp8_matmul_fraction", number(e.fp8MatmulCeiling)), ("achievable_fp8_matmul_source", e.fp8MatmulSource?.json ?? .null),
            ("achievable_bandwidth_fraction", number(e.bandwidthCeiling)), ("achievable_bandwidth_source", e.bandwidthSource?.json ?? .null),
        ])
    }
}
