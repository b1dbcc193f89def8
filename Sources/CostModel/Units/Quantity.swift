import Foundation

/// Formatting shared by the unit types: thousands separators and a fixed number of decimals.
enum Quantity {
    static func grouped(_ value: Double, fractionDigits: Int) -> String {
        let text = String(format: "%.\(fractionDigits)f", value)
        let parts = text.split(separator: ".", maxSplits: 1)
        var integer = String(parts[0]), out = ""
        let negative = integer.hasPrefix("-")
        if negative { integer.removeFirst() }
        for (i, ch) in integer.enumerated() {
            if i > 0 && (integer.count - i) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return (negative ? "-" : "") + out + (parts.count > 1 ? "." + parts[1] : "")
    }

    /// `1.846 T tokens`.
    static func tokens(_ value: Double) -> String { scaled(value, unit: "").trimmingCharacters(in: .whitespaces) + " tokens" }

    /// Three significant figures with an SI prefix: `989 T`, `1.06 M`.
    static func scaled(_ value: Double, unit: String) -> String {
        guard value.isFinite else { return "—" }
        let prefixes = ["", "K", "M", "G", "T", "P", "E", "Z", "Y"]
        var v = value, i = 0
        while abs(v) >= 1000, i < prefixes.count - 1 { v /= 1000; i += 1 }
        let digits = abs(v) >= 100 ? 1 : abs(v) >= 10 ? 2 : 3
        return String(format: "%.\(digits)f", v) + " " + prefixes[i] + unit
    }
}

extension String {
    /// Drops trailing fraction zeros beyond `keeping` decimals: "0.1300000" → "0.13".
    func trimmingZeros(keeping: Int) -> String {
        guard let dot = firstIndex(of: ".") else { return self }
        var s = self
        while s.last == "0", s.distance(from: dot, to: s.endIndex) - 1 > keeping { s.removeLast() }
        return s
    }
}
