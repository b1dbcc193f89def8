import ArgumentParser
import Workload

/// One spelling per concept across every command. Spellings retired for it still parse, so
/// scripts keep working, but they are hidden from `--help` and each use prints one warning
/// naming the option that replaced it.
///
/// Each retired spelling is a hidden option of its own beside the current one (ArgumentParser
/// cannot hide one name of an option); the command's `validate()` folds it into the current one
/// through `Renamed.value`, and giving both is refused rather than one silently winning.
enum Renamed {
    /// A retired spelling, what replaces it, and the commands that still accept it.
    struct Spelling: Sendable {
        var old: String
        var new: String
        var commands: [String]
    }

    /// Every retired spelling (README "Option vocabulary"; `OptionVocabularyTests` parses each).
    static let all: [Spelling] = [
        Spelling(old: OldNames.dtype, new: InputParameter.weightType.option, commands: ["memory"]),
        Spelling(old: OldNames.kvDtype, new: InputParameter.kvType.option, commands: ["memory"]),
        Spelling(old: OldNames.beyondContext, new: InputParameter.allowBeyondContext.option, commands: ["validate"]),
        Spelling(old: OldNames.gpus, new: InputParameter.devices.option, commands: ["cost train", "cost infer", "cost operate"]),
        Spelling(old: OldNames.promptTokens, new: InputParameter.promptTokens.option, commands: ["cost infer", "cost operate"]),
        Spelling(old: OldNames.outputTokens, new: InputParameter.newTokens.option, commands: ["cost infer", "cost operate"]),
        Spelling(old: OldNames.priceIn, new: InputParameter.inputPricePer1K.option, commands: ["cost task"]),
        Spelling(old: OldNames.priceOut, new: InputParameter.outputPricePer1K.option, commands: ["cost task"]),
        Spelling(old: OldNames.electricityPrice, new: InputParameter.electricityPrice.option, commands: ["cost train", "cost operate"]),
        Spelling(old: OldNames.benchModel, new: OptionNames.modelArgument, commands: ["bench"]),
    ]

    typealias OldNames = OptionNames.Retired

    /// The hidden option's name: `name(OldNames.gpus)`.
    static func name(_ old: String) -> NameSpecification { .customLong(String(old.dropFirst(2))) }

    /// The value given under either spelling: the old one with a warning naming the new one;
    /// both at once is an error (they are one option, and neither should silently win).
    static func value<T>(_ current: T?, _ old: T?, old oldName: String, new parameter: InputParameter) throws -> T? {
        try value(current, old, old: oldName, new: parameter.option)
    }

    /// `value` for a successor that is no parameter's option (the `MODEL` argument).
    static func value<T>(_ current: T?, _ old: T?, old oldName: String, new newName: String) throws -> T? {
        guard let old else { return current }
        guard current == nil else {
            throw ValidationError("\(newName) and \(oldName) are the same \(newName.hasPrefix("--") ? "option" : "input") (\(oldName) is its old spelling); give it once")
        }
        StandardStreams.warn(warning(old: oldName, new: newName))
        return old
    }

    /// A flag given under either spelling (giving both is harmless: they agree).
    static func flag(_ current: Bool, _ old: Bool, old oldName: String, new parameter: InputParameter) -> Bool {
        if old { warn(old: oldName, new: parameter) }
        return current || old
    }

    static func warn(old: String, new parameter: InputParameter) {
        StandardStreams.warn(warning(old: old, new: parameter.option))
    }

    /// The warning's text, one per use of a retired spelling.
    static func warning(old: String, new: String) -> String {
        new.hasPrefix("--") ? "\(old) is deprecated; use \(new) (the same option)"
            : "\(old) is deprecated; give the model as the \(new) argument, as every other command takes it"
    }
}
