import Foundation

/// Human-readable figures printed beside exact ones: `6.74 B`, `29.26 TFLOP`, `12.5 GiB`.
public enum HumanUnits {
    /// Decimal SI scaling with three significant decimals: 124439808 → "124.44 M".
    public static func count(_ value: Int128) -> String { scaled(Double(value), ["", " K", " M", " B", " T", " P", " E", " Z", " Y"], 1000) }

    public static func flops(_ value: Int128) -> String { scaledUnit(Double(value), "FLOP") }
    public static func flops(_ value: Double) -> String { scaledUnit(value, "FLOP") }

    /// Bytes in binary units (GiB), the way memory sizes are quoted.
    public static func bytes(_ value: Int128) -> String {
        scaled(Double(value), [" B", " KiB", " MiB", " GiB", " TiB", " PiB", " EiB"], 1024)
    }

    static func scaledUnit(_ value: Double, _ unit: String) -> String {
        scaled(value, [" ", " K", " M", " G", " T", " P", " E", " Z", " Y"].map { $0 + unit }, 1000)
    }

    static func scaled(_ value: Double, _ units: [String], _ step: Double) -> String {
        guard value.isFinite else { return "—" }
        var v = value, i = 0
        while abs(v) >= step, i < units.count - 1 { v /= step; i += 1 }
        let digits = i == 0 && v == v.rounded() ? 0 : 2
        return String(format: "%.\(digits)f", v) + units[i]
    }

    /// Thousands separators for exact integers: 124,439,808.
    public static func grouped(_ value: Int128) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return (value < 0 ? "-" : "") + out
    }

    /// A ratio as a percentage with one decimal; "—" when undefined.
    public static func percent(_ fraction: Double) -> String {
        fraction.isFinite ? String(format: "%.1f %%", fraction * 100) : "—"
    }

    /// A plain decimal with `digits` fraction digits; "—" when not finite.
    public static func decimal(_ value: Double, _ digits: Int = 3) -> String {
        value.isFinite ? String(format: "%.\(digits)f", value) : "—"
    }
}
