/// Tells whether a text holds any of a fixed list of phrases, ignoring ASCII case, in one pass over its UTF-8 bytes:
/// an Aho–Corasick automaton, built once. It replaces lower-casing each sentence and searching it once per phrase,
/// which cost more than any other step of cutting passages.
///
/// Only ASCII letters are folded: a phrase written with other characters must match them as written.
struct PhraseMatcher: Sendable {
    /// The class of each byte: 0 for a byte no phrase holds, upper- and lower-case ASCII letters alike.
    private let classes: [UInt8]
    private let classCount: Int
    /// Where the row of the state after reading a byte of a class starts: `transitions[row + class]`, where `row` is
    /// `state * classCount`; -1 when that state ends a phrase (the search stops there).
    private let transitions: [Int32]

    /// A matcher of `phrases`, given in lower case.
    init(_ phrases: [String]) {
        var classes = [UInt8](repeating: 0, count: 256)
        var classCount = 1
        for byte in phrases.flatMap(\.utf8) where classes[Int(byte)] == 0 {
            classes[Int(byte)] = UInt8(classCount)
            if (0x61...0x7A).contains(byte) { classes[Int(byte - 0x20)] = UInt8(classCount) }
            classCount += 1
        }

        // The trie of the phrases: `children[state][class]`, -1 where no phrase goes on.
        var children: [[Int32]] = [Array(repeating: -1, count: classCount)]
        var isMatch = [false]
        for phrase in phrases where !phrase.isEmpty {
            var state = 0
            for byte in phrase.utf8 {
                let byteClass = Int(classes[Int(byte)])
                if children[state][byteClass] < 0 {
                    children[state][byteClass] = Int32(children.count)
                    children.append(Array(repeating: -1, count: classCount))
                    isMatch.append(false)
                }
                state = Int(children[state][byteClass])
            }
            isMatch[state] = true
        }

        // Breadth first, each state's missing moves are those of its longest proper suffix in the trie.
        var transitions = [Int32](repeating: 0, count: children.count * classCount)
        var suffix = [Int](repeating: 0, count: children.count)
        var queue: [Int] = []
        for byteClass in 0..<classCount where children[0][byteClass] > 0 {
            transitions[byteClass] = children[0][byteClass]
            queue.append(Int(children[0][byteClass]))
        }
        var head = 0
        while head < queue.count {
            let state = queue[head]
            head += 1
            isMatch[state] = isMatch[state] || isMatch[suffix[state]]
            for byteClass in 0..<classCount {
                let fallback = transitions[suffix[state] * classCount + byteClass]
                let child = children[state][byteClass]
                if child > 0 {
                    transitions[state * classCount + byteClass] = child
                    suffix[Int(child)] = Int(fallback)
                    queue.append(Int(child))
                } else {
                    transitions[state * classCount + byteClass] = fallback
                }
            }
        }
        self.classes = classes
        self.classCount = classCount
        self.transitions = transitions.map { isMatch[Int($0)] ? -1 : $0 * Int32(classCount) }
    }

    /// True when `text` holds one of the phrases.
    func matches<Text: StringProtocol>(_ text: Text) -> Bool {
        text.utf8.withContiguousStorageIfAvailable(matches) ?? matches(Array(text.utf8))
    }

    private func matches<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> Bool {
        classes.withUnsafeBufferPointer { classes in
            transitions.withUnsafeBufferPointer { transitions in
                var row = 0
                for byte in bytes {
                    let next = transitions[row + Int(classes[Int(byte)])]
                    if next < 0 { return true }
                    row = Int(next)
                }
                return false
            }
        }
    }
}
