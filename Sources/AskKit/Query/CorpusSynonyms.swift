/// The synonyms an index searches with: the rules of the corpus's synonyms file, and the abbreviations its
/// documents define ("magnetic resonance imaging (MRI)"), which join them as equivalences unless the file says
/// `abbreviations: off`. `ask synonyms` lists both.
public struct CorpusSynonyms: Sendable, Hashable, Codable {
    /// An abbreviation a document defines.
    public struct Abbreviation: Sendable, Hashable, Codable {
        /// The short form's words ("mri").
        public var short: String
        /// The long form's words ("magnetic resonance imaging").
        public var long: String
        /// How many passages define it.
        public var passages: Int
    }

    /// The rules of the synonyms file.
    public var rules: [SynonymMap.Rule]
    /// The abbreviations the documents define, most often defined first.
    public var abbreviations: [Abbreviation]
    /// Whether the abbreviations are searched as synonyms.
    public var usesAbbreviations: Bool

    /// The map questions are expanded with. A short form that is a stop word ("it", "us") is left out: questions
    /// drop those words, and "us" is rarely "United States". A short form with one meaning in the corpus is an
    /// equivalence (a question saying "multiple sclerosis" also finds "MS"); one with several is searched as each
    /// of them, one way.
    ///
    /// Measured against no abbreviations (MASH-QA train recall@3 / f1_all, MedQuAD dev's train half and SciFact
    /// train nDCG@10): this policy 0.8095 / 0.1722, 0.7350, 0.6964; every one an equivalence 0.7350 (MedQuAD), 0.6962
    /// (SciFact); every one one way, MASH-QA dev 0.826 / 0.1826, MedQuAD 0.7403, SciFact 0.6975; equivalences only
    /// for short forms of 3 letters or more 0.8050 / 0.1714, 0.7355, 0.6957; none 0.7963 / 0.1694, 0.7407, 0.7000.
    /// Consumer questions (MASH-QA) gain most and the others lose a little: the README says how to turn it off.
    func map(stopWords: Set<String>) -> SynonymMap {
        guard usesAbbreviations else { return SynonymMap(rules: rules) }
        let meanings = Dictionary(grouping: abbreviations, by: \.short)
        let taught = abbreviations.filter { !stopWords.contains($0.short) }.map { abbreviation in
            let phrases = [abbreviation.short, abbreviation.long].map { $0.split(separator: " ").map(String.init) }
            return meanings[abbreviation.short]?.count == 1
                ? SynonymMap.Rule(inputs: phrases, outputs: phrases, isEquivalence: true)
                : SynonymMap.Rule(inputs: [phrases[0]], outputs: phrases, isEquivalence: false)
        }
        return SynonymMap(rules: rules + taught)
    }
}
