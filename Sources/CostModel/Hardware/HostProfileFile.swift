import Foundation
import Workload

/// The file boundary of a host measurement: reading a profile that `llmcost bench` saved (the
/// `profileDestination` parameter; the one schema is `HostMeasurement`'s). Every failure is one
/// line naming the parameter that gave the path (`hardware`, `hostProfile`), the file and, where
/// there is one, the field; the front end spells that parameter, and the profile destination a
/// message mentions, as its own option.
///
/// Hostile files are refused before they cost anything: not a regular file (a FIFO would block),
/// larger than `maximumBytes` (a 3 GB sparse file would take seconds and gigabytes), a key written
/// twice (JSONDecoder keeps one value silently), or figures that contradict each other.
public enum HostProfileFile {
    /// Largest profile accepted: 1 MiB. A profile bench writes is a few kilobytes (some forty kernels).
    public static let maximumBytes = 1 << 20

    /// Reads, decodes and checks the profile at `path`.
    public static func read(path: String, parameter: InputParameter = .hardware) throws(CostError) -> HostMeasurement {
        let attributes: [FileAttributeKey: Any]
        do { attributes = try FileManager.default.attributesOfItem(atPath: path) } catch {
            throw CostError(parameter, "cannot read profile '\(path)': no such file or not readable")
        }
        guard (attributes[.type] as? FileAttributeType) == .typeRegular else {
            throw CostError(parameter, "\(path): not a regular file; expected a profile from `llmcost bench \(InputParameter.profileDestination)`")
        }
        if let size = (attributes[.size] as? NSNumber)?.intValue, size > maximumBytes {
            throw tooLarge(path, size, parameter)
        }
        let data: Data
        do {
            // At most one byte past the cap, in case the file grew after it was measured.
            let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
            defer { try? handle.close() }
            data = try handle.read(upToCount: maximumBytes + 1) ?? Data()
        } catch {
            throw CostError(parameter, "cannot read profile '\(path)': no such file or not readable")
        }
        return try decode(data, path: path, parameter: parameter)
    }

    /// Decodes and checks a profile's bytes; `path` names it in errors.
    public static func decode(_ data: Data, path: String, parameter: InputParameter = .hardware) throws(CostError) -> HostMeasurement {
        guard data.count <= maximumBytes else { throw tooLarge(path, data.count, parameter) }
        try checkVersion(data, path: path, parameter: parameter)
        if let problem = StrictJSON.problem(in: data) {
            let suffix = problem.hasSuffix("written twice in one object") ? "; a profile holds each field once" : ""
            throw CostError(parameter, "\(path): \(problem)\(suffix)")
        }
        let measurement: HostMeasurement
        do { measurement = try JSONDecoder().decode(HostMeasurement.self, from: data) } catch let DecodingError.typeMismatch(_, context),
            let DecodingError.valueNotFound(_, context), let DecodingError.keyNotFound(_, context) {
            let field = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
            throw CostError(parameter, "\(path): field '\(field)' has the wrong type or is missing")
        } catch {
            throw CostError(parameter, "\(path): malformed profile JSON (a number out of range, or not JSON)")
        }
        try measurement.validate(path: path, parameter: parameter)
        return measurement
    }

    /// The version is checked before anything else, so a profile of another schema gets a
    /// version error rather than a complaint about whichever field changed.
    static func checkVersion(_ data: Data, path: String, parameter: InputParameter) throws(CostError) {
        struct Version: Decodable {
            var schemaVersion: LooseValue?
            enum CodingKeys: String, CodingKey { case schemaVersion = "schema_version" }
        }
        let supported = HostMeasurement.supportedSchemaVersion
        guard let version = try? JSONDecoder().decode(Version.self, from: data) else {
            throw CostError(parameter, "\(path): not a JSON object (expected a profile from `llmcost bench \(InputParameter.profileDestination)`)")
        }
        guard let raw = version.schemaVersion else {
            throw CostError(parameter, "\(path): missing schema_version (expected \(supported)); not a `llmcost bench \(InputParameter.profileDestination)` profile")
        }
        guard case .number(let number) = raw, abs(number) < 1e9, let v = Int(exactly: number) else {
            throw CostError(parameter, "\(path): schema_version must be an integer (expected \(supported)), got \(quoted(raw))")
        }
        guard v == supported else {
            throw CostError(parameter, "\(path): schema_version \(v) is not supported (this llmcost reads version \(supported))")
        }
    }

    static func tooLarge(_ path: String, _ size: Int, _ parameter: InputParameter) -> CostError {
        CostError(parameter, "\(path): the file is \(size) bytes; a host profile is at most \(maximumBytes) bytes (1 MiB) — not a profile from `llmcost bench \(InputParameter.profileDestination)`")
    }

    /// A value as the JSON had it: a string in quotes, so `"1"` is not mistaken for `1`.
    static func quoted(_ value: LooseValue) -> String {
        if case .string(let text) = value { return "the string \"\(text)\"" }
        return value.description
    }
}
