import CostModel

/// The `--format csv` table of a cost command: one figure a row, plain numbers (exact integers
/// for FLOPs and token counts, shortest round-trip decimals otherwise, a yes/no as 1/0 with unit
/// `bool`), the unit in its own column: every value parses as a number.
///
/// ```
/// figure,value,unit
/// training_flops,42863690112000000000000,FLOP
/// dollars,88450.95155555556,USD
/// ```
struct FigureCSV {
    private(set) var table = TextTable(columns: ["figure", "value", "unit"])

    mutating func add(_ figure: String, _ value: Double, _ unit: String) {
        table.append([figure, value.isFinite ? "\(value)" : "", unit])
    }

    mutating func add(_ figure: String, exact value: Int128, _ unit: String) {
        table.append([figure, String(value), unit])
    }

    mutating func add(_ figure: String, _ value: Int, _ unit: String) {
        table.append([figure, String(value), unit])
    }

    /// A figure that may be absent: an empty value.
    mutating func add(_ figure: String, _ value: Double?, _ unit: String) {
        if let value { add(figure, value, unit) } else { table.append([figure, "", unit]) }
    }
}
