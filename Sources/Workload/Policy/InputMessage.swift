/// Text that may refer to inputs (`pass ⟨allow beyond context⟩ to count it anyway`), kept typed
/// so that each front end names them its own way: the command line prints its option name,
/// a library user sees the parameter's title. Written as an ordinary string literal; interpolating
/// an `InputParameter` records a reference instead of text.
public struct InputMessage: Sendable, Hashable, ExpressibleByStringInterpolation, CustomStringConvertible {
    /// One run of text or one reference to an input.
    public enum Piece: Sendable, Hashable {
        case text(String)
        case parameter(InputParameter)
    }

    public var pieces: [Piece]

    public init(pieces: [Piece]) { self.pieces = pieces }
    /// Plain text with no references (a file's citation, a computed name).
    public init(_ text: String) { pieces = text.isEmpty ? [] : [.text(text)] }
    public init(stringLiteral value: String) { self.init(value) }
    public init(stringInterpolation: Interpolation) { pieces = stringInterpolation.pieces }

    /// The text with each reference spelled by `name`.
    public func rendered(_ name: (InputParameter) -> String) -> String {
        pieces.map { piece in
            switch piece {
            case .text(let t): t
            case .parameter(let p): name(p)
            }
        }.joined()
    }

    /// References spelled by their titles.
    public var description: String { rendered(\.title) }

    public static func + (lhs: InputMessage, rhs: InputMessage) -> InputMessage { InputMessage(pieces: lhs.pieces + rhs.pieces) }

    public struct Interpolation: StringInterpolationProtocol, Sendable {
        var pieces: [Piece] = []
        public init(literalCapacity: Int, interpolationCount: Int) {}
        public mutating func appendLiteral(_ literal: String) { append(literal) }
        public mutating func appendInterpolation(_ parameter: InputParameter) { pieces.append(.parameter(parameter)) }
        public mutating func appendInterpolation(_ message: InputMessage) { pieces += message.pieces }
        public mutating func appendInterpolation<T>(_ value: T) { append(String(describing: value)) }
        public mutating func appendInterpolation(_ value: String) { append(value) }
        private mutating func append(_ text: String) {
            guard !text.isEmpty else { return }
            if case .text(let last)? = pieces.last { pieces[pieces.count - 1] = .text(last + text) } else { pieces.append(.text(text)) }
        }
    }
}
