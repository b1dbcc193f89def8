import ParallelPlan
import Workload

struct PlanView {
    var evaluations: [PlanEvaluation]
    var device: Accelerator
    var smallest: Int?
    var explain: Bool

    var rendered: Rendered {
        var ranking = TextTable(title: "plans on \(evaluations.first?.config.devices ?? 0) × \(device.name), fastest first",
                                columns: ["plan", "fits", "GB/device", "step s", "bubble", "exposed comm s", "MFU", "$/step", "why it loses"])
        ranking.alignments[8] = .left
        for e in evaluations {
            let comm = e.collectives.reduce(0) { $0 + $1.exposedSeconds }
            ranking.append([e.config.description, e.fits ? "yes" : "no", HumanUnits.decimal(Double(e.memory.total) / 1e9, 1),
                            HumanUnits.decimal(e.stepSeconds, 3), HumanUnits.percent(e.config.bubbleFraction),
                            HumanUnits.decimal(comm, 3), HumanUnits.percent(e.mfu), HumanUnits.decimal(e.dollarsPerStep, 4),
                            e.weaknesses.joined(separator: "; ")])
        }
        var tables = [ranking]
        if let best = evaluations.first { tables += detail(best) }
        var notes = [
            "FLOPs per step are exact (Workload, training = 3 × forward + recomputation), split evenly over devices",
            "time = compute at \(device.name) bf16 peak × kernel efficiency + pipeline bubble + exposed communication",
            "overlap: the data-parallel gradient traffic hides behind the backward pass (2/3 of compute); tensor-parallel, pipeline and expert all-to-all traffic is not overlapped",
            "links: \(device.intraNode.name) inside a node of \(device.devicesPerNode), \(device.interNode.name) between nodes (\(device.interNode.source))",
        ]
        if let smallest { notes.append("smallest device count with a plan that fits: \(smallest)") }
        return Rendered(json: json, tables: tables, notes: notes)
    }

    private func detail(_ e: PlanEvaluation) -> [TextTable] {
        var memory = TextTable(title: "\(e.config) — memory on the busiest device", columns: ["component", "bytes", ""])
        for c in e.memory.components { memory.append([c.name, HumanUnits.grouped(c.bytes.value), HumanUnits.bytes(c.bytes.value)]) }
        memory.append(["total", HumanUnits.grouped(e.memory.total), HumanUnits.bytes(e.memory.total)])
        var comms = TextTable(title: "communication per step", columns: ["collective", "bytes/device", "link", "seconds", "exposed s", "overlap"])
        comms.alignments[5] = .left
        for c in e.collectives {
            comms.append([c.name, HumanUnits.decimal(c.bytesPerDevice, 0), c.link, HumanUnits.decimal(c.seconds, 4),
                          HumanUnits.decimal(c.exposedSeconds, 4), c.overlap])
        }
        return [memory, comms]
    }

    var json: JSONValue {
        .object([
            ("hardware", .string(device.name)),
            ("smallest_fitting_devices", .optional(smallest)),
            ("plans", .array(evaluations.map(plan))),
        ])
    }

    private func plan(_ e: PlanEvaluation) -> JSONValue {
        .object([
            ("tp", .int(e.config.tp)), ("pp", .int(e.config.pp)), ("dp", .int(e.config.dp)), ("ep", .int(e.config.ep)),
            ("zero", .int(e.config.zero)), ("sequence_parallel", .bool(e.config.sequenceParallel)),
            ("micro_batches", .int(e.config.microBatches)), ("fits", .bool(e.fits)),
            ("parameters_per_device", .integer(e.memory.parametersPerDevice)),
            ("memory_bytes_per_device", .integer(e.memory.total)),
            ("memory_components", .array(e.memory.components.map { .object([("name", .string($0.name)), ("bytes", .integer($0.bytes.value))]) })),
            ("step_flops", .integer(e.stepFLOPs)), ("flops_per_device", .number(e.flopsPerDevice)),
            ("compute_seconds", .number(e.computeSeconds)), ("bubble_fraction", .number(e.config.bubbleFraction)),
            ("bubble_seconds", .number(e.bubbleSeconds)),
            ("collectives", .array(e.collectives.map {
                .object([("name", .string($0.name)), ("bytes_per_device", .number($0.bytesPerDevice)), ("link", .string($0.link)),
                         ("seconds", .number($0.seconds)), ("exposed_seconds", .number($0.exposedSeconds))])
            })),
            ("step_seconds", .number(e.stepSeconds)), ("mfu", .number(e.mfu)), ("dollars_per_step", .number(e.dollarsPerStep)),
            ("weaknesses", .array(e.weaknesses.map { .string($0) })),
        ])
    }
}
