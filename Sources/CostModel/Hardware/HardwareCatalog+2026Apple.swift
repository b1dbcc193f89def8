import Workload

/// Apple's laptop/desktop SoCs people run models on: unified memory (capacity and bandwidth)
/// is what Apple publishes. Apple prints no FLOP/s for the GPU or the Neural Engine in a
/// precision this catalog could use, nor a chip power, so the entries have no peaks and no
/// TDP: the memory fit (`DeviceFit`) works on them; a cost, which needs a peak, asks for a
/// measured host profile instead.
extension HardwareCatalog {
    public static let m3Max = HardwareSpec(
        name: "m3-max", displayName: "Apple M3 Max (16-core CPU, 40-core GPU, 128GB)", aliases: ["apple-m3-max"],
        kind: .soc, densePeaks: [:],
        memoryGigabytes: 128, bandwidth: .giga(400), tdp: nil, referencePrice: nil,
        specSource: SourceReference(
            "Apple Newsroom, Apple unveils new MacBook Pro featuring M3 chips (30 Oct 2023)",
            url: "https://www.apple.com/newsroom/2023/10/apple-unveils-new-macbook-pro-featuring-m3-chips/",
            dateRead: read2026, note: "up to 128 GB unified memory at 400 GB/s (the 14-core CPU / 30-core GPU part has 300 GB/s and up to 96 GB); no FLOP/s or power published"),
        priceSource: nil, links: nil)

    public static let m4Max = HardwareSpec(
        name: "m4-max", displayName: "Apple M4 Max (16-core CPU, 40-core GPU, 128GB)", aliases: ["apple-m4-max"],
        kind: .soc, densePeaks: [:],
        memoryGigabytes: 128, bandwidth: .giga(546), tdp: nil, referencePrice: nil,
        specSource: SourceReference(
            "Apple Newsroom, New MacBook Pro features M4 family of chips (30 Oct 2024)",
            url: "https://www.apple.com/newsroom/2024/10/new-macbook-pro-features-m4-family-of-chips-and-apple-intelligence/",
            dateRead: read2026, note: "up to 128 GB unified memory at 546 GB/s (the 14-core CPU / 32-core GPU part has 410 GB/s and up to 36 GB); no FLOP/s or power published"),
        priceSource: nil, links: nil)
}
