import Workload

/// How one printed figure was made: the formula, every input with its unit and source, the result.
public struct Explanation: Sendable, Equatable {
    /// What the figure is: `training dollars`, `decode step time`.
    public var quantity: String
    /// The formula as written in the doc comment beside the code that evaluates it.
    public var formula: String
    public var inputs: [Input]
    /// The result with its unit, as printed.
    public var result: String

    public init(_ quantity: String, formula: String, inputs: [Input], result: String) {
        self.quantity = quantity; self.formula = formula; self.inputs = inputs; self.result = result
    }

    /// One named input: `N = 175000000000 parameters (seed 003)`.
    public struct Input: Sendable, Equatable {
        public var name: String
        public var value: String
        public var unit: String
        /// Where the value came from; may name the input that set it, which each front end spells its own way.
        public var source: InputMessage
        public init(_ name: String, _ value: String, _ unit: String, source: String = "input") {
            self.init(name, value, unit, citing: InputMessage(source))
        }
        /// An input whose source names parameters: `citing: "\(InputParameter.pue)"`.
        public init(_ name: String, _ value: String, _ unit: String, citing source: InputMessage) {
            self.name = name; self.value = value; self.unit = unit; self.source = source
        }
    }

    /// One line: `training dollars = device-hours × $/h; device-hours=… h; … → $…`.
    public var line: String {
        let args = inputs.map { "\($0.name) = \($0.value)\($0.unit.isEmpty ? "" : " " + $0.unit) [\($0.source)]" }
        return "\(quantity) = \(formula); " + args.joined(separator: ", ") + " → \(result)"
    }
}
