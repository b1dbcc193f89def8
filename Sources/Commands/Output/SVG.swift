import Foundation

/// The SVG elements llmcost's plots are drawn from, written directly so no plotting runtime is
/// needed; coordinates to one decimal, text escaped.
enum SVG {
    static func number(_ v: Double) -> String { String(format: "%.1f", v.isFinite ? v : 0) }

    /// The opening tag: a `viewBox` equal to the size, so a viewer that scales the image keeps
    /// every element (legends included) inside it.
    static func open(width: Double, height: Double) -> String {
        let w = number(width), h = number(height)
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(w)\" height=\"\(h)\" viewBox=\"0 0 \(w) \(h)\" font-family=\"sans-serif\" font-size=\"12\">"
    }

    static func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, _ color: String, _ width: Double = 1,
                     dashed: Bool = false, dash: String? = nil, role: String? = nil) -> String {
        let pattern = dash ?? (dashed ? "6 4" : nil)
        return "<line\(attribute("class", role)) x1=\"\(number(x1))\" y1=\"\(number(y1))\" x2=\"\(number(x2))\" y2=\"\(number(y2))\" stroke=\"\(color)\" stroke-width=\"\(width)\"\(attribute("stroke-dasharray", pattern))/>"
    }

    static func rect(x: Double, y: Double, w: Double, h: Double, fill: String) -> String {
        "<rect x=\"\(number(x))\" y=\"\(number(y))\" width=\"\(number(w))\" height=\"\(number(h))\" fill=\"\(fill)\"/>"
    }

    static func circle(_ cx: Double, _ cy: Double, r: Double, fill: String, role: String? = nil) -> String {
        "<circle\(attribute("class", role)) cx=\"\(number(cx))\" cy=\"\(number(cy))\" r=\"\(number(r))\" fill=\"\(fill)\"/>"
    }

    /// `halo`: a white outline under the glyphs, so a label over plotted lines stays legible.
    static func text(_ x: Double, _ y: Double, _ s: String, size: Int? = nil, fill: String? = nil, role: String? = nil,
                     halo: Bool = false) -> String {
        let escaped = s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
        let outline = halo ? " stroke=\"white\" stroke-width=\"3\" paint-order=\"stroke\"" : ""
        return "<text\(attribute("class", role)) x=\"\(number(x))\" y=\"\(number(y))\"\(size.map { " font-size=\"\($0)\"" } ?? "")\(attribute("fill", fill))\(outline)>\(escaped)</text>"
    }

    /// An upper bound on the advance width of `s` in a sans-serif font of `size` px: 0.62 em a
    /// character, wider than the average Latin glyph, so a box laid out with it holds the text.
    static func textWidth(_ s: String, size: Double = 12) -> Double { Double(s.count) * size * 0.62 }

    private static func attribute(_ name: String, _ value: String?) -> String {
        value.map { " \(name)=\"\($0)\"" } ?? ""
    }
}

/// A legend set in columns under a chart — as many columns as the width holds, as many rows as
/// the entries need — so it never runs off the image however many series there are: the chart
/// grows by `height` instead.
struct SVGLegend {
    enum Swatch { case line(dash: String?), dot }
    struct Entry { var label: String; var color: String; var swatch: Swatch }

    var entries: [Entry]
    /// The width the columns share.
    var width: Double
    static let rowHeight = 16.0, swatchWidth = 22.0, swatchGap = 6.0, columnGap = 18.0, fontSize = 12.0

    /// Widest label that fits one column of the whole width; longer ones are cut with "…".
    var maximumLabelWidth: Double { width - Self.swatchWidth - Self.swatchGap }
    var labels: [String] { entries.map { Self.fitted($0.label, width: maximumLabelWidth) } }
    var columnWidth: Double {
        Self.swatchWidth + Self.swatchGap + (labels.map { SVG.textWidth($0, size: Self.fontSize) }.max() ?? 0) + Self.columnGap
    }
    var columns: Int { max(1, min(entries.count, Int((width + Self.columnGap) / columnWidth))) }
    var rows: Int { (entries.count + columns - 1) / columns }
    var height: Double { Double(rows) * Self.rowHeight }

    /// The entries column by column (reading order follows the series order), the first row's
    /// text baseline at `y` + 12.
    func elements(x: Double, y: Double) -> [String] {
        let labels = labels, rows = rows, columnWidth = columnWidth
        return entries.indices.flatMap { i -> [String] in
            let entry = entries[i]
            let left = x + Double(i / rows) * columnWidth, middle = y + Double(i % rows) * Self.rowHeight + 8
            let swatch = switch entry.swatch {
            case .line(let dash): SVG.line(left, middle, left + Self.swatchWidth, middle, entry.color, 3, dash: dash, role: "legend")
            case .dot: SVG.circle(left + Self.swatchWidth / 2, middle, r: 5, fill: entry.color, role: "legend")
            }
            return [swatch, SVG.text(left + Self.swatchWidth + Self.swatchGap, middle + 4, labels[i], role: "legend")]
        }
    }

    static func fitted(_ label: String, width: Double) -> String {
        guard SVG.textWidth(label, size: fontSize) > width else { return label }
        let keep = max(1, Int(width / (fontSize * 0.62)) - 1)
        return String(label.prefix(keep)) + "…"
    }
}
