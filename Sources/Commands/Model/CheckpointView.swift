import Workload

/// The checkpoint beside a model directory's config (a downloaded repository or a hub cache
/// snapshot), compared with the config's exact parameter count; nil when there are no
/// safetensors files (or the model is no directory).
enum CheckpointLoading {
    static func report(for loaded: LoadedModel) throws -> CheckpointReport? {
        guard let directory = loaded.directory, let checkpoint = try Checkpoint.read(directory: directory) else { return nil }
        // The weights are inputs too: no --output may overwrite them.
        for file in checkpoint.files { InputFiles.record(file.path) }
        checkpoint.index.map(InputFiles.record)
        let total = try ParameterCount.report(for: loaded.spec).total
        return CheckpointReport(checkpoint: checkpoint, spec: loaded.spec, configParameters: total)
    }
}

/// How `params` shows a checkpoint: its dtypes, its groups beyond the model, the comparison.
struct CheckpointView {
    var report: CheckpointReport

    var tables: [TextTable] {
        var types = TextTable(title: "checkpoint: \(report.files.count) safetensors file(s), \(HumanUnits.grouped(Int128(report.tensors))) tensors",
                              columns: [.init("dtype", .left), .init("parameters"), .init("bytes"), .human])
        let parameters = Dictionary(uniqueKeysWithValues: report.parametersByDType.map { ($0.dtype, $0.parameters) })
        let bytes = Dictionary(uniqueKeysWithValues: report.bytesByDType.map { ($0.dtype, $0.bytes) })
        for dtype in Set(parameters.keys).union(bytes.keys).sorted() {
            let b = bytes[dtype]
            types.append([.text(dtype), .count(parameters[dtype] ?? 0), b.map { .count($0) } ?? .human("(in U8)"), .human(b.map { HumanUnits.bytes($0) } ?? "")])
        }
        types.append(["total", .count(report.parameters), .count(report.totalBytes), .human(HumanUnits.bytes(report.totalBytes))])
        var groups = TextTable(title: "checkpoint against config.json", columns: ["group", "tensors", "parameters", "bytes"])
        groups.append(["config.json's model", "", .count(report.configParameters), ""])
        for g in report.differences {
            groups.append([.text(g.name), .count(g.tensors), .count(g.parameters), .count(g.bytes)])
        }
        groups.append(["unattributed", "", .count(report.unattributed), ""])
        return [types, groups]
    }

    var notes: [String] {
        let verdict = report.unattributed == 0
            ? "the checkpoint's weights match config.json's \(report.configParameters) parameters exactly once the named groups are set aside"
            : "the checkpoint's weights differ from config.json's count by \(report.unattributed) parameters after the named groups"
        return [verdict] + report.differences.map { "\($0.name): \($0.reason), e.g. \($0.examples.joined(separator: ", "))" } + report.notes
    }

    var json: JSONValue {
        .object([
            ("files", .array(report.files.map { .object([("name", .string($0.name)), ("tensors", .int($0.tensors)), ("bytes", .int($0.bytes))]) })),
            ("tensors", .int(report.tensors)),
            ("parameters", .integer(report.parameters)),
            ("parameters_by_dtype", .object(report.parametersByDType.map { ($0.dtype, .integer($0.parameters)) })),
            ("bytes_by_dtype", .object(report.bytesByDType.map { ($0.dtype, .integer($0.bytes)) })),
            ("total_bytes", .integer(report.totalBytes)),
            ("config_parameters", .integer(report.configParameters)),
            ("unattributed_parameters", .integer(report.unattributed)),
            ("differences", .array(report.differences.map { g in
                .object([("group", .string(g.name)), ("reason", .string(g.reason)), ("tensors", .int(g.tensors)),
                         ("parameters", .integer(g.parameters)), ("bytes", .integer(g.bytes)),
                         ("examples", .array(g.examples.map { .string($0) }))])
            })),
            ("notes", .array(report.notes.map { .string($0) })),
        ])
    }
}
