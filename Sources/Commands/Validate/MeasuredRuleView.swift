import HostBench

/// Rule-of-thumb predictions against passes measured on this host: one row per model and
/// prediction, then the measurement itself, then a verdict per model.
struct MeasuredRuleView {
    var results: [RuleMeasurement]
    var explain: Bool

    var rendered: Rendered {
        var predictions = TextTable(title: "predicted vs measured seconds on this host (FP32, OpenBLAS)", columns: [
            .init("model", .left), .init("tokens"), .init("pass", .left), .init("prediction", .left), .init("seconds", key: "predicted_seconds"),
            .init("measured", key: "measured_seconds"), .init("error", key: "relative_error"),
            .init("formula", .left, role: explain ? .data : .detail)])
        for r in results {
            for p in r.predictions {
                let measured = (p.pass == .forward ? r.measuredForwardSeconds : r.measuredTrainingSeconds) ?? 0
                predictions.append([.text(r.measurement.model), .count(r.tokens), .text(p.pass.rawValue), .text(p.name), .number(p.seconds, 4),
                                    .number(measured, 4), .figure(signed(p.relativeError), p.relativeError), .text(p.formula)])
            }
        }
        var framework = TextTable(title: "eager PyTorch on this host, predicted per operator (compare: scripts/pytorch-host/time_pytorch.py)",
                                  columns: ["model", "tokens", "pass", "seconds", "GEMMs", "element-wise", "launch-only", "launches"])
        for r in results {
            for p in r.frameworkPredictions {
                framework.append([r.measurement.model, String(r.tokens), p.pass.rawValue, seconds(p.seconds), seconds(p.price.gemmSeconds),
                                  seconds(p.price.memorySeconds), seconds(p.price.dispatchOnlySeconds), String(p.price.launches)])
            }
        }
        var runs = TextTable(title: "what ran", columns: [
            "model", "layers\nrun/total", "layer\nfwd s", "layer\nbwd s", "head\nfwd s", "GFLOP\nissued", "GFLOP/s", "best\nSGEMM", "exact/2N", "bwd/fwd"])
        for r in results where r.measurement.referencePassRan {
            let m = r.measurement
            runs.append([m.model, "\(m.layersMeasured)/\(m.layers)", seconds(m.layerForwardSeconds),
                         m.layerBackwardSeconds.map(seconds) ?? "—", seconds(m.headForwardSeconds),
                         HumanUnits.decimal(Double(m.forwardFLOPs) / 1e9, 1),
                         HumanUnits.decimal(Double(m.forwardFLOPs) / m.forwardSeconds / 1e9, 1),
                         HumanUnits.decimal(m.bestSGEMMGflops, 1), HumanUnits.decimal(r.countFactor, 3),
                         r.backwardForwardRatio.map { HumanUnits.decimal($0, 2) } ?? "—"])
        }
        let notes = results.map(\.verdict) + Array(Set(results.flatMap(\.measurement.notes))).sorted()
        // A model without a reference pass (T5, Qwen2-MoE): no rule predictions, nothing in "what ran".
        var tables = [predictions, framework, runs].filter { !$0.rows.isEmpty }
        if explain { tables += results.flatMap(operatorTables) }
        return Rendered(json: json, tables: tables, notes: notes)
    }

    /// `--explain`: where each eager PyTorch pass spends its predicted time, the costliest
    /// operators first (every operator is in the JSON).
    private func operatorTables(_ r: RuleMeasurement) -> [TextTable] {
        r.frameworkPredictions.map { p in
            var t = TextTable(title: "\(r.measurement.model) pytorch_eager \(p.pass.rawValue): costliest operators",
                              columns: ["operator", "launches", "seconds", "share", "GFLOP", "MB moved"])
            t.alignments[0] = .left
            for o in p.price.operators.sorted(by: { $0.seconds > $1.seconds }).prefix(12) {
                t.append([o.name, String(o.launches), seconds(o.seconds), HumanUnits.percent(p.seconds > 0 ? o.seconds / p.seconds : 0),
                          HumanUnits.decimal(o.flops / 1e9, 2), HumanUnits.decimal(o.bytes / 1e6, 1)])
            }
            return t
        }
    }

    private func seconds(_ s: Double) -> String { HumanUnits.decimal(s, 4) }
    private func signed(_ e: Double) -> String { (e >= 0 ? "+" : "") + HumanUnits.percent(e) }

    var json: JSONValue {
        .object([
            ("tolerance", .number(0.10)),
            ("models", .array(results.map(model))),
        ])
    }

