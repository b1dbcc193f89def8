import Foundation
import Testing
import _TestSupport
@testable import Workload

/// Hostile GGUF headers: each is one `SpecError` naming the file and the field, never a crash or
/// a huge allocation.
@Suite struct GGUFHostileTests {
    let path = "hostile.gguf"

    func parse(_ bytes: [UInt8], fileSize: Int? = nil) throws(SpecError) -> GGUFHeader {
        try GGUFHeader.parse(bytes, fileSize: fileSize ?? bytes.count, path: path)
    }

    func error(_ bytes: [UInt8], fileSize: Int? = nil) -> SpecError? {
        do { _ = try parse(bytes, fileSize: fileSize); return nil } catch { return error }
    }

    func le<T: FixedWidthInteger>(_ v: T) -> [UInt8] { withUnsafeBytes(of: v.littleEndian) { Array($0) } }

    /// A header with one metadata entry `key` whose value is `payload` (type id included).
    func oneEntry(_ key: String, type: UInt32, payload: [UInt8]) -> [UInt8] {
        GGUFWriter(metadata: [(key, .raw(type: type, payload: payload))]).header()
    }

    @Test func theWrittenFileParses() throws {
        let w = GGUFWriter.tinyLlama()
        let h = try parse(w.file())
        #expect(h.version == 3 && h.tensors.count == 21 && h.metadata.count == w.metadata.count)
        #expect(h.metadata["tokenizer.ggml.tokens"] == .array(elementType: 8, count: 512, items: nil))
        #expect(h.metadata["llama.rope.freq_base"] == .float(10000))
        #expect(h.metadata["tokenizer.ggml.add_bos_token"] == .bool(true))
    }

    /// Version 2 has the same layout as 3 (64-bit counts): both are read.
    @Test func versionTwoIsRead() throws {
        var w = GGUFWriter.tinyLlama()
        w.version = 2
        #expect(try parse(w.file()).version == 2)
    }

    @Test func wrongMagic() {
        var bytes = GGUFWriter.tinyLlama().file()
        bytes[0] = UInt8(ascii: "L")
        let e = error(bytes)
        #expect(e?.field == "magic" && e?.file == path && "\(e!)".contains("LGUF"))
    }

    @Test(arguments: [UInt32(1), 0, 4, 0x0300_0000])
    func unreadVersions(_ version: UInt32) {
        var w = GGUFWriter.tinyLlama()
        w.version = version
        #expect(error(w.file())?.field == "version")
    }

    /// Every prefix of a valid file's header is refused, naming the field it was reading.
    @Test func truncatedAtEveryByte() {
        let w = GGUFWriter.tinyLlama(vocabulary: 256)
        let header = w.header()
        for length in stride(from: 0, to: header.count, by: 1) {
            guard let e = error(Array(header[..<length])) else {
                Issue.record("a header cut at byte \(length) of \(header.count) parsed"); return
            }
            #expect(e.file == path && e.field != nil, "cut at \(length): \(e)")
        }
    }

    @Test func truncatedData() {
        let file = GGUFWriter.tinyLlama().file()
        let e = error(Array(file.dropLast(1)))
        #expect(e?.field == "tensor 'blk.1.ffn_down.weight'.offset" && "\(e!)".contains("truncated"))
    }

    @Test func stringLengthBeyondTheFile() {
        let e = error(oneEntry("general.name", type: 8, payload: le(UInt64(1) << 40) + Array("abc".utf8)))
        #expect(e?.field == "general.name" && e?.file == path)
    }

    @Test func arrayCountOfTwoToTheSixtySecond() {
        let e = error(oneEntry("tokenizer.ggml.tokens", type: 9, payload: le(UInt32(8)) + le(UInt64(1) << 62)))
        #expect(e?.field == "tokenizer.ggml.tokens (array length)")
    }

    @Test func arrayCountBeyondTheBytesLeft() {
        let e = error(oneEntry("tokenizer.ggml.scores", type: 9, payload: le(UInt32(6)) + le(UInt64(1_000_000)) + [0, 0, 0, 0]))
        #expect(e?.field == "tokenizer.ggml.scores (array length)" && "\(e!)".contains("cannot fit"))
    }

