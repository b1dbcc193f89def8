import Foundation

/// The SVG elements llmcost's plots are drawn from, written directly so no plotting runtime is
/// needed; coordinates to one decimal, text escaped.
enum SVG {
    static func number(_ v: Double) -> String { String(format: "%.1f", v.isFinite ? v : 0) }

    static func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, _ color: String, _ width: Double = 1, dashed: Bool = false) -> String {
        "<line x1=\"\(number(x1))\" y1=\"\(number(y1))\" x2=\"\(number(x2))\" y2=\"\(number(y2))\" stroke=\"\(color)\" stroke-width=\"\(width)\"\(dashed ? " stroke-dasharray=\"6 4\"" : "")/>"
    }

    static func rect(x: Double, y: Double, w: Double, h: Double, fill: String) -> String {
        "<rect x=\"\(number(x))\" y=\"\(number(y))\" width=\"\(number(w))\" height=\"\(number(h))\" fill=\"\(fill)\"/>"
    }

    static func text(_ x: Double, _ y: Double, _ s: String, size: Int? = nil) -> String {
        let escaped = s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
        return "<text x=\"\(number(x))\" y=\"\(number(y))\"\(size.map { " font-size=\"\($0)\"" } ?? "")>\(escaped)</text>"
    }
}
