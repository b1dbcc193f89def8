extension CheckpointPrecision {
    /// A storage the memory fold can price: some format given, a block size only for fp8 and as
    /// two positive sizes, routed-expert formats only on a model with routed experts.
    func validate(for spec: ModelSpec, file: String) throws(SpecError) {
        let field = "checkpointPrecision"
        if self.file != nil { return }  // read from a GGUF file's own tensors, checked there
        guard experts != nil || linear != nil else {
            throw SpecError(file: file, field: field, "give 'experts' or 'linear' (a format: \(Format.allCases.map(\.rawValue).joined(separator: ", "))), or leave checkpointPrecision out for bf16")
        }
        if experts != nil, spec.stacks.allSatisfy({ $0.stack.moe == nil }) {
            throw SpecError(file: file, field: field + ".experts", "the model has no routed experts to store in \(experts?.rawValue ?? "")")
        }
        if let blockSize {
            guard experts == .fp8 || linear == .fp8 else {
                throw SpecError(file: file, field: field + ".blockSize", "only fp8 is stored in blocks of a given size (mxfp4's blocks are 32 along each row)")
            }
            guard blockSize.count == 2 else {
                throw SpecError(file: file, field: field + ".blockSize", "expected two sizes [outputs, inputs], got \(blockSize.count)")
            }
            for n in blockSize where n < 1 || n > SpecLimits.maximumSize {
                throw SpecError(file: file, field: field + ".blockSize", "each block size must be 1 to 2^31, got \(n)")
            }
        }
    }
}
