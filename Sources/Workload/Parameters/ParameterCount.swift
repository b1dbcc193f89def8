/// Counts the parameters of a model exactly as its reference code instantiates them.
///
/// Tied weights count once: the LM head of a tied model, and the token table shared by the
/// encoder and decoder of T5 and BART. Buffers (BART's `final_logits_bias`, rotary frequencies,
/// Gemma's embedding scale) are not parameters.
public enum ParameterCount {
    /// The parameters of `spec` by component, with the formula of each: a fold over the same
    /// operations the FLOP and memory counts fold, so the three always describe one model.
    /// Throws only when a count exceeds `Int128` (an absurd spec), never traps.
    public static func report(for spec: ModelSpec) throws(CountOverflow) -> ParameterReport {
        try ModelOperations(spec).parameterReport()
    }
}
