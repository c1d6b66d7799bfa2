/// A synonym list in the Solr/Elasticsearch format, ready to expand questions.
///
/// ```
/// # equivalents: any of them finds all of them
/// kyphoplasty, balloon kyphoplasty, vertebral augmentation
/// # one-way: the left side is searched as the right side
/// physio, physiotherapy => physical therapy, physical therapist
/// ```
/// Entries may have several words; they are matched on the question's words, longest first. The line
/// `abbreviations: off` turns off the synonyms the corpus teaches (the abbreviations its documents define).
public struct SynonymMap: Sendable, Hashable {
    /// One rule of the list.
    public struct Rule: Sendable, Hashable, Codable {
        /// The phrases that trigger the rule, each as its words.
        public var inputs: [[String]]
        /// The phrases searched when it triggers.
        public var outputs: [[String]]
        /// True for an equivalence (`a, b, c`), where inputs and outputs are the same phrases.
        public var isEquivalence: Bool
    }

    /// The rules, in the order of the list.
    public private(set) var rules: [Rule]
    private var expansions: [[String]: [[String]]] = [:]
    /// The length in words of the longest input phrase.
    public private(set) var longestInput = 0
    /// Whether the abbreviations the corpus defines join these rules (the line `abbreviations: off` says no).
    public var usesCorpusAbbreviations = true

    /// A map of the given rules, in order.
    public init(rules: [Rule] = []) {
        self.rules = []
        for rule in rules { add(rule) }
    }

    /// Parses a synonyms file. Lines that are blank or start with `#` are ignored; `\,` is a literal comma.
    public init(parsing text: String) {
        var rules: [Rule] = []
        var usesCorpusAbbreviations = true
        for rawLine in text.split(whereSeparator: \.isNewline) {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.lowercased().filter({ !$0.isWhitespace }) == "abbreviations:off" {
                usesCorpusAbbreviations = false
                continue
            }
            let sides = line.components(separatedBy: "=>")
            if sides.count == 2 {
                let inputs = Self.phrases(sides[0]), outputs = Self.phrases(sides[1])
                if !inputs.isEmpty && !outputs.isEmpty {
                    rules.append(Rule(inputs: inputs, outputs: outputs, isEquivalence: false))
                }
            } else if sides.count == 1 {
                let terms = Self.phrases(line)
                if terms.count >= 2 { rules.append(Rule(inputs: terms, outputs: terms, isEquivalence: true)) }
            }
        }
        self.init(rules: rules)
        self.usesCorpusAbbreviations = usesCorpusAbbreviations
    }

    /// The phrases a phrase is searched as, itself included for equivalences; `nil` when no rule names it.
    public func expansions(of phrase: [String]) -> [[String]]? {
        expansions[phrase]
    }

    private mutating func add(_ rule: Rule) {
        rules.append(rule)
        for input in rule.inputs {
            var known = expansions[input] ?? []
            for output in rule.outputs where !known.contains(output) { known.append(output) }
            expansions[input] = known
            longestInput = max(longestInput, input.count)
        }
    }

    private static func phrases(_ side: String) -> [[String]] {
        side.replacingOccurrences(of: "\\,", with: "\u{0}")
            .split(separator: ",")
            .map { WordTokenizer.words($0.replacingOccurrences(of: "\u{0}", with: ",")) }
            .filter { !$0.isEmpty }
    }
}
