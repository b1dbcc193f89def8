import Foundation

/// The text of a model file, refused early when it cannot be a spec or a config.
///
/// A model file is a few kilobytes of text; anything empty, larger than 16 MB, binary or not
/// UTF-8 is a wrong path or a wrong file (a weights file, an archive), and is reported as such
/// instead of being handed to a parser that would fail with a less helpful message.
struct InputFile {
    /// Largest accepted model file: 16 MB (real `config.json` files are under 10 KB).
    static let maximumBytes = 16 << 20

    let path: String
    let data: Data
    let text: String

    init(path: String) throws(SpecError) {
        let attributes: [FileAttributeKey: Any]
        do {
            // Links are followed: a Hugging Face cache snapshot's files are links into its blobs.
            attributes = try FileManager.default.attributesOfItem(atPath: URL(fileURLWithPath: path).resolvingSymlinksInPath().path)
        } catch {
            throw SpecError(file: path, "cannot read the file: no such file or no permission")
        }
        guard (attributes[.type] as? FileAttributeType) == .typeRegular else {
            throw SpecError(file: path, "not a regular file; expected a YAML spec, a config.json or a directory holding one")
        }
        if let size = (attributes[.size] as? NSNumber)?.intValue, size > Self.maximumBytes {
            throw SpecError(file: path, "the file is \(size) bytes; a model spec or config is at most 16 MB (is this a weights file?)")
        }
        let data: Data
        do {
            // Read at most one byte past the limit, in case the file grew since it was measured.
            let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
            defer { try? handle.close() }
            data = try handle.read(upToCount: Self.maximumBytes + 1) ?? Data()
        } catch {
            throw SpecError(file: path, "cannot read the file: \(error.localizedDescription)")
        }
        try self.init(path: path, data: data)
    }

    init(path: String, data: Data) throws(SpecError) {
        guard data.count <= Self.maximumBytes else {
            throw SpecError(file: path, "the file is \(data.count) bytes; a model spec or config is at most 16 MB")
        }
        guard let text = String(data: data, encoding: .utf8), !data.contains(0) else {
            throw SpecError(file: path, "not UTF-8 text (a binary file?); expected a YAML spec or a config.json")
        }
        guard !text.allSatisfy(\.isWhitespace) else {
            throw SpecError(file: path, "the file is empty")
        }
        self.path = path; self.data = data; self.text = text
    }

    /// JSON (a `config.json` or a JSON spec) starts with `{`; our YAML specs do not.
    var looksLikeJSON: Bool {
        text.first(where: { !$0.isWhitespace && $0 != "\u{FEFF}" }) == "{"
    }
}
