/// Finds a key written twice in one JSON object.
///
/// `JSONDecoder` keeps one of the two values without a word, while Python's `json` (and so
/// transformers) keeps the last: the same file would give two different models. A repeated key
/// is therefore an error, found by one pass over the bytes that tracks each open object's keys.
enum JSONDuplicateKeys {
    private struct Level {
        var isObject: Bool
        var keys: Set<[UInt8]> = []
        var expectsKey: Bool
    }

    /// The first repeated key (as written, escapes unresolved), or nil.
    static func first(in bytes: [UInt8]) -> String? {
        var stack: [Level] = []
        var i = 0
        while i < bytes.count {
            switch bytes[i] {
            case UInt8(ascii: "\""):
                var j = i + 1, text: [UInt8] = []
                while j < bytes.count, bytes[j] != UInt8(ascii: "\"") {
                    if bytes[j] == UInt8(ascii: "\\"), j + 1 < bytes.count { text.append(bytes[j]); j += 1 }
                    text.append(bytes[j]); j += 1
                }
                if let top = stack.indices.last, stack[top].isObject, stack[top].expectsKey {
                    if !stack[top].keys.insert(text).inserted { return String(decoding: text, as: UTF8.self) }
                    stack[top].expectsKey = false
                }
                i = j
            case UInt8(ascii: "{"): stack.append(Level(isObject: true, expectsKey: true))
            case UInt8(ascii: "["): stack.append(Level(isObject: false, expectsKey: false))
            case UInt8(ascii: "}"), UInt8(ascii: "]"): _ = stack.popLast()
            case UInt8(ascii: ","):
                if let top = stack.indices.last, stack[top].isObject { stack[top].expectsKey = true }
            default: break
            }
            i += 1
        }
        return nil
    }
}
