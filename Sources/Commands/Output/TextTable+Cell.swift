import Foundation

extension TextTable {
    /// One cell: what people read (`2,147,483,648`, `31.0 %`, `$1,059,114.58`) and the plain
    /// value a CSV carries (`2147483648`, `31.0`, `1059114.58`), made together so they cannot disagree.
    public struct Cell: Sendable, Equatable, ExpressibleByStringLiteral {
        public var text: String
        public var value: String

        public init(text: String, value: String) { self.text = text; self.value = value }
        public init(stringLiteral text: String) { self.init(text: text, value: text) }

        /// Words: the same for people and programs.
        public static func text(_ s: String) -> Cell { Cell(text: s, value: s) }

        /// An exact count: digits grouped for people, plain for CSV.
        public static func count(_ v: Int128) -> Cell { Cell(text: HumanUnits.grouped(v), value: String(v)) }
        public static func count(_ v: Int) -> Cell { count(Int128(v)) }
        /// A whole number read as a name (a context length `2048`, a layer count): digits not grouped.
        public static func plain(_ v: Int) -> Cell { Cell(text: String(v), value: String(v)) }

        /// A measured or derived figure with `digits` decimals for people, shortest round trip
        /// for CSV; `—` (CSV: empty) when there is none or it is not finite.
        public static func number(_ v: Double?, _ digits: Int) -> Cell {
            guard let v, v.isFinite else { return .missing }
            return Cell(text: HumanUnits.decimal(v, digits), value: JSONValue.format(v))
        }

        /// A fraction shown as `31.0 %`; CSV holds the fraction itself (`0.31`), as JSON does: the
        /// column's key is the JSON key (`mfu`) or ends in `_fraction`.
        public static func percent(_ fraction: Double) -> Cell {
            guard fraction.isFinite else { return .missing }
            return Cell(text: HumanUnits.percent(fraction), value: JSONValue.format(fraction))
        }

        /// Any text for people with its plain value: `$666,341.95` / `666341.95`, `12+12` / `24`.
        public static func figure(_ text: String, _ value: Double?) -> Cell {
            Cell(text: text, value: value.flatMap { $0.isFinite ? JSONValue.format($0) : nil } ?? "")
        }

        public static func figure(_ text: String, exact value: Int128) -> Cell { Cell(text: text, value: String(value)) }

        /// A human-units copy (`124.44 M`), in a `.human` column: no CSV value.
        public static func human(_ s: String) -> Cell { Cell(text: s, value: "") }

        /// `yes` / `no` for people, `true` / `false` as in JSON.
        public static func yesNo(_ b: Bool) -> Cell { Cell(text: b ? "yes" : "no", value: b ? "true" : "false") }

        /// No figure: `—` for people, empty in CSV.
        public static let missing = Cell(text: "—", value: "")
        /// Nothing, for both.
        public static let empty = Cell(text: "", value: "")
    }
}
