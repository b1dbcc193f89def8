import Foundation
import Testing
@testable import Commands
@testable import HostBench
@testable import Workload

/// The plots stay readable and inside the image with many series: `validate --plot` over the
/// whole catalog (and more), `bench --plot` with a long kernel list.
@Suite struct PlotLegendTests {
    /// One SVG element: its tag, attributes and text.
    struct Element {
        var tag: String
        var attributes: [String: String]
        var text: String
        func number(_ name: String) -> Double? { attributes[name].flatMap(Double.init) }
    }

    /// The elements of an SVG written one per line, as llmcost writes them.
    static func elements(_ svg: String) throws -> [Element] {
        let tag = try Regex(#"^<([a-z]+)((?: [A-Za-z:-]+="[^"]*")*)/?>(?:(.*)</[a-z]+>)?$"#)
        let attribute = try Regex(#"([A-Za-z:-]+)="([^"]*)""#)
        return svg.split(separator: "\n").compactMap { line -> Element? in
            guard let match = try? tag.wholeMatch(in: line), let name = match.output[1].substring else { return nil }
            var attributes: [String: String] = [:]
            for a in String(match.output[2].substring ?? "").matches(of: attribute) {
                if let key = a.output[1].substring, let value = a.output[2].substring { attributes[String(key)] = String(value) }
            }
            let text = (match.output[3].substring.map(String.init) ?? "").replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&amp;", with: "&")
            return Element(tag: String(name), attributes: attributes, text: text)
        }
    }

    /// The box an element covers (text: its baseline box at the plot's width estimate).
    static func box(_ e: Element) -> (x: ClosedRange<Double>, y: ClosedRange<Double>)? {
        func span(_ a: Double, _ b: Double) -> ClosedRange<Double> { min(a, b)...max(a, b) }
        switch e.tag {
        case "text":
            guard let x = e.number("x"), let y = e.number("y") else { return nil }  // rotated axis titles have no x/y
            let size = e.number("font-size") ?? 12
            return (x...(x + SVG.textWidth(e.text, size: size)), (y - size)...(y + size / 4))
        case "line":
            guard let x1 = e.number("x1"), let y1 = e.number("y1"), let x2 = e.number("x2"), let y2 = e.number("y2") else { return nil }
            return (span(x1, x2), span(y1, y2))
        case "circle":
            guard let cx = e.number("cx"), let cy = e.number("cy"), let r = e.number("r") else { return nil }
            return ((cx - r)...(cx + r), (cy - r)...(cy + r))
        case "rect":
            guard let x = e.number("x"), let y = e.number("y"), let w = e.number("width"), let h = e.number("height") else { return nil }
            return (x...(x + w), y...(y + h))
        case "polyline":
            let points = (e.attributes["points"] ?? "").split(separator: " ").map { $0.split(separator: ",").compactMap { Double($0) } }
            let xs = points.compactMap(\.first), ys = points.compactMap(\.last)
            guard let x0 = xs.min(), let x1 = xs.max(), let y0 = ys.min(), let y1 = ys.max() else { return nil }
            return (x0...x1, y0...y1)
        default: return nil
        }
    }

    /// Every element that reaches outside the `viewBox`, described.
    static func outside(_ svg: String) throws -> [String] {
        let all = try elements(svg)
        let root = try #require(all.first { $0.tag == "svg" })
        let view = try #require(root.attributes["viewBox"]).split(separator: " ").compactMap { Double($0) }
        try #require(view.count == 4 && view[2] > 0 && view[3] > 0)
        let (width, height) = (view[2], view[3])
        return all.compactMap { e in
            guard let b = box(e) else { return nil }
            let inside = b.x.lowerBound >= 0 && b.x.upperBound <= width && b.y.lowerBound >= 0 && b.y.upperBound <= height
            return inside ? nil : "\(e.tag) \(e.text) at x \(b.x), y \(b.y) outside \(width)×\(height)"
        }
    }

    /// The catalog's rule check, as `validate` runs it with its default contexts.
    static let catalogResults: [RuleCheckResult] = {
        (try? ModelCatalog.entries().map { entry in
            try RuleCheck(spec: ModelLoader.load(entry: entry).spec).run(contexts: [128, 2048, 8192, 32768], beyondWindow: false)
        }) ?? []
    }()

    @Test func wholeCatalogPlotKeepsEveryElementInsideTheImage() throws {
        let results = Self.catalogResults
        try #require(results.count >= 50)
        let plot = RatioPlot(results: results)
        let svg = plot.svg()
        #expect(try Self.outside(svg) == [])
        let elements = try Self.elements(svg)
        let legend = elements.filter { $0.tag == "text" && $0.attributes["class"] == "legend" }.map(\.text)
        #expect(legend.count == plot.families.count && plot.families.count < results.count, "one legend entry per family")
        #expect(legend.contains("llama (7 models)") && legend.contains("gpt2 (12 models)"))
        let labels = elements.filter { $0.tag == "text" && $0.attributes["class"] == "label" }
        #expect(Set(labels.map(\.text)) == Set(results.map(\.model)), "every line is labelled with its model")
    }

    /// End labels of lines ending at the same context never overlap.
    @Test func endLabelsDoNotOverlap() throws {
        let svg = RatioPlot(results: Self.catalogResults).svg()
        let labels = try Self.elements(svg).filter { $0.tag == "text" && $0.attributes["class"] == "label" }
        for column in Dictionary(grouping: labels, by: { $0.number("x") ?? 0 }).values {
            let ys = column.compactMap { $0.number("y") }.sorted()
            for (a, b) in zip(ys, ys.dropFirst()) { #expect(b - a >= RatioPlot.labelSpacing - 0.11, "labels \(a) and \(b) overlap") }
        }
    }

    /// Three times the catalog, each copy its own family: the chart and the legend grow, nothing spills.
    @Test func manyMoreModelsStillFit() throws {
        let results = (0..<3).flatMap { copy in
            Self.catalogResults.map { r -> RuleCheckResult in
                var r = r
                r.model += "-\(copy)"
                r.family = (r.family ?? r.model) + "-\(copy)"
                return r
            }
        }
        try #require(results.count >= 150)
        let plot = RatioPlot(results: results)
        #expect(plot.chartHeight > RatioPlot.minimumChartHeight)
        #expect(try Self.outside(plot.svg()) == [])
    }

    /// Labels are spread at least `spacing` apart within the bounds, and stay put when they can.
    @Test func spreadKeepsPositionsThatAlreadyFit() {
        #expect(RatioPlot.spread([10, 50, 90], spacing: 11, within: 0...100) == [10, 50, 90])
        #expect(RatioPlot.spread([50, 50, 50], spacing: 10, within: 0...100) == [50, 60, 70])
        #expect(RatioPlot.spread([95, 98, 99], spacing: 10, within: 0...100) == [80, 90, 100])
    }

    @Test func familyColoursAreDistinct() {
        let colours = (0..<80).map(RatioPlot.color)
        #expect(Set(colours).count == colours.count)
        #expect(colours.allSatisfy { $0.count == 7 && $0.hasPrefix("#") })
    }

    /// `bench --plot` of a long sweep: the legend rows under the chart hold every kernel.
    @Test func rooflineWithManyKernelsKeepsTheLegendInside() throws {
        let kernels = (1...60).map { i -> KernelMeasurement in
            let m = 64 * i
            var k = KernelMeasurement(name: "sgemm_\(m)x\(m)x\(m)", shape: "", seconds: 0.01, bestSeconds: 0.01,
                                      flops: 2 * m * m * m, repeats: 5)
            k.minimumBytes = LayerShape.compulsoryBytes(m: m, n: m, k: m)
            return k
        }
        let report = BenchRunner.assemble(
            configuration: BenchConfiguration(quick: true), host: HostDescription(
                cpuModel: "Test CPU", isa: "avx2+fma", cores: 2, logicalCPUs: 2, openblasConfig: "OpenBLAS",
                openblasCore: "Zen", memAvailableBytes: nil),
            measured: MeasuredPeak(gflops: 200, isa: "avx2+fma", threads: 2, method: "FMA loop"), nominal: .estimate(cpuinfo: "", maxFrequencyKHz: nil),
            bandwidth: 20, kernels: kernels, ratios: [:])
        let plot = RooflinePlot(report: report)
        let svg = plot.svg()
        #expect(plot.points.count == 60)
        #expect(try Self.outside(svg) == [])
        #expect(try Self.elements(svg).filter { $0.tag == "text" && $0.attributes["class"] == "legend" }.count == 60)
    }

    /// The check itself sees an element that spills over the edge.
    @Test func outsideFindsASpilledLabel() throws {
        let svg = [SVG.open(width: 100, height: 50), SVG.text(90, 20, "far too long a label"), "</svg>"].joined(separator: "\n")
        #expect(try Self.outside(svg).count == 1)
    }
}
