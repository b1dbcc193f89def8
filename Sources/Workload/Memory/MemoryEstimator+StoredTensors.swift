import Foundation

extension MemoryEstimator {
    /// A GGUF file's weights by parameter group, at the bytes its tensors take, in the parameter
    /// report's `order` (groups it does not have, such as buffers, last).
    static func fileComponents(_ file: StoredTensors, order: [String]) -> [MemoryComponent] {
        let rank = { (name: String) in order.firstIndex(of: name) ?? order.count }
        return file.groups.enumerated().sorted { (rank($0.element.name), $0.offset) < (rank($1.element.name), $1.offset) }.map(\.element).map { g in
            let parts = g.byType.map { "\($0.elements) × \($0.type) (\(StoredTensors.bits($0.bitsPerWeight)) bits)" }
            return MemoryComponent(name: g.name, bytes: ExactCount(g.bytes), formula: parts.joined(separator: " + ") + " as stored")
        }
    }

    /// Says that the weights are priced at the GGUF file's own bytes.
    static func fileNote(_ file: StoredTensors) -> String {
        let types = file.types.map { "\($0.type) \(StoredTensors.bits($0.bitsPerWeight)) bits" }.joined(separator: ", ")
        return "weights as the GGUF file stores them\(file.fileType.map { " (\($0))" } ?? ""): each tensor's bytes from its ggml type's block layout (\(types)), \(file.totalBytes) bytes in all; \(InputParameter.weightType) prices them all at one dtype instead"
    }
}

extension StoredTensors {
    /// `4.5`, `6.5625`, `16`: bits per weight without trailing zeros.
    public static func bits(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%g", value)
    }
}
