import Foundation
import Workload

/// An SVG line chart of exact/2·N against context (log scale), one line per model, written
/// directly so no plotting runtime is needed.
///
/// The whole catalog is some seventy models in some thirty families, more than a legend of one
/// line per model can hold. So each family has one colour and one legend entry (set in columns
/// under the chart), its models are told apart by dash pattern, and every line carries its
/// model's name at its end — labels spread apart so none overlaps another, the chart as tall as
/// the most crowded column of labels needs.
struct RatioPlot {
    var results: [RuleCheckResult]
    let width = 900.0, left = 80.0, right = 220.0, top = 50.0
    /// The chart's height when the end labels do not need more; below it the x axis's labels
    /// and title take `axisSpace`, then comes the legend.
    static let minimumChartHeight = 440.0, axisSpace = 62.0, labelSpacing = 11.0, labelSize = 10
    static let palette = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2",
                          "#7f7f7f", "#bcbd22", "#17becf", "#393b79", "#637939", "#8c6d31", "#843c39"]
    /// Dash patterns of a family's models, in order (the first solid).
    static let dashes: [String?] = [nil, "7 3", "2 2", "9 3 2 3", "4 4", "12 4"]

    func write(to path: String) throws {
        try OutputOptions.write(svg(), to: path, parameter: .plotPath)
    }

    /// Families in order of first appearance, each with the indices of its results.
    var families: [(name: String, members: [Int])] {
        var order: [(name: String, members: [Int])] = []
        for (i, result) in results.enumerated() {
            let name = result.family ?? result.model
            if let k = order.firstIndex(where: { $0.name == name }) { order[k].members.append(i) } else { order.append((name, [i])) }
        }
        return order
    }

    /// Each result's last plotted point (nil when it has none).
    var ends: [(context: Int, ratio: Double)?] { results.map { $0.curve.last { $0.ratio.isFinite && $0.ratio > 0 } } }

    /// Tall enough for the most crowded column of end labels (lines ending at the same context).
    var chartHeight: Double {
        let crowd = Dictionary(grouping: ends.compactMap { $0?.context }, by: { $0 }).values.map(\.count).max() ?? 0
        return max(Self.minimumChartHeight, Double(crowd + 1) * Self.labelSpacing)
    }

    func svg() -> String {
        let points = results.flatMap(\.curve)
        let maxContext = Double(points.map(\.context).max() ?? 2), minContext = Double(points.map(\.context).min() ?? 1)
        let xs = (log2(minContext), max(log2(maxContext), log2(minContext) + 1))
        // Ratios span orders of magnitude (MoE ≈ 0.3, long contexts ≫ 1): a log₂ axis keeps the
        // ±10 % band around 1 visible.
        let ratios = points.map(\.ratio).filter { $0.isFinite && $0 > 0 }
        let ys = (min(-1.0, floor(log2(ratios.min() ?? 1))), max(1.0, ceil(log2(ratios.max() ?? 1))))
        let axisY = top + chartHeight
        func x(_ c: Double) -> Double { left + (log2(c) - xs.0) / (xs.1 - xs.0) * (width - left - right) }
        func y(_ r: Double) -> Double { axisY - (log2(r) - ys.0) / (ys.1 - ys.0) * chartHeight }
        let legend = SVGLegend(entries: families.enumerated().map { k, family in
            .init(label: family.members.count == 1 ? results[family.members[0]].model : "\(family.name) (\(family.members.count) models)",
                  color: Self.color(k), swatch: .line(dash: nil))
        }, width: width - left - 20)
        let height = axisY + Self.axisSpace + legend.height + 16
        var out = [SVG.open(width: width, height: height),
                   "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>",
                   "<text x=\"\(left)\" y=\"28\" font-size=\"16\">Exact forward FLOPs ÷ 2·N per token (matmul convention)</text>"]
        // Axes, grid and the ±10 % band around the rule.
        out.append(rect(x: left, y: y(1.1), w: width - left - right, h: y(0.9) - y(1.1), fill: "#eeeeee"))
        var c = pow(2, ceil(xs.0))
        while log2(c) <= xs.1 + 1e-9 {
            out.append(line(x(c), top, x(c), axisY, "#dddddd"))
            out.append(text(x(c) - 14, axisY + 18, Int(exactly: c).map(Self.tokens) ?? String(format: "%.0f", c)))
            c *= 4
        }
        var e = ys.0
        while e <= ys.1 {
            let r = pow(2, e)
            out.append(line(left, y(r), width - right, y(r), r == 1 ? "#444444" : "#dddddd"))
            out.append(text(left - 45, y(r) + 4, r < 1 ? String(format: "%.3g", r) : String(format: "%.0f", r)))
            e += 1
        }
        out.append(text((width - right) / 2, axisY + 45, "context (tokens, log scale)"))
        out.append("<text transform=\"translate(22 \(fmt(top + chartHeight / 2 + 60))) rotate(-90)\">exact ÷ 2·N (log scale)</text>")
        out.append(text(width - right - 150, y(1.1) - 6, "±10 % of the rule"))
        for (k, family) in families.enumerated() {
            for (m, i) in family.members.enumerated() {
                let path = results[i].curve.filter { $0.ratio.isFinite && $0.ratio > 0 }.map { "\(fmt(x(Double($0.context)))),\(fmt(y($0.ratio)))" }
                let dash = Self.dashes[m % Self.dashes.count].map { " stroke-dasharray=\"\($0)\"" } ?? ""
                out.append("<polyline fill=\"none\" stroke=\"\(Self.color(k))\" stroke-width=\"2\"\(dash) points=\"\(path.joined(separator: " "))\"/>")
            }
        }
        out += endLabels(x: x, y: y)
        out += legend.elements(x: left, y: axisY + Self.axisSpace)
        out.append("</svg>")
        return out.joined(separator: "\n") + "\n"
    }

    /// Each model's name just right of its line's last point; names of lines ending at the same
    /// context are spread `labelSpacing` apart within the chart, a thin leader joining a moved
    /// name to its line.
    func endLabels(x: (Double) -> Double, y: (Double) -> Double) -> [String] {
        let colors = Dictionary(uniqueKeysWithValues: families.enumerated().flatMap { k, f in f.members.map { ($0, Self.color(k)) } })
        let ends = ends
        var out: [String] = []
        for context in Set(ends.compactMap { $0?.context }).sorted() {
            let members = ends.indices.filter { ends[$0]?.context == context }.sorted { y(ends[$0]!.ratio) < y(ends[$1]!.ratio) }
            let placed = Self.spread(members.map { y(ends[$0]!.ratio) }, spacing: Self.labelSpacing, within: top + 6...(top + chartHeight - 2))
            let lineX = x(Double(context))
            for (i, labelY) in zip(members, placed) {
                let lineY = y(ends[i]!.ratio)
                if abs(labelY - lineY) > 1 { out.append(SVG.line(lineX, lineY, lineX + 6, labelY, colors[i]!, 0.75, role: "label")) }
                out.append(SVG.text(lineX + 8, labelY + 3.5, results[i].model, size: Self.labelSize, fill: colors[i]!, role: "label", halo: true))
            }
        }
        return out
    }

    /// Positions as near `wanted` (ascending) as possible, at least `spacing` apart, inside
    /// `bounds`: pushed down past their upper neighbours, then up from the lower bound.
    static func spread(_ wanted: [Double], spacing: Double, within bounds: ClosedRange<Double>) -> [Double] {
        var placed = wanted
        for i in placed.indices { placed[i] = max(placed[i], i == 0 ? bounds.lowerBound : placed[i - 1] + spacing) }
        for i in placed.indices.reversed() { placed[i] = min(placed[i], i == placed.count - 1 ? bounds.upperBound : placed[i + 1] - spacing) }
        return placed
    }

    /// The palette, then hues around the colour wheel by the golden angle: a colour per family
    /// however many there are.
    static func color(_ k: Int) -> String {
        if k < palette.count { return palette[k] }
        let hue = (Double(k - palette.count) * 137.508).truncatingRemainder(dividingBy: 360)
        return hex(hue: hue, saturation: 0.65, lightness: k % 2 == 0 ? 0.38 : 0.5)
    }

    static func hex(hue: Double, saturation s: Double, lightness l: Double) -> String {
        let chroma = (1 - abs(2 * l - 1)) * s, h = hue / 60
        let second = chroma * (1 - abs(h.truncatingRemainder(dividingBy: 2) - 1))
        let (r, g, b): (Double, Double, Double) = switch Int(h) {
        case 0: (chroma, second, 0)
        case 1: (second, chroma, 0)
        case 2: (0, chroma, second)
        case 3: (0, second, chroma)
        case 4: (second, 0, chroma)
        default: (chroma, 0, second)
        }
        let m = l - chroma / 2
        return "#" + [r, g, b].map { String(format: "%02x", Int((($0 + m) * 255).rounded())) }.joined()
    }

    static func tokens(_ n: Int) -> String { n >= 1 << 20 ? "\(n >> 20)M" : n >= 1024 ? "\(n >> 10)K" : String(n) }
    private func fmt(_ v: Double) -> String { SVG.number(v) }
    private func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, _ color: String, _ w: Double = 1) -> String {
        SVG.line(x1, y1, x2, y2, color, w)
    }
    private func rect(x: Double, y: Double, w: Double, h: Double, fill: String) -> String { SVG.rect(x: x, y: y, w: w, h: h, fill: fill) }
    private func text(_ x: Double, _ y: Double, _ s: String) -> String { SVG.text(x, y, s) }
}
