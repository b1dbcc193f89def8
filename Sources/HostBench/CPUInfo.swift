/// The fields of /proc/cpuinfo that decide a nominal peak.
struct CPUInfo {
    /// One dictionary per logical CPU ("processor" block).
    let processors: [[String: String]]

    init(_ text: String) {
        var blocks: [[String: String]] = [], current: [String: String] = [:]
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.trimmingCharacters(in: .whitespaces).isEmpty {
                if !current.isEmpty { blocks.append(current); current = [:] }
                continue
            }
            guard let colon = line.firstIndex(of: ":") else { continue }
            let key = line[..<colon].trimmingCharacters(in: .whitespaces)
            current[key] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        if !current.isEmpty { blocks.append(current) }
        processors = blocks
    }

    var modelName: String { processors.first?["model name"] ?? processors.first?["Processor"] ?? "unknown CPU" }
    var flags: Set<String> { Set((processors.first?["flags"] ?? "").split(separator: " ").map(String.init)) }
    var logicalCPUs: Int { max(1, processors.count) }
    /// Highest 'cpu MHz' over the logical CPUs.
    var megahertz: Double? { processors.compactMap { $0["cpu MHz"].flatMap(Double.init) }.max() }

    /// Distinct (physical id, core id) pairs: SMT siblings share their core's FMA units.
    var physicalCores: Int {
        let pairs = Set(processors.compactMap { p -> String? in
            guard let core = p["core id"] else { return nil }
            return "\(p["physical id"] ?? "0"):\(core)"
        })
        return pairs.isEmpty ? logicalCPUs : pairs.count
    }

    var coreSource: String {
        let pairs = processors.contains { $0["core id"] != nil }
        return pairs
            ? "distinct (physical id, core id) pairs in /proc/cpuinfo (SMT siblings share FMA units)"
            : "logical CPUs in /proc/cpuinfo (no core ids: SMT not accounted for)"
    }
}

import Foundation
