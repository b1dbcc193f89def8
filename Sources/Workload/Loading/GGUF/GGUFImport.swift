import Foundation

/// Turns a GGUF file into a `ModelSpec`: its `general.architecture` and `<arch>.*` sizes become
/// the `config.json` values of the matching transformers family, read by that family's importer
/// (one reading of each architecture), and its tensors — each at its ggml type — become the
/// weights' stored bytes (`StoredTensors`). The tensors' element counts are compared with the
/// parameter count, group by group, and any difference is reported.
public enum GGUFImport {
    public static func load(path: String) throws(SpecError) -> LoadedModel {
        try load(GGUFHeader.read(path: path), path: path)
    }

    public static func load(_ header: GGUFHeader, path: String) throws(SpecError) -> LoadedModel {
        guard let arch = try header.string("general.architecture", path: path) else {
            throw SpecError(file: path, field: "general.architecture", "missing; the architecture cannot be read without it")
        }
        let values = try GGUFArchitecture.configValues(header, arch: arch, path: path)
        let config = HuggingFaceConfig(values: values, file: path, prefix: "")
        let name = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        var loaded = try config.modelSpec(name: name)
        // The importer's notes about class defaults speak of config.json keys the file never had.
        loaded.warnings.removeAll { $0.hasPrefix("fields absent from the config") }
        let stored = try GGUFStorage.storedTensors(header, layers: loaded.spec.decoder?.layers, path: path)
        loaded.spec.checkpointPrecision = CheckpointPrecision(file: stored)
        loaded.spec.source = path
        loaded.warnings += try GGUFStorage.crossCheck(stored, spec: loaded.spec, header: header)
        return loaded
    }
}
