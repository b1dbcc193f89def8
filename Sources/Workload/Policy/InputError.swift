/// An error about one input a person set: which parameter, and what is wrong with it (in words
/// that may name other parameters). Front ends print `option: message` with their own spelling;
/// `description` uses the parameter titles.
public protocol InputError: Error, CustomStringConvertible {
    var parameter: InputParameter { get }
    var message: InputMessage { get }
}

extension InputError {
    /// `option: message`, each parameter spelled by `name`.
    public func rendered(_ name: (InputParameter) -> String) -> String { "\(name(parameter)): \(message.rendered(name))" }
    public var description: String { rendered(\.title) }
}
