import COpenBLAS
import Foundation
import Testing
@testable import HostBench

/// llmcost opens OpenBLAS at run time with declarations of its own; these tests compile against
/// the installed `cblas.h` (pkg-config `openblas`, through `COpenBLAS`) and hold the two together.
@Suite struct OpenBLASLibraryTests {
    @Test func declaredConstantsAndWidthsMatchTheInstalledHeader() {
        #expect(OpenBLASLibrary.rowMajor == Int32(CblasRowMajor.rawValue))
        #expect(OpenBLASLibrary.noTranspose == Int32(CblasNoTrans.rawValue))
        #expect(OpenBLASLibrary.transpose == Int32(CblasTrans.rawValue))
        #expect(MemoryLayout<blasint>.size == MemoryLayout<OpenBLASLibrary.BLASInt>.size)
        #expect(MemoryLayout<CBLAS_ORDER>.size == MemoryLayout<Int32>.size)
    }

    @Test func openedFunctionsAreTheOnesTheHeaderDeclares() throws {
        let library = try OpenBLASLibrary.shared.get()
        // The header's prototype, assigned to the header-typed pointer: a compile-time check of
        // its shape, and the addresses must be the same function as the one dlsym found.
        let linked: @convention(c) (CBLAS_ORDER, CBLAS_TRANSPOSE, CBLAS_TRANSPOSE, blasint, blasint, blasint, Float,
                                    UnsafePointer<Float>?, blasint, UnsafePointer<Float>?, blasint, Float,
                                    UnsafeMutablePointer<Float>?, blasint) -> Void = cblas_sgemm
        #expect(unsafeBitCast(linked, to: UnsafeRawPointer.self) == unsafeBitCast(library.sgemm, to: UnsafeRawPointer.self))
        #expect(Int(library.getNumThreads()) == Int(openblas_get_num_threads()))
        #expect(BLAS.coreName == String(cString: openblas_get_corename()))
    }

    @Test func aMissingLibraryIsAnErrorNamingEveryCandidateAndWhatToInstall() {
        let result = OpenBLASLibrary.load(candidates: ["/nonexistent/libopenblas.so.0", "libno-such-blas.so"])
        guard case let .failure(error) = result else {
            Issue.record("a nonexistent path loaded")
            return
        }
        let message = error.description
        #expect(message.contains("/nonexistent/libopenblas.so.0"))
        #expect(message.contains("libno-such-blas.so"))
        #expect(message.contains("apt-get install libopenblas0"))
        #expect(!message.contains("\n"))
    }

    @Test func aLibraryWithoutTheFunctionsIsRejected() {
        // libm opens, but exports no cblas_sgemm.
        #if os(Linux)
        let result = OpenBLASLibrary.load(candidates: ["libm.so.6"])
        guard case let .failure(error) = result else {
            Issue.record("libm was accepted as OpenBLAS")
            return
        }
        #expect(error.description.contains("does not export cblas_sgemm"))
        #endif
    }

    @Test func theOverrideVariableReplacesTheDefaultNames() {
        #expect(OpenBLASLibrary.candidates(environment: ["LLMCOST_OPENBLAS_LIBRARY": "/opt/blas/libopenblas.so"]) == ["/opt/blas/libopenblas.so"])
        #expect(OpenBLASLibrary.candidates(environment: ["LLMCOST_OPENBLAS_LIBRARY": ""]) == OpenBLASLibrary.candidates(environment: [:]))
        #expect(!OpenBLASLibrary.candidates(environment: [:]).isEmpty)
    }
}
