/// A workload shape that cannot be counted (a zero or oversized size, decode without a decoder,
/// a sequence beyond the context window), naming the parameter at fault.
public struct PhaseError: InputError, Sendable, Equatable {
    public var parameter: InputParameter
    public var message: InputMessage
    public init(_ parameter: InputParameter, _ message: InputMessage) { self.parameter = parameter; self.message = message }
}
