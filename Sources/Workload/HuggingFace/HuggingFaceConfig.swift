import Foundation

/// A Hugging Face `config.json`, read key by key with the types the `transformers` config
/// classes expect.
///
/// Every accessor names the key it read in its error, so `"num_hidden_layers": "32"` is reported
/// as exactly that. A key that is absent and a key set to `null` are NOT the same thing, as in the
/// `transformers` 5 config dataclasses: an absent key takes the config class's default (Mistral's
/// `sliding_window` = 4096, from `ClassDefaults`), a `null` is `None`, which the class then
/// resolves (`head_dim` → width / heads, `n_inner` → 4·width, `sliding_window` → no window).
/// Every class default that is actually read is recorded, so the import can say which it used.
/// Keys nobody asks for are ignored: configs carry many (dropout rates, token ids, generation
/// settings) that do not change the architecture.
public struct HuggingFaceConfig: Sendable {
    /// The file the config came from, for errors.
    public let file: String
    let values: [String: JSONValue]
    /// Key prefix of a nested object (`rope_parameters.`), so its errors name the full path.
    let prefix: String
    /// The config class whose defaults stand in for absent keys (none for nested objects and for
    /// families `transformers` does not define).
    let defaults: ClassDefaults?
    /// Which of those defaults were read.
    let defaultsRead = DefaultsRead()

    /// Parses a `config.json`; the top level must be a JSON object.
    public init(data: Data, file: String) throws(SpecError) {
        guard case .object(let values) = try JSONValue.parse(data, file: file) else {
            throw SpecError(file: file, "a Hugging Face config must be a JSON object ({ … })")
        }
        self.init(values: values, file: file, prefix: "")
    }

    init(values: [String: JSONValue], file: String, prefix: String, defaults: ClassDefaults? = nil) {
        self.values = values; self.file = file; self.prefix = prefix; self.defaults = defaults
    }

    /// The same config with `defaults` standing in for its absent keys.
    func withDefaults(_ defaults: ClassDefaults?) -> HuggingFaceConfig {
        HuggingFaceConfig(values: values, file: file, prefix: prefix, defaults: defaults)
    }

    /// `model_type`, when it is present and a string.
    public var modelType: String? {
        if case .string(let s)? = values["model_type"] { return s }
        return nil
    }

    /// Whether `key` has a non-null value, written in the config or as the class default.
    func has(_ key: String) -> Bool { value(key) != nil }

    /// Whether the config itself writes `key` with a non-null value (class defaults aside).
    func writes(_ key: String) -> Bool {
        if let v = values[key] { return v != .null }
        return false
    }

    /// Whether `key` is absent from the config (a `null` is present).
    func isAbsent(_ key: String) -> Bool { values[key] == nil }

    /// The value of `key`: `nil` when `null`; the class default when absent (recorded as read).
    func value(_ key: String) -> JSONValue? {
        if let v = values[key] { return v == .null ? nil : v }
        guard let defaults, let fallback = defaults.value(for: key, in: values) else { return nil }
        defaultsRead.record(key, fallback)
        return fallback
    }

    /// Whether `key`'s value is the class default, not the config's.
    func isDefaulted(_ key: String) -> Bool {
        isAbsent(key) && defaults?.value(for: key, in: values) != nil
    }

    func error(_ key: String, _ message: String) -> SpecError {
        guard isDefaulted(key), let defaults else { return SpecError(file: file, field: prefix + key, message) }
        return SpecError(file: file, field: prefix + key,
                         "\(message) (the config does not set '\(key)'; that value is \(defaults.className)'s default)")
    }

    /// An integer; a float with an integral value (`32.0`) is accepted.
    func int(_ key: String) throws(SpecError) -> Int? {
        switch value(key) {
        case nil: return nil
        case .int(let i)?: return i
        case .double(let d)?:
            if let i = Int(exactly: d) { return i }
            throw error(key, "expected an integer, got \(d)")
        case let other?: throw error(key, "expected an integer, got \(other.described)")
        }
    }

    /// The size under `keys`, aliases of one field (`n_embd` / `hidden_size`): 1 … 2^31
    /// (`SpecLimits`). Aliases given with different values are a contradiction, reported rather
    /// than resolved, because which one `transformers` keeps depends on its version.
    func size(_ keys: String...) throws(SpecError) -> Int? { try size(keys) }

    func size(_ keys: [String]) throws(SpecError) -> Int? {
        try aliased(keys) { key throws(SpecError) in
            guard let v = try int(key) else { return nil }
            guard v >= 1 else { throw error(key, "must be a positive size, got \(v)") }
            guard v <= SpecLimits.maximumSize else {
                throw error(key, "\(v) \(SpecLimits.sizeLimitReason)")
            }
            return v
        }
    }

    /// The one value `read` finds under `keys`, aliases of one field; two that differ are a contradiction.
    private func aliased(_ keys: [String], _ read: (String) throws(SpecError) -> Int?) throws(SpecError) -> Int? {
        var found: (key: String, value: Int)?
        for key in keys {
            guard let v = try read(key) else { continue }
            if let found, found.value != v {
                throw error(key, "\(v) contradicts '\(prefix)\(found.key)' = \(found.value): both name the same size; keep one")
            }
            found = found ?? (key, v)
        }
        return found?.value
    }

    /// A size that must be present under one of `keys`.
    func requiredSize(_ keys: String...) throws(SpecError) -> Int { try requiredSize(keys) }

    func requiredSize(_ keys: [String]) throws(SpecError) -> Int {
        guard let v = try size(keys) else {
            throw error(keys.joined(separator: "' or '"), "missing; the architecture cannot be read without it")
        }
        return v
    }

    /// A count that may be zero (`type_vocab_size`).
    func count(_ key: String) throws(SpecError) -> Int? {
        guard let v = try int(key) else { return nil }
        guard v >= 0, v <= SpecLimits.maximumSize else { throw error(key, "must be between 0 and 2^31, got \(v)") }
        return v
    }

    /// A count that may be zero under `keys`, aliases of one field (`num_experts` /
    /// `num_local_experts`); aliases given with different values are a contradiction, as in `size`.
    func count(_ keys: [String]) throws(SpecError) -> Int? {
        try aliased(keys) { key throws(SpecError) in try count(key) }
    }

    func bool(_ key: String) throws(SpecError) -> Bool? {
        switch value(key) {
        case nil: return nil
        case .bool(let b)?: return b
        case let other?: throw error(key, "expected true or false, got \(other.described)")
        }
    }

    func bool(_ key: String, default fallback: Bool) throws(SpecError) -> Bool {
        try bool(key) ?? fallback
    }

    /// A number (integer or float).
    func double(_ key: String) throws(SpecError) -> Double? {
        switch value(key) {
        case nil: return nil
        case .int(let i)?: return Double(i)
        case .double(let d)?: return d
        case let other?: throw error(key, "expected a number, got \(other.described)")
        }
    }

    func string(_ key: String) throws(SpecError) -> String? {
        switch value(key) {
        case nil: return nil
        case .string(let s)?: return s
        case let other?: throw error(key, "expected a string, got \(other.described)")
        }
    }

    /// A nested object (`rope_parameters`), whose errors name `key.inner`.
    func object(_ key: String) throws(SpecError) -> HuggingFaceConfig? {
        switch value(key) {
        case nil: return nil
        case .object(let inner)?: return HuggingFaceConfig(values: inner, file: file, prefix: prefix + key + ".")
        case let other?: throw error(key, "expected an object, got \(other.described)")
        }
    }
}
