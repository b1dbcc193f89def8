import CostModel
import ParallelPlan
import Workload

/// `plan --list-interconnects`: the link catalog with bandwidth, latency and their sources.
struct InterconnectView {
    var rendered: Rendered {
        var table = TextTable(title: "interconnect catalog (per device, per direction)",
                              columns: [.init("name", .left), .init("GB/s", key: "gigabytes_per_second"), .init("latency µs", key: "latency_microseconds"),
                                        .init("bandwidth source", key: "source", .left), .init("latency source", key: "latency_source", .left)])
        for l in InterconnectCatalog.all {
            table.append([.text(l.name), .number(l.bandwidth.gigabytesPerSecond, 1), .number(l.latency.microseconds, 1),
                          .text(l.bandwidthCitation), .text(l.latencyCitation)])
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
