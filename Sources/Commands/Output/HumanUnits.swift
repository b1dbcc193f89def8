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

    /// An estimate of a count (tokens, subscribers), rounded (up by default) to a whole one and
    /// scaled: `38.33 K`; under one, three significant digits (`8.33e-12`), never a misleading `1`.
    public static func count(approximately value: Double, rounding rule: FloatingPointRoundingRule = .up) -> String {
        guard value.isFinite else { return "—" }
        if value > 0, value < 1 { return String(format: "%.3g", value) }
        guard let whole = Int128(exactly: value.rounded(rule)) else { return String(format: "%.3e", value) }
        return count(whole)
    }

    /// An estimate rounded up to a whole number with separators: `3,243,244`; `—` when not finite,
    /// scientific beyond what an `Int128` holds.
    public static func wholeRoundedUp(_ value: Double) -> String {
        guard value.isFinite else { return "—" }
        guard let whole = Int128(exactly: value.rounded(.up)) else { return String(format: "%.3e", value) }
        return grouped(whole)
    }

    /// A rounded whole number with separators (device-hours); under 10, three significant digits
    /// (`0.000123`), so a small figure never shows as `0`.
    public static func wholeOrSignificant(_ value: Double) -> String {
        guard value.isFinite else { return "—" }
        if value != 0, abs(value) < 10 { return String(format: "%.3g", value) }
        guard let whole = Int128(exactly: value.rounded()) else { return String(format: "%.3e", value) }
        return grouped(whole)
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