    private func model(_ r: RuleMeasurement) -> JSONValue {
        let m = r.measurement
        // Figures of the reference pass are null where none ran, not a measured 0.
        func ran(_ value: JSONValue) -> JSONValue { m.referencePassRan ? value : .null }
        let issued = ran(.integer(m.forwardFLOPs)), layerForward = ran(.number(m.layerForwardSeconds))
        let headForward = ran(.number(m.headForwardSeconds)), bestSGEMM = ran(.number(m.bestSGEMMGflops))
        let measured: [(String, JSONValue)] = [
            ("model", .string(m.model)),
            ("tokens", .int(r.tokens)),
            ("threads", .int(m.threads)),
            ("total_parameters", .integer(r.parameters)),
            ("exact_forward_flops", .integer(r.exactForwardFLOPs)),
            ("exact_training_flops", .integer(r.exactTrainingFLOPs)),
            ("issued_forward_flops", issued),
            ("measured_forward_seconds", r.measuredForwardSeconds.map(JSONValue.number) ?? .null),
            ("measured_training_seconds", r.measuredTrainingSeconds.map(JSONValue.number) ?? .null),
            ("backward_forward_ratio", r.backwardForwardRatio.map(JSONValue.number) ?? .null),
            ("count_factor", .number(r.countFactor)),
            ("rate_factor", r.rateFactor.map(JSONValue.number) ?? .null),
            ("layers", .int(m.layers)),
            ("layers_measured", .int(m.layersMeasured)),
            ("layer_forward_seconds", layerForward),
            ("layer_backward_seconds", m.layerBackwardSeconds.map(JSONValue.number) ?? .null),
            ("head_forward_seconds", headForward),
            ("head_backward_seconds", m.headBackwardSeconds.map(JSONValue.number) ?? .null),
            ("best_sgemm_gflops", bestSGEMM),
        ]
        let rates: [(String, JSONValue)] = [
            ("gemm_rates", .array(m.gemmRates.map { g in
                .object([("role", .string(g.role)), ("m", .int(g.m)), ("n", .int(g.n)), ("k", .int(g.k)), ("gflops", .number(g.gflops))])
            })),
        ]
        let predicted: [(String, JSONValue)] = [
            ("predictions", .array(r.predictions.map { p in
                .object([("name", .string(p.name)), ("pass", .string(p.pass.rawValue)), ("seconds", .number(p.seconds)),
                         ("relative_error", .number(p.relativeError)), ("formula", .string(p.formula))])
            } + r.frameworkPredictions.map { p in
                // Measured by PyTorch, not here: no relative error until time_pytorch.py compares.
                .object([("name", .string(p.name)), ("pass", .string(p.pass.rawValue)), ("seconds", .number(p.seconds)),
                         ("relative_error", .null), ("formula", .string(p.formula)), ("gemm_library", .string(p.gemmLibrary)),
                         ("breakdown", .object([("gemm_seconds", .number(p.price.gemmSeconds)),
                                                ("memory_seconds", .number(p.price.memorySeconds)),
                                                ("launch_only_seconds", .number(p.price.dispatchOnlySeconds)),
                                                ("launches", .int(p.price.launches))])),
                         ("operators", .array(p.price.operators.map { o in
                             .object([("name", .string(o.name)), ("launches", .int(o.launches)), ("seconds", .number(o.seconds)),
                                      ("flops", .number(o.flops)), ("bytes", .number(o.bytes))])
                         }))])
            })),
            ("eager_time_model", m.eager.map { e in .object([
                ("gemm_library", .string(e.gemmLibrary)), ("dispatch_seconds", .number(e.dispatchSeconds)),
                ("fresh_page_seconds_per_byte", .number(e.freshPageSecondsPerByte)),
                ("cold_page_seconds_per_byte", .number(e.coldPageSecondsPerByte)),
                ("warm_page_bytes", e.warmPageBytes.map(JSONValue.number) ?? .null),
                ("activation_seconds_per_element", .number(e.activationSecondsPerElement)),
                ("softmax_seconds_per_element", .number(e.softmaxSecondsPerElement)),
                ("pass_rates", .array(e.passRates.map { .object([("bytes", .int($0.bytes)), ("gbps", .number($0.gbps))]) })),
                ("gemm_rates", .array(e.gemmRates.map {
                    .object([("m", .int($0.m)), ("n", .int($0.n)), ("k", .int($0.k)), ("transposed_b", .bool($0.transposedB)),
                             ("gflops", .number($0.gflops))])
                })),
            ]) } ?? .null),
            ("verdict", .string(r.verdict)),
            ("notes", .array(m.notes.map(JSONValue.string))),
        ]
        return .object(measured + rates + predicted)
    }
}
