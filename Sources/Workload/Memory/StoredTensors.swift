/// Weights exactly as a GGUF file stores them: every tensor's bytes from its ggml type's block
/// layout, summed by parameter group (the parameter report's component names, so memory's
/// decode traffic finds the routed experts) and by type. `memory`, `cost` and `plan` price the
/// weights with these bytes unless a weight dtype is named.
public struct StoredTensors: Sendable, Equatable {
    /// One group's tensors: values and stored bytes, split by ggml type.
    public struct Group: Sendable, Equatable {
        public var name: String
        public var elements: Int128
        public var bytes: Int128
        /// Values by type name, in the order first met.
        public var byType: [(type: String, bitsPerWeight: Double, elements: Int128)]

        public static func == (a: Group, b: Group) -> Bool {
            a.name == b.name && a.elements == b.elements && a.bytes == b.bytes
                && a.byType.map(\.type) == b.byType.map(\.type) && a.byType.map(\.elements) == b.byType.map(\.elements)
        }
    }

    /// One ggml type's share of the file.
    public struct TypeTotal: Sendable, Equatable {
        public var type: String
        public var bitsPerWeight: Double
        public var tensors: Int
        public var elements: Int128
        public var bytes: Int128
    }

    /// `general.file_type` by name (`MOSTLY_Q4_K_M`), when the file says.
    public var fileType: String?
    public var groups: [Group]
    public var types: [TypeTotal]

    public var totalBytes: Int128 { types.reduce(0) { $0 + $1.bytes } }
    public var totalElements: Int128 { types.reduce(0) { $0 + $1.elements } }

    public init(fileType: String?, groups: [Group], types: [TypeTotal]) {
        self.fileType = fileType; self.groups = groups; self.types = types
    }

    /// `GGUF MOSTLY_Q4_K_M: Q4_K, Q6_K, F32`.
    public var summary: String {
        "GGUF \(fileType ?? "tensors"): " + types.map(\.type).joined(separator: ", ")
    }
}
