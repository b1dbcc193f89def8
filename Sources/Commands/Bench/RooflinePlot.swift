import ArgumentParser
import Foundation
import HostBench
import Workload

/// The host's measured roofline as SVG: the FMA peak and the STREAM bandwidth as ceilings, every
/// measured kernel placed by its arithmetic intensity (FLOPs ÷ compulsory bytes) and its rate.
/// A kernel far below the roof at high intensity is losing time to something other than the
/// hardware's limits (threading, small GEMMs, element-wise passes).
///
/// The legend (one entry per kernel, with its intensity and rate) is set in columns under the
/// chart, which grows to hold it, so a sweep of many kernels stays inside the image.
struct RooflinePlot {
    var report: BenchReport
    let width = 960.0, chartHeight = 480.0, left = 80.0, right = 60.0, top = 56.0, bottom = 64.0

    func write(to path: String) throws {
        try OutputOptions.checkPlotPath(path)
        try OutputOptions.write(svg(), to: path, parameter: .plotPath)
    }

    /// Kernels with a known intensity and a positive rate.
    var points: [(name: String, intensity: Double, gflops: Double)] {
        report.kernels.filter { $0.name != "sgemm" }.compactMap { k in
            guard let ai = k.arithmeticIntensity, ai > 0, k.gflops > 0, k.gflops.isFinite else { return nil }
            return (k.name, ai, k.gflops)
        }
    }

    func svg() -> String {
        let peak = max(report.peakGFLOPS, 1e-3), bandwidth = max(report.bandwidthGBPS, 1e-3)
        let ridge = peak / bandwidth
        let ais = points.map(\.intensity) + [ridge]
        let xs = (floor(log10(min(ais.min() ?? 1, ridge / 10))), ceil(log10(max(ais.max() ?? 1, ridge * 10))))
        let rates = points.map(\.gflops) + [peak]
        let ys = (floor(log10(min(rates.min() ?? 1, bandwidth * pow(10, xs.0)))), ceil(log10(peak * 1.5)))
        func x(_ ai: Double) -> Double { left + (log10(ai) - xs.0) / max(1e-9, xs.1 - xs.0) * (width - left - right) }
        let axisY = top + chartHeight
        func y(_ g: Double) -> Double { axisY - (log10(g) - ys.0) / max(1e-9, ys.1 - ys.0) * chartHeight }
        let legend = SVGLegend(entries: points.enumerated().map { i, p in
            .init(label: String(format: "%@ (%.0f FLOP/B, %.0f GFLOP/s)", p.name, p.intensity, p.gflops),
                  color: RatioPlot.color(i), swatch: .dot)
        }, width: width - left - right)
        let height = axisY + bottom + legend.height + 12
        var out = [
            SVG.open(width: width, height: height),
            "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>",
            text(left, 24, "Measured roofline: \(report.host.cpuModel), \(report.threads) threads, FP32", size: 16),
            text(left, 42, String(format: "peak %.1f GFLOP/s (%@), bandwidth %.1f GB/s (STREAM triad), ridge %.1f FLOP/byte",
                                  peak, report.measuredPeak.method, bandwidth, ridge)),
        ]
        var e = xs.0
        while e <= xs.1 {
            let v = pow(10, e)
            out.append(line(x(v), top, x(v), axisY, "#dddddd"))
            out.append(text(x(v) - 10, axisY + 18, String(format: "%g", v)))
            e += 1
        }
        e = ys.0
        while e <= ys.1 {
            let v = pow(10, e)
            out.append(line(left, y(v), width - right, y(v), "#dddddd"))
            out.append(text(left - 50, y(v) + 4, String(format: "%g", v)))
            e += 1
        }
        // The roof: bandwidth × intensity up to the ridge, then the peak.
        let x0 = pow(10, xs.0), x1 = pow(10, xs.1)
        out.append("<polyline fill=\"none\" stroke=\"#222222\" stroke-width=\"2.5\" points=\"\(fmt(x(x0))),\(fmt(y(bandwidth * x0))) \(fmt(x(ridge))),\(fmt(y(peak))) \(fmt(x(x1))),\(fmt(y(peak)))\"/>")
        out.append(text(x(ridge) + 8, y(peak) - 8, String(format: "FMA peak %.0f GFLOP/s", peak)))
        out.append(text(x(x0) + 8, y(bandwidth * x0 * 2) - 12, String(format: "%.1f GB/s", bandwidth)))
        if report.bestSGEMMGFLOPS > 0 {
            out.append(line(left, y(report.bestSGEMMGFLOPS), width - right, y(report.bestSGEMMGFLOPS), "#1f77b4", 1, dash: true))
            out.append(text(width - right - 190, y(report.bestSGEMMGFLOPS) - 6, String(format: "best SGEMM %.0f GFLOP/s", report.bestSGEMMGFLOPS)))
        }
        for (i, p) in points.enumerated() {
            out.append(SVG.circle(x(p.intensity), y(p.gflops), r: 5, fill: RatioPlot.color(i)))
        }
        out.append(text((width - right) / 2 - 160, axisY + 42, "arithmetic intensity (FLOP per compulsory byte, log scale)"))
        out.append("<text transform=\"translate(22 \(fmt(top + chartHeight / 2 + 40))) rotate(-90)\">GFLOP/s (log scale)</text>")
        out += legend.elements(x: left, y: axisY + bottom)
        out.append("</svg>")
        return out.joined(separator: "\n") + "\n"
    }

    private func fmt(_ v: Double) -> String { SVG.number(v) }
    private func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, _ color: String, _ w: Double = 1, dash: Bool = false) -> String {
        SVG.line(x1, y1, x2, y2, color, w, dashed: dash)
    }
    private func text(_ x: Double, _ y: Double, _ s: String, size: Int? = nil) -> String { SVG.text(x, y, s, size: size) }
}
