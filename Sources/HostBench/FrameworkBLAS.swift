import Foundation

/// The BLAS a framework runs its GEMMs through, when it is not OpenBLAS: PyTorch's CPU wheels
/// carry Intel MKL linked in (`torch.__config__.show()`: `BLAS_INFO=mkl`), and on a host where MKL
/// and OpenBLAS differ by up to 2× for the same shape (MKL's AMD path, its blocking for thin
/// products) a prediction of eager PyTorch priced at OpenBLAS's rates measures the wrong library.
///
/// PyTorch's own copy cannot be called from outside Python, so the user points
/// `LLMCOST_FRAMEWORK_BLAS` at a CBLAS library of the same kind: `pip install mkl==2024.2.0` into
/// the same virtual environment gives `libmkl_rt.so.2`, the version torch 2.13.0+cpu reports. It
/// is opened with GNU OpenMP as its threading layer, as torch's build links it
/// (`MKL_THREADING_LAYER=GNU`, unless the environment already says), and pinned to the measured
/// thread count. Unset, the eager model keeps OpenBLAS's rates and says so.
public struct FrameworkBLAS: @unchecked Sendable {  // immutable C function pointers into a library never closed
    public static let variable = "LLMCOST_FRAMEWORK_BLAS"

    /// The path the library was opened from, and what it says it is.
    public let path: String
    public let version: String
    let sgemm: OpenBLASLibrary.SGEMM
    let setThreads: (@convention(c) (Int32) -> Void)?

    /// The library the environment names, opened once; nil when the variable is unset or empty.
    public static let configured: Result<FrameworkBLAS, HostBenchError>? = {
        guard let path = ProcessInfo.processInfo.environment[variable], !path.isEmpty else { return nil }
        return open(path)
    }()

    /// Opens `path` as a CBLAS library: `cblas_sgemm` is required; a thread-count setter
    /// (`MKL_Set_Num_Threads`, `openblas_set_num_threads`) and a version string are used when present.
    public static func open(_ path: String) -> Result<FrameworkBLAS, HostBenchError> {
        if ProcessInfo.processInfo.environment["MKL_THREADING_LAYER"] == nil {
            // MKL's GNU layer needs libgomp's symbols global before it loads.
            if dlopen("libgomp.so.1", RTLD_NOW | RTLD_GLOBAL) != nil { setenv("MKL_THREADING_LAYER", "GNU", 1) }
        }
        guard let handle = dlopen(path, RTLD_NOW | RTLD_LOCAL) else {
            let reason = dlerror().map { String(cString: $0) } ?? "dlopen failed"
            return .failure(.invalidConfiguration(field: variable, reason: "cannot open '\(path)': \(reason)"))
        }
        guard let gemm = dlsym(handle, "cblas_sgemm") else {
            dlclose(handle)
            return .failure(.invalidConfiguration(field: variable, reason: "'\(path)' does not export cblas_sgemm: not a CBLAS library"))
        }
        let setter = dlsym(handle, "MKL_Set_Num_Threads") ?? dlsym(handle, "openblas_set_num_threads")
        return .success(FrameworkBLAS(
            path: path, version: describe(handle), sgemm: unsafeBitCast(gemm, to: OpenBLASLibrary.SGEMM.self),
            setThreads: setter.map { unsafeBitCast($0, to: (@convention(c) (Int32) -> Void).self) }))
    }

    /// `mkl_get_version_string`, else `openblas_get_config`, else the file name alone.
    private static func describe(_ handle: UnsafeMutableRawPointer) -> String {
        if let f = dlsym(handle, "mkl_get_version_string") {
            typealias Version = @convention(c) (UnsafeMutablePointer<CChar>, Int32) -> Void
            var buffer = [CChar](repeating: 0, count: 256)
            unsafeBitCast(f, to: Version.self)(&buffer, Int32(buffer.count - 1))
            return String(cString: buffer).trimmingCharacters(in: .whitespaces)
        }
        if let f = dlsym(handle, "openblas_get_config"),
           let text = unsafeBitCast(f, to: (@convention(c) () -> UnsafeMutablePointer<CChar>?).self)() {
            return String(cString: text).trimmingCharacters(in: .whitespaces)
        }
        return "a CBLAS library"
    }

    /// Pins the library to `threads` for the calls that follow (no-op when it has no setter).
    func pin(threads: Int) { setThreads?(Int32(clamping: max(1, threads))) }

    /// `C = A·B` (or `A·Bᵀ`, B stored `n × k`), row-major; the sizes come from `GEMMSweep`,
    /// already checked there.
    func multiply(m: Int, n: Int, k: Int, a: UnsafePointer<Float>, b: UnsafePointer<Float>, transposedB: Bool = false,
                  c: UnsafeMutablePointer<Float>) {
        sgemm(OpenBLASLibrary.rowMajor, OpenBLASLibrary.noTranspose, transposedB ? OpenBLASLibrary.transpose : OpenBLASLibrary.noTranspose,
              Int32(m), Int32(n), Int32(k), 1, a, Int32(k), b, Int32(transposedB ? k : n), 0, c, Int32(n))
    }
}
