import Foundation
import Workload

/// An SVG line chart of exact/2·N against context (log scale), one line per model, written
/// directly so no plotting runtime is needed.
struct RatioPlot {
    var results: [RuleCheckResult]
    let width = 900.0, height = 560.0, left = 80.0, right = 220.0, top = 50.0, bottom = 70.0
    static let palette = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2",
                          "#7f7f7f", "#bcbd22", "#17becf", "#393b79", "#637939", "#8c6d31", "#843c39"]

    func write(to path: String) throws {
        try OutputOptions.write(svg(), to: path, parameter: .plotPath)
    }

    func svg() -> String {
        let points = results.flatMap(\.curve)
        let maxContext = Double(points.map(\.context).max() ?? 2), minContext = Double(points.map(\.context).min() ?? 1)
        let xs = (log2(minContext), max(log2(maxContext), log2(minContext) + 1))
        // Ratios span orders of magnitude (MoE ≈ 0.3, long contexts ≫ 1): a log₂ axis keeps the
        // ±10 % band around 1 visible.
        let ratios = points.map(\.ratio).filter { $0.isFinite && $0 > 0 }
        let ys = (min(-1.0, floor(log2(ratios.min() ?? 1))), max(1.0, ceil(log2(ratios.max() ?? 1))))
        func x(_ c: Double) -> Double { left + (log2(c) - xs.0) / (xs.1 - xs.0) * (width - left - right) }
        func y(_ r: Double) -> Double { height - bottom - (log2(r) - ys.0) / (ys.1 - ys.0) * (height - top - bottom) }
        var out = ["<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(width))\" height=\"\(Int(height))\" font-family=\"sans-serif\" font-size=\"12\">",
                   "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>",
                   "<text x=\"\(left)\" y=\"28\" font-size=\"16\">Exact forward FLOPs ÷ 2·N per token (matmul convention)</text>"]
        // Axes, grid and the ±10 % band around the rule.
        out.append(rect(x: left, y: y(1.1), w: width - left - right, h: y(0.9) - y(1.1), fill: "#eeeeee"))
        var c = pow(2, ceil(xs.0))
        while log2(c) <= xs.1 + 1e-9 {
            out.append(line(x(c), top, x(c), height - bottom, "#dddddd"))
            out.append(text(x(c) - 14, height - bottom + 18, Int(exactly: c).map(Self.tokens) ?? String(format: "%.0f", c)))
            c *= 4
        }
        var e = ys.0
        while e <= ys.1 {
            let r = pow(2, e)
            out.append(line(left, y(r), width - right, y(r), r == 1 ? "#444444" : "#dddddd"))
            out.append(text(left - 45, y(r) + 4, r < 1 ? String(format: "%.3g", r) : String(format: "%.0f", r)))
            e += 1
        }
        out.append(text((width - right) / 2, height - 25, "context (tokens, log scale)"))
        out.append("<text transform=\"translate(22 \(height / 2 + 60)) rotate(-90)\">exact ÷ 2·N (log scale)</text>")
        out.append(text(width - right - 150, y(1.1) - 6, "±10 % of the rule"))
        for (i, result) in results.enumerated() {
            let color = Self.palette[i % Self.palette.count]
            let path = result.curve.filter { $0.ratio.isFinite }.map { "\(fmt(x(Double($0.context)))),\(fmt(y($0.ratio)))" }
            out.append("<polyline fill=\"none\" stroke=\"\(color)\" stroke-width=\"2\" points=\"\(path.joined(separator: " "))\"/>")
            let ly = top + 16 * Double(i)
            out.append(line(width - right + 15, ly, width - right + 35, ly, color, 3))
            out.append(text(width - right + 40, ly + 4, result.model))
        }
        out.append("</svg>")
        return out.joined(separator: "\n") + "\n"
    }

    static func tokens(_ n: Int) -> String { n >= 1 << 20 ? "\(n >> 20)M" : n >= 1024 ? "\(n >> 10)K" : String(n) }
    private func fmt(_ v: Double) -> String { SVG.number(v) }
    private func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, _ color: String, _ w: Double = 1) -> String {
        SVG.line(x1, y1, x2, y2, color, w)
    }
    private func rect(x: Double, y: Double, w: Double, h: Double, fill: String) -> String { SVG.rect(x: x, y: y, w: w, h: h, fill: fill) }
    private func text(_ x: Double, _ y: Double, _ s: String) -> String { SVG.text(x, y, s) }
}
