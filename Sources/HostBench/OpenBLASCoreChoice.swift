import Foundation

/// OpenBLAS picks its kernels from the CPUID model at load time; a CPU newer than the library
/// (OpenBLAS 0.3.21 on a Sapphire Rapids VM that calls itself "Intel(R) Xeon(R) Processor")
/// falls back to Prescott's SSE3 kernels, a fifth of the speed the AVX-512 ones reach. Measuring
/// that would report the library's blind spot as the host's throughput, so the `llmcost`
/// executable restarts itself once with `OPENBLAS_CORETYPE` set to the kernels the CPU's flags
/// support, and every report says so.
public enum OpenBLASCoreChoice {
    /// Kernel sets OpenBLAS falls back to when it does not recognise a CPU.
    static let fallbackCores: Set<String> = ["Prescott", "Katmai", "Coppermine", "Northwood", "Banias", "Core2", "Penryn", "Dunnington", "Nehalem", "Atom"]
    /// Set on the restarted process: the core OpenBLAS first chose.
    static let fallbackVariable = "LLMCOST_OPENBLAS_FALLBACK"

    /// The kernels these `/proc/cpuinfo` flags support, or nil when no better set is known.
    static func suggestedCore(flags: Set<String>, vendor: String) -> String? {
        if flags.isSuperset(of: ["avx512f", "avx512bw", "avx512vl", "avx512dq"]) { return "SkylakeX" }
        if flags.isSuperset(of: ["avx2", "fma"]) { return vendor == "AuthenticAMD" ? "Zen" : "Haswell" }
        return nil
    }

    /// The core to restart with, when OpenBLAS chose a fallback and the user chose nothing.
    static func correction(chosen: String, environment: [String: String], cpuinfo: String) -> String? {
        guard environment["OPENBLAS_CORETYPE"] == nil, environment[fallbackVariable] == nil,
              fallbackCores.contains(chosen) else { return nil }
        let info = CPUInfo(cpuinfo)
        return suggestedCore(flags: info.flags, vendor: info.processors.first?["vendor_id"] ?? "")
    }

    /// Restarts this process with `OPENBLAS_CORETYPE` set when OpenBLAS misread the CPU; returns
    /// (doing nothing) otherwise or if the restart fails. Call first thing in `main`.
    public static func restartIfMisdetected() {
        let cpuinfo = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        guard let core = correction(chosen: BLAS.coreName, environment: ProcessInfo.processInfo.environment, cpuinfo: cpuinfo)
        else { return }
        setenv("OPENBLAS_CORETYPE", core, 1)
        setenv(fallbackVariable, BLAS.coreName, 1)
        // The restarted process sets the thread timeout itself, and so knows it was llmcost's choice.
        if OpenBLASThreading.origin == .llmcost { unsetenv(OpenBLASThreading.timeoutVariable) }
        execv("/proc/self/exe", CommandLine.unsafeArgv)
        if OpenBLASThreading.origin == .llmcost { setenv(OpenBLASThreading.timeoutVariable, String(OpenBLASThreading.timeoutExponent), 1) }
        unsetenv("OPENBLAS_CORETYPE")  // the restart failed: carry on with what OpenBLAS chose
        unsetenv(fallbackVariable)
    }

    /// A sentence for every report measured after a restart.
    public static var note: String? {
        guard let fallback = ProcessInfo.processInfo.environment[fallbackVariable] else { return nil }
        return "OpenBLAS did not recognise this CPU and chose its \(fallback) kernels; llmcost restarted with "
            + "OPENBLAS_CORETYPE=\(BLAS.coreName), the kernels the CPU's flags support (set OPENBLAS_CORETYPE yourself to choose)"
    }
}
