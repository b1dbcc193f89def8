import CostModel
import ParallelPlan
import Workload

/// `plan --list-interconnects`: the link catalog with bandwidth, latency and their sources.
struct InterconnectView {
    var rendered: Rendered {
        var table = TextTable(title: "interconnect catalog (per device, per direction)",
                              columns: ["name", "GB/s", "latency µs", "bandwidth source", "latency source"],
                              alignments: [.left, .right, .right, .left, .left])
        for l in InterconnectCatalog.all {
            table.append([l.name, HumanUnits.decimal(l.bandwidth.gigabytesPerSecond, 1), HumanUnits.decimal(l.latency.microseconds, 1),
                          l.bandwidthCitation, l.latencyCitation])
        }
        let json = JSONValue.object([("interconnects", .array(InterconnectCatalog.all.map { l in
            .object([("name", .string(l.name)), ("bytes_per_second", .number(l.bandwidth.value)), ("latency_seconds", .number(l.latency.value)),
                     ("source", .string(l.bandwidthCitation)), ("latency_source", .string(l.latencyCitation))])
        }))])
        return Rendered(json: json, tables: [table], notes: [
            "a ring step costs bytes ÷ bandwidth + latency; an all-reduce over n ranks takes 2(n−1) steps, a reduce-scatter or all-gather n−1",
            "choose with \(InputParameter.interconnect.option) NAME (inside a node) and \(InputParameter.network.option) NAME (between nodes)",
        ])
    }
}
