/// The element types a safetensors header names (safetensors 0.6's `Dtype`), with their widths.
public enum SafetensorsDType: String, CaseIterable, Sendable, Codable {
    case BOOL, U8, I8, U16, I16, U32, I32, U64, I64
    case F4, F6_E2M3, F6_E3M2, F8_E4M3, F8_E5M2, F8_E8M0, F16, BF16, F32, F64, C64

    /// Bits one element occupies in the file (sub-byte types are packed).
    public var bits: Int {
        switch self {
        case .F4: 4
        case .F6_E2M3, .F6_E3M2: 6
        case .BOOL, .U8, .I8, .F8_E4M3, .F8_E5M2, .F8_E8M0: 8
        case .U16, .I16, .F16, .BF16: 16
        case .U32, .I32, .F32: 32
        case .U64, .I64, .F64, .C64: 64
        }
    }
}
