import Foundation

/// The datasheet-style peak, `cores × FP32 FLOP/cycle × clock`, from what /proc/cpuinfo and
/// cpufreq say, with every assumption spelled out. On a virtual machine the clock it reads is
/// often the base or a momentary one, so this figure is reported beside the measured peak, never
/// instead of it.
public struct NominalPeak: Codable, Sendable, Equatable {
    /// `nil` when the clock or the cores cannot be read.
    public var gflops: Double?
    public var cores: Int
    public var flopsPerCycle: Int
    public var megahertz: Double?
    public var isa: String
    /// Each input and its source, one sentence each.
    public var assumptions: [String]

    enum CodingKeys: String, CodingKey {
        case gflops, cores, flopsPerCycle = "flops_per_cycle", megahertz, isa, assumptions
    }

    /// Estimates from the text of /proc/cpuinfo and, when readable, cpufreq's
    /// `cpuinfo_max_freq` in kHz.
    public static func estimate(cpuinfo: String, maxFrequencyKHz: Int?) -> NominalPeak {
        let info = CPUInfo(cpuinfo)
        var assumptions: [String] = []
        let (isa, perCycle, vectorAssumption) = vectorThroughput(info)
        assumptions.append(vectorAssumption)
        let cores = info.physicalCores
        assumptions.append("\(cores) cores: \(info.coreSource)")
        var mhz: Double?
        if let khz = maxFrequencyKHz, khz > 0 {
            mhz = Double(khz) / 1000
            assumptions.append("clock \(Int(mhz!)) MHz: cpufreq cpuinfo_max_freq (maximum boost the kernel reports)")
        } else if let m = info.megahertz {
            mhz = m
            assumptions.append("clock \(String(format: "%.0f", m)) MHz: 'cpu MHz' in /proc/cpuinfo (no cpufreq in /sys; a momentary or base clock, often below boost on virtual machines)")
        } else {
            assumptions.append("clock unknown: neither cpufreq nor 'cpu MHz' readable")
        }
        let gflops = mhz.map { Double(cores * perCycle) * $0 / 1000 }
        return NominalPeak(gflops: gflops, cores: cores, flopsPerCycle: perCycle, megahertz: mhz, isa: isa, assumptions: assumptions)
    }

    /// FP32 FLOP per cycle per core from the ISA flags, corrected for the AMD cores whose vector
    /// datapaths are narrower than their ISA (the flags alone would double their peak).
    static func vectorThroughput(_ info: CPUInfo) -> (isa: String, flopsPerCycle: Int, assumption: String) {
        let flags = info.flags
        let first = info.processors.first ?? [:]
        let amd = first["vendor_id"] == "AuthenticAMD"
        let family = first["cpu family"].flatMap { Int($0) }, model = first["model"].flatMap { Int($0) }
        let source = "cpuinfo flags" + (amd ? ", AMD family \(family.map(String.init) ?? "?") model \(model.map(String.init) ?? "?")" : "")
        if flags.contains("avx512f") {
            if amd && family == 25 {
                return ("avx512f", 32, "ISA avx512f (\(source)): Zen 4 runs AVX-512 on 256-bit datapaths, 32 FP32 FLOP/cycle/core = 2 FMA pipes × 8 lanes × 2")
            }
            return ("avx512f", 64, "ISA avx512f (\(source)): 64 FP32 FLOP/cycle/core = 2 FMA units × 16 lanes × 2; parts with one 512-bit FMA unit (and mobile Zen 5) reach half")
        }
        if flags.contains("avx2") && flags.contains("fma") {
            if amd && family == 23, let model, model < 0x30 {
                return ("avx2+fma", 16, "ISA avx2+fma (\(source)): Zen 1 / Zen+ split 256-bit FMAs over 128-bit pipes, 16 FP32 FLOP/cycle/core = 2 FMA pipes × 4 lanes × 2")
            }
            return ("avx2+fma", 32, "ISA avx2+fma (\(source)): 32 FP32 FLOP/cycle/core = 2 FMA pipes × 8 lanes × 2 (Haswell and later, Zen 2 and later)")
        }
        if flags.contains("avx") {
            return ("avx", 16, "ISA avx without FMA (cpuinfo flags): 16 FP32 FLOP/cycle/core = one 8-lane add + one 8-lane multiply")
        }
        return ("sse", 8, "ISA sse (no avx flag in cpuinfo): 8 FP32 FLOP/cycle/core = one 4-lane add + one 4-lane multiply")
    }

    /// Reads /proc/cpuinfo and cpufreq of this machine.
    public static func estimateForThisHost() -> NominalPeak {
        let text = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        let khz = (try? String(contentsOfFile: "/sys/devices/system/cpu/cpu0/cpufreq/cpuinfo_max_freq", encoding: .utf8))
            .flatMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        return estimate(cpuinfo: text, maxFrequencyKHz: khz)
    }
}
