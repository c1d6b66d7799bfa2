/// What a question asks for, read from its wording; answers prefer sentences of the matching shape.
public enum QuestionKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// "How long…", "how soon…", "how many weeks…": prefers sentences with durations.
    case duration
    /// "What is…", "what does … mean": prefers definitions.
    case definition
    /// "Is it safe…", "what are the risks…": prefers risk statements.
    case risk
    /// "What causes…", "what are the causes of…": prefers statements of what brings about the thing asked about
    /// ("… is caused by …", "… can lead to …"), not of what it brings about.
    case cause
    /// "What is the difference between…", "… versus …": prefers contrasting statements.
    case comparison
    /// "How do I…", "how should I…": prefers advice and instructions.
    case howTo
    /// "Can I…", "will I…", "is it…".
    case yesNo
    case other

    private static let riskWords: Set<String> = [
        "risk", "risks", "risky", "safe", "safety", "dangerous", "danger", "complication", "complications",
        "harm", "harmful", "side", "unsafe",
    ]
    private static let timeUnits: Set<String> = [
        "day", "days", "week", "weeks", "month", "months", "year", "years", "hour", "hours", "minute", "minutes",
    ]
    private static let auxiliaries: Set<String> = [
        "is", "are", "can", "could", "do", "does", "did", "will", "would", "should", "shall", "may", "might", "am",
        "was", "were", "has", "have",
    ]

    private static let comparisonWords: Set<String> = [
        "difference", "differences", "different", "versus", "vs", "compare", "compared", "comparison", "better",
        "worse", "between",
    ]

    /// Reads the kind of a question from its words (lower-cased, typos corrected).
    public init(words: [String]) {
        let text = " " + words.joined(separator: " ") + " "
        if text.containsBytes(" how long ") || text.containsBytes(" how soon ") || text.containsBytes(" how quickly ")
            || text.containsBytes(" when can ") || text.containsBytes(" when will ")
            || text.containsBytes(" how much time ")
            || (text.containsBytes(" how many ") && words.contains(where: Self.timeUnits.contains))
        {
            self = .duration
        } else if words.contains(where: Self.riskWords.contains) && !text.containsBytes(" at risk ") {
            // "Who is at risk for…" asks who gets it (MedQuAD dev half nDCG@10 0.7321 -> 0.7351 when it stopped
            // preferring risk statements; MASH-QA dev f1_all 0.1817 -> 0.1824).
            self = .risk
        } else if Self.asksForCauses(text) {
            self = .cause
        } else if words.contains(where: Self.comparisonWords.contains) {
            self = .comparison
        } else if (text.hasPrefix(" what is ") || text.hasPrefix(" what are ") || text.hasPrefix(" whats ")
            || text.hasPrefix(" what s ") || text.hasPrefix(" define ") || text.containsBytes(" mean ")
            || text.containsBytes(" meaning ")) && !Self.asksForAnAspect(text)
        {
            self = .definition
        } else if text.hasPrefix(" how ") {
            self = .howTo
        } else if let first = words.first, Self.auxiliaries.contains(first) {
            self = .yesNo
        } else {
            self = .other
        }
    }

    /// "What are the symptoms of…", "what is the outlook for…": a part of the topic, not what the topic is.
    private static func asksForAnAspect(_ text: String) -> Bool {
        text.hasPrefix(" what is the ") || text.hasPrefix(" what are the ") || text.hasPrefix(" whats the ")
    }

    /// How questions of causes open: "What causes…", "what can cause…", "what are the (common) causes of…".
    private static let causeQuestionOpenings = [
        " what causes ", " what cause ", " what can cause ", " what could cause ", " what might cause ",
        " what may cause ", " what caused ", " what leads to ", " what triggers ", " what is the cause ",
        " what are the causes ", " what are causes ", " what are some causes ", " what are the common causes ",
        " what are common causes ", " what are the main causes ",
    ]

    private static func asksForCauses(_ text: String) -> Bool {
        causeQuestionOpenings.contains(where: text.hasPrefix)
    }

    private static let numberWords: Set<String> = [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "twelve", "few", "several",
        "a", "couple",
    ]
    private static let durationPhrases = [
        "as soon as possible", "quickly", "right away", "overnight", "immediately", "within", "for a while",
        "short term", "long term",
    ]
    /// Verbs that define their subject: "Vertebroplasty **is** a technique…", "Kyphoplasty **involves**…".
    private static let definingVerbs: Set<String> = [
        "is", "are", "involves", "involve", "refers", "means", "occurs", "describes",
    ]
    /// Sentence openings whose verb does not define the subject ("If you are a candidate…").
    private static let nonSubjects: Set<String> = [
        "if", "when", "while", "because", "although", "after", "before", "since", "unless", "you", "it", "this",
        "that", "there", "they", "we", "i", "he", "she", "these", "those", "here", "what", "how", "why", "who",
    ]
    private static let namingPhrases = [" called ", " known as ", " refers to "]
    private static let contrastPhrases = [
        " but ", " instead", " unlike ", " similar to ", " whereas ", " rather than ", " in contrast", " without ",
        " compared ", " while ", " not used ",
    ]
    private static let advicePhrases = [
        " should ", " try ", " avoid ", " don't ", " do not ", " gradually", " at first", " slowly", " slow ",
        " be sure ", " make sure ", " start ", " begin ", " until ", " limit ", " wait ", " ask your ", " call ",
    ]
    /// Words saying that what stands after them is brought about: "Weak bones can **lead to** a fracture".
    private static let causingWords: [[String]] = [
        ["cause"], ["causes"], ["lead", "to"], ["leads", "to"], ["result", "in"], ["results", "in"], ["trigger"],
        ["triggers"], ["cause", "of"], ["causes", "of"],
    ]
    /// Words saying that what stands before them is brought about: "Fractures **caused by** osteoporosis".
    private static let causedWords: [[String]] = [
        ["caused", "by"], ["result", "of"], ["results", "from"], ["result", "from"], ["due", "to"], ["because"],
        ["occurs", "when"], ["occur", "when"], ["happens", "when"], ["happen", "when"], ["comes", "from"],
        ["come", "from"], ["triggered", "by"], ["linked", "to"],
    ]
    /// The words those phrases start with: only at these is a phrase looked for.
    private static let causePhraseStarts = Set((causingWords + causedWords).map { $0[0] })
    private static let riskStems: [String] = [
        "risk", "complication", "side effect", "leak", "infection", "bleed", "damag", "rare", "safe", "clot", "harm",
        "numb", "danger", "injur",
    ]

    /// How well a sentence has the shape this kind of question wants, from 0 to 1 (-1: the shape of the reverse
    /// question, ``causeShape(of:namesAsked:)``).
    /// - Parameter namesAsked: whether the sentence's words at these positions (of `WordTokenizer.words`) hold one
    ///   of the question's concepts: a definition names what is asked before its verb ("Osteopenia is…", not
    ///   "Another option is spinal fusion surgery"). With the rules: MASH-QA dev f1_all 0.1968 -> 0.1980, recall@3
    ///   0.844 either way; MedQuAD dev nDCG@10 0.7327 -> 0.7371 (its dev half 0.7304 -> 0.7329); SciFact, the seeds
    ///   and `Benchmarks/Questions` unchanged. The learned model refitted on it: MASH-QA dev f1_all 0.244 -> 0.251 at
    ///   its threshold.
    func shapeScore(of sentence: String, namesAsked: (_ words: Range<Int>) -> Bool) -> Double {
        let lowered = " " + sentence.lowercased() + " "
        switch self {
        case .duration:
            let words = WordTokenizer.words(sentence)
            for (index, word) in words.enumerated() where Self.timeUnits.contains(word) && index > 0 {
                let before = words[index - 1]
                if before.allSatisfy(\.isNumber) || Self.numberWords.contains(before) { return 1 }
            }
            return Self.durationPhrases.contains(where: lowered.containsBytes) ? 0.6 : 0
        case .definition:
            let words = WordTokenizer.words(sentence.prefix(80))
            if let first = words.first, !Self.nonSubjects.contains(first),
                let verb = words.prefix(6).dropFirst().firstIndex(where: Self.definingVerbs.contains),
                namesAsked(0..<verb)
            {
                return 1
            }
            return Self.namingPhrases.contains(where: lowered.containsBytes) ? 0.6 : 0
        case .cause:
            return Self.causeShape(of: WordTokenizer.words(sentence), namesAsked: namesAsked)
        case .risk:
            let found = Self.riskStems.count(where: lowered.containsBytes)
            return min(1, Double(found) / 2)
        case .comparison:
            return Self.contrastPhrases.contains(where: lowered.containsBytes) ? 1 : 0
        case .howTo:
            return min(1, Double(Self.advicePhrases.count(where: lowered.containsBytes)) / 2)
        case .yesNo, .other:
            return 0
        }
    }

    /// 1 when the sentence says what brings about the thing asked about: a concept of the question after words of
    /// causing ("can lead to a fracture") or before words of being caused ("fractures caused by"); 0.5 for such
    /// words beside none of its concepts ("Common causes include…"); 0 without such words; -1 when they only say
    /// what the thing asked about brings about ("A compression fracture causes back pain": the answer to the
    /// reverse question). With the rules, against no cause kind: MASH-QA dev (38 of its 1,000 questions ask for
    /// causes) f1_all 0.1980 -> 0.2001, recall@3 0.844 -> 0.845, false abstention and dev-unans unchanged; MedQuAD
    /// dev nDCG@10 0.7371 -> 0.7376; the seeds and the plain questions unchanged (0 instead of -1: the same figures,
    /// but "what can cause a spinal fracture" then quotes "A vertebral compression fracture causes back pain.").
    /// The learned model refitted on it: MASH-QA dev f1_all 0.251 -> 0.254 at its threshold (false abstention 0.076
    /// -> 0.079, dev-unans abstained 0.533 -> 0.520), 0.261 -> 0.264 without one.
    private static func causeShape(of words: [String], namesAsked: (Range<Int>) -> Bool) -> Double {
        var found = false, backwards = false
        for start in words.indices where causePhraseStarts.contains(words[start]) {
            for phrase in causingWords where words[start...].starts(with: phrase) {
                if namesAsked((start + phrase.count)..<words.count) { return 1 }
                found = true
                backwards = backwards || namesAsked(0..<start)
            }
            for phrase in causedWords where words[start...].starts(with: phrase) {
                if namesAsked(0..<start) { return 1 }
                found = true
                backwards = backwards || namesAsked((start + phrase.count)..<words.count)
            }
        }
        return backwards ? -1 : found ? 0.5 : 0
    }

    /// True for the kinds whose shape also ranks passages. Advice wording says little about which passage
    /// answers a how-to question (MedQuAD dev nDCG@10 0.660 → 0.651 when it ranked), but it picks good sentences.
    var ranksByShape: Bool { wantsShape && self != .howTo }

    /// The kinds whose answers have a recognisable shape, in a fixed order: the learned model weighs each one's
    /// shape on its own as well (a duration matters more to "how long…" than advice to "how do I…"). Refitted with
    /// them, MASH-QA dev f1_all 0.2536 -> 0.2554 at the threshold (false abstention 0.079 -> 0.080, dev-unans
    /// abstained 0.520 -> 0.527), 0.2643 -> 0.2660 without one; the seeds and the plain questions unchanged at 0.
    static let shaped: [QuestionKind] = [.duration, .definition, .cause, .risk, .comparison, .howTo]

    /// True for the kinds whose answers have a recognisable shape.
    var wantsShape: Bool { Self.shaped.contains(self) }
}