    @Test func deeplyNestedArrays() {
        var payload: [UInt8] = []
        for _ in 0..<100 { payload += le(UInt32(9)) + le(UInt64(1)) }
        let e = error(oneEntry("nested", type: 9, payload: payload))
        #expect(e?.field == "nested" && "\(e!)".contains("nested"))
    }

    @Test func unknownValueType() {
        #expect(error(oneEntry("odd", type: 13, payload: [0]))?.field == "odd")
    }

    @Test func boolThatIsNotZeroOrOne() {
        #expect(error(oneEntry("flag", type: 7, payload: [7]))?.field == "flag")
    }

    @Test func hugeTensorCount() {
        var bytes = GGUFWriter.tinyLlama().header()
        bytes.replaceSubrange(8..<16, with: le(UInt64(1) << 62))
        #expect(error(bytes)?.field == "tensor_count")
    }

    @Test func hugeMetadataCount() {
        var bytes = GGUFWriter.tinyLlama().header()
        bytes.replaceSubrange(16..<24, with: le(UInt64.max))
        #expect(error(bytes)?.field == "metadata_kv_count")
    }

    @Test func nineDimensions() {
        let w = GGUFWriter(tensors: [.init("t.weight", [1, 1, 1, 1, 1, 1, 1, 1, 1], GGUFWriter.f32)])
        #expect(error(w.file())?.field == "tensor 't.weight'.n_dims")
    }

    @Test func unknownGGMLType() {
        let w = GGUFWriter(tensors: [.init("t.weight", [32], 31)])
        let e = error(w.header() + [UInt8](repeating: 0, count: 4096))
        #expect(e?.field == "tensor 't.weight'.type" && "\(e!)".contains("31"))
    }

    @Test func overflowingDims() {
        let w = GGUFWriter(tensors: [.init("t.weight", [1 << 32, 1 << 32, 1 << 32], GGUFWriter.f32)])
        #expect(error(w.header())?.field == "tensor 't.weight'.dims")
    }

    @Test func partialBlock() {
        let w = GGUFWriter(tensors: [.init("t.weight", [100, 2], GGUFWriter.q4_K)])
        #expect(error(w.header() + [UInt8](repeating: 0, count: 4096))?.field == "tensor 't.weight'.dims[0]")
    }

    @Test func duplicateKeyAndTensor() {
        let key = GGUFWriter(metadata: [("a", .u32(1)), ("a", .u32(2))])
        #expect(error(key.header())?.field == "a")
        let tensor = GGUFWriter(tensors: [.init("t", [4], GGUFWriter.f32), .init("t", [4], GGUFWriter.f32)])
        #expect(error(tensor.file())?.field == "tensor 't'")
    }

    @Test func badAlignment() {
        let w = GGUFWriter(metadata: [("general.alignment", .u32(3))])
        #expect(error(w.header())?.field == "general.alignment")
    }

    @Test func headerLongerThanTheReadLimit() {
        // The bytes read stop inside a string while the file goes on: named as the read limit.
        let bytes = oneEntry("general.name", type: 8, payload: le(UInt64(100)) + Array("abc".utf8))
        let e = error(bytes, fileSize: 1 << 40)
        #expect(e?.field == "general.name" && "\(e!)".contains("MiB"))
    }

    @Test func invalidUTF8Key() {
        let bytes = Array("GGUF".utf8) + le(UInt32(3)) + le(UInt64(0)) + le(UInt64(1)) + le(UInt64(2)) + [0xff, 0xfe] + le(UInt32(4)) + le(UInt32(1))
        #expect(error(bytes)?.field == "metadata key #0")
    }

    /// A FIFO named `.gguf` is refused before it is opened (opening it would block).
    @Test func aFIFOIsNotOpened() throws {
        let fifo = FileManager.default.temporaryDirectory.appendingPathComponent("llmcost-fifo-\(UUID().uuidString).gguf").path
        try #require(mkfifo(fifo, 0o600) == 0)
        defer { try? FileManager.default.removeItem(atPath: fifo) }
        #expect { try ModelLoader.load(fifo) } throws: { "\($0)".contains("not a regular file") }
    }

    @Test func extensionWithoutMagicIsNamed() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("llmcost-gguf-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let file = dir.appendingPathComponent("model.gguf").path
        try Data("not a gguf file at all".utf8).write(to: URL(fileURLWithPath: file))
        #expect { try ModelLoader.load(file) } throws: { ($0 as? SpecError)?.field == "magic" }
    }
}
