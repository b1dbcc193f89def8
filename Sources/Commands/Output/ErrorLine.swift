import HostBench
import Workload

/// One error as the line `llmcost` prints: a library error names a parameter, spelled here as
/// its option (`--seq: …`); a measurement's shape or configuration error is prefixed with the
/// option that set the field, so every refusal names what to change.
enum ErrorLine {
    static func text(_ error: any Error) -> String {
        let line: String
        switch error {
        case let e as any InputError: line = e.rendered(OptionNames.name)
        case let e as HostBenchError: line = hostBench(e)
        default: line = "\(error)"
        }
        return line.split(whereSeparator: \.isNewline).joined(separator: " ")
    }

    /// The option that sets each HostBench field (`bench`, `validate --measure`).
    static let benchFields: [String: InputParameter] = [
        "d_model": .modelWidth, "heads": .heads, "kv_heads": .kvHeads, "head_dim": .heads, "qkv width": .heads,
        "seq": .sequenceLength, "ffn": .ffnWidth, "threads": .threads, "time budget": .timeBudget,
    ]

    private static func hostBench(_ e: HostBenchError) -> String {
        switch e {
        case let .invalidShape(field, _), let .invalidConfiguration(field, _):
            if let p = benchFields[field] { return "\(OptionNames.name(p)): \(e)" }
            return "\(e)"
        default: return "\(e)"
        }
    }
}
