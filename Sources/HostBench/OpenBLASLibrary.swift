import Foundation

/// OpenBLAS, opened with `dlopen` on first use instead of linked at build time.
///
/// Linked, a host without `libopenblas.so.0` could not start llmcost at all: the dynamic loader
/// refuses with its own message and exit 127, even for `params`, which never touches BLAS. Opened
/// here, counting works everywhere and only measuring fails, with one error that says what to
/// install. (Importing `COpenBLAS` here would put pkg-config's `-lopenblas` back on the link line,
/// so the few declarations llmcost needs are written below; `OpenBLASLibraryTests` compiles against
/// `cblas.h` through `COpenBLAS` and checks them.)
struct OpenBLASLibrary: @unchecked Sendable {  // immutable C function pointers into a library never closed
    /// `blasint` of an LP64 OpenBLAS build (Debian's `libopenblas0`; the ILP64 one is `libopenblas64`).
    typealias BLASInt = Int32
    /// `cblas_sgemm`: the enums (`CBLAS_ORDER`, `CBLAS_TRANSPOSE`) travel as C `int`s.
    typealias SGEMM = @convention(c) (
        Int32, Int32, Int32, BLASInt, BLASInt, BLASInt, Float,
        UnsafePointer<Float>?, BLASInt, UnsafePointer<Float>?, BLASInt, Float,
        UnsafeMutablePointer<Float>?, BLASInt) -> Void

    /// `CblasRowMajor`, `CblasNoTrans`, `CblasTrans`: fixed by the CBLAS standard.
    static let rowMajor: Int32 = 101, noTranspose: Int32 = 111, transpose: Int32 = 112

    let sgemm: SGEMM
    let setNumThreads: @convention(c) (Int32) -> Void
    let getNumThreads: @convention(c) () -> Int32
    let config: @convention(c) () -> UnsafeMutablePointer<CChar>?
    let coreName: @convention(c) () -> UnsafeMutablePointer<CChar>?
    /// `openblas_thread_timeout`: the `OPENBLAS_THREAD_TIMEOUT` exponent the library read when it
    /// loaded (0: unset, its built-in 2^28 cycles). Optional: a library without it still measures.
    let threadTimeout: (@convention(c) () -> Int32)?

    /// Set to a library path to use that file and nothing else (a custom OpenBLAS build, or a
    /// bogus path to see what a host without OpenBLAS does).
    static let overrideVariable = "LLMCOST_OPENBLAS_LIBRARY"

    /// The process's OpenBLAS, opened once.
    /// OpenBLAS reads its settings once, when it loads, so `OpenBLASThreading` configures them first.
    static let shared: Result<OpenBLASLibrary, HostBenchError> = {
        OpenBLASThreading.configureBeforeLoading()
        return load(candidates: candidates(environment: ProcessInfo.processInfo.environment))
    }()

    /// The names `dlopen` tries, in order: the override alone, or the names Debian's
    /// `libopenblas0` (through the alternatives system) and Homebrew install.
    static func candidates(environment: [String: String]) -> [String] {
        if let path = environment[overrideVariable], !path.isEmpty { return [path] }
        #if os(macOS)
        return ["libopenblas.dylib", "/opt/homebrew/opt/openblas/lib/libopenblas.dylib",
                "/usr/local/opt/openblas/lib/libopenblas.dylib"]
        #else
        return ["libopenblas.so.0", "libopenblas.so"]
        #endif
    }

    /// The first candidate that opens and exports every function llmcost calls, or an error
    /// naming what was tried and why the first one failed.
    static func load(candidates: [String]) -> Result<OpenBLASLibrary, HostBenchError> {
        var reasons: [String] = []
        for path in candidates {
            switch open(path) {
            case let .success(library): return .success(library)
            case let .failure(failure): reasons.append(failure.reason)
            }
        }
        return .failure(.openBLASUnavailable(tried: candidates, reason: reasons.first ?? "no library to try"))
    }

    /// Why one candidate could not be used: `dlerror`'s text or the missing symbol.
    private struct LoadFailure: Error { let reason: String }

    private static func open(_ path: String) -> Result<OpenBLASLibrary, LoadFailure> {
        guard let handle = dlopen(path, RTLD_NOW | RTLD_LOCAL) else { return .failure(LoadFailure(reason: lastError())) }
        func symbol<T>(_ name: String, as _: T.Type) throws(LoadFailure) -> T {
            guard let address = dlsym(handle, name) else { throw LoadFailure(reason: "\(path) does not export \(name)") }
            return unsafeBitCast(address, to: T.self)
        }
        do throws(LoadFailure) {
            return .success(OpenBLASLibrary(
                sgemm: try symbol("cblas_sgemm", as: SGEMM.self),
                setNumThreads: try symbol("openblas_set_num_threads", as: (@convention(c) (Int32) -> Void).self),
                getNumThreads: try symbol("openblas_get_num_threads", as: (@convention(c) () -> Int32).self),
                config: try symbol("openblas_get_config", as: (@convention(c) () -> UnsafeMutablePointer<CChar>?).self),
                coreName: try symbol("openblas_get_corename", as: (@convention(c) () -> UnsafeMutablePointer<CChar>?).self),
                threadTimeout: dlsym(handle, "openblas_thread_timeout").map { unsafeBitCast($0, to: (@convention(c) () -> Int32).self) }))
        } catch {
            dlclose(handle)
            return .failure(error)
        }
    }

    private static func lastError() -> String {
        guard let message = dlerror() else { return "dlopen failed" }
        return String(cString: message)
    }
}
