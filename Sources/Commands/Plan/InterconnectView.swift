import ParallelPlan
import Workload

/// `plan --list-interconnects`: the link catalog with bandwidth, latency and their sources.
struct InterconnectView {
    var rendered: Rendered {
        var table = TextTable(title: "interconnect catalog (per device, per direction)",
                              columns: ["name", "GB/s", "latency µs", "bandwidth source", "latency source"],
                              alignments: [.left, .right, .right, .left, .left])
        for l in InterconnectCatalog.all {
            table.append([l.name, HumanUnits.decimal(l.bytesPerSecond / 1e9, 1), HumanUnits.decimal(l.latencySeconds * 1e6, 1), l.source, l.latencySource])
        }
        let json = JSONValue.object([("interconnects", .array(InterconnectCatalog.all.map { l in
            .object([("name", .string(l.name)), ("bytes_per_second", .number(l.bytesPerSecond)), ("latency_seconds", .number(l.latencySeconds)),
                     ("source", .string(l.source)), ("latency_source", .string(l.latencySource))])
        }))])
        return Rendered(json: json, tables: [table], notes: [
            "a ring step costs bytes ÷ bandwidth + latency; an all-reduce over n ranks takes 2(n−1) steps, a reduce-scatter or all-gather n−1",
            "choose with \(InputParameter.interconnect.option) NAME (inside a node) and \(InputParameter.network.option) NAME (between nodes)",
        ])
    }
}
