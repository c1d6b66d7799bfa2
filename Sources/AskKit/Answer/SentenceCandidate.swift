import Foundation

/// A sentence of one of the best passages, with the features the answer model weighs to decide whether it belongs
/// to the answer.
struct SentenceCandidate: Sendable {
    /// The rank of its passage among the passages considered, from 0.
    var passageRank: Int
    /// Its place among its passage's sentences, from 0.
    var position: Int
    /// Its passage's document.
    var document: String
    var text: String
    /// ``SentenceCandidate/featureNames`` in order, the first the constant 1.
    var features: [Double]
    /// How much its document is about the question (``DocumentTopicality``): evidence for the answer's confidence.
    var documentEvidence: [Double] = []
    /// Whether it opens with a word that refers to what the sentence before it named ("These medicines…"), so that
    /// it does not stand on its own.
    var opensWithAnaphor = false

    /// Sentences of fewer words are never part of an answer: a lone word is a heading or a label ("Overview",
    /// "Print"), while two can be a whole instruction ("Quit smoking."). MASH-QA f1_all with the rules, train / dev
    /// (false abstention on dev 0.006 for each): 4 words: 0.2045 / 0.2219; 3: 0.2044 / 0.2218; 2: 0.2062 / 0.2232;
    /// 1: 0.2062 / 0.2232. The seeds' figures are the same for each; the plain questions' wrong abstentions go from
    /// 5 to 4 of 49 at 2.
    static let minimumWords = 2

    /// True when `sentence` has at least ``minimumWords`` words, so that it may be part of an answer.
    static func mayAnswer(_ sentence: some StringProtocol) -> Bool {
        sentence.wordCount(stoppingAfter: minimumWords) >= minimumWords
    }

    /// True when `self` comes right after `other` in the same passage.
    func follows(_ other: SentenceCandidate) -> Bool {
        passageRank == other.passageRank && position == other.position + 1
    }

    /// What each feature is, in the order of ``features``; the model file lists them too, so that a model fitted
    /// on other features is refused.
    static let featureNames = [
        "intercept",
        "sentence coverage: share of the question's weight (rare concepts weigh more) in the sentence",
        "sentence coverage read under its section heading",
        "section heading coverage",
        "previous sentence coverage",
        "previous sentence is a question (a heading such as \"What causes it?\")",
        "previous sentence is a question times its coverage",
        "next sentence coverage",
        "passage coverage",
        "passage score relative to the best passage's",
        "1 / (passage rank + 1)",
        "passage from the best passage's document",
        "first sentence of its passage",
        "place in its passage, from 0 to 1",
        "log(1 + words)",
        "sentence is a question",
        "answer shape the question asks for (a duration for \"how long\"…)",
        "opens with a connective (\"However\", \"This\", \"They\"…)",
        "phrase proximity: the question's neighbouring concepts standing close",
        "share of the question's weight the index does not hold at all",
        "share of the question's concepts in the sentence, each counting the same",
        "sentence holds the question's most common concept (its aspect: \"symptoms\", \"treated\"…)",
        "coverage of the sentence and the two after it together",
        "sentence opens a list (holds a colon)",
        "passage BM25 over the question's total concept weight: evidence on an absolute scale",
        "share of the ranked passages' BM25 held by the other passages of its document",
    ] + QuestionKind.shaped.map { "answer shape, when the question asks for \($0.rawValue)" } + [
        "local coverage: concepts weighted by how rare they are among these sentences (the part asked, not the topic)",
        "local coverage of the sentence and the two after it together",
        "similarity of the sentence's vector to the question's (0 without meaning)",
        "similarity relative to the most similar of these sentences",
        "similarity of the sentence and the two after it together",
        "similarity of its passage's vector to the question's",
    ]

    /// The sentences (those that ``mayAnswer(_:)``) of the passages considered, in passage order, with their features.
    /// - Parameter ranked: every ranked passage, of which `considered` are the best: an article about the question
    ///   matches it in several of them.
    static func candidates(
        from considered: [Reranker.Ranked], ranked: [Reranker.Ranked], matcher: ConceptMatcher, kind: QuestionKind,
        stems: (String) throws -> [String], similarity: (String) -> Double
    ) rethrows -> [SentenceCandidate] {
        var documentMass: [String: Double] = [:]
        for passage in ranked { documentMass[passage.candidate.passage.document, default: 0] += passage.candidate.bm25 }
        // Summed in rank order: a dictionary's order changes from run to run, and a model fitted on these features must
        // be the same every time.
        let totalMass = max(ranked.reduce(0) { $0 + $1.candidate.bm25 }, 1e-9)
        guard let best = considered.first else { return [] }
        let unknownShare = matcher.unknownShare
        let totalWeight = matcher.totalWeight
        // The question's most common concept: in a document about its topic, the word that tells the part asked.
        let aspect = matcher.concepts.indices.min { matcher.concepts[$0].weight < matcher.concepts[$1].weight }
        var topicality: [String: [Double]] = [:]
        var candidates: [SentenceCandidate] = []
        var conceptSets: [Set<Int>] = []
        var runConceptSets: [Set<Int>] = []
        for (rank, passage) in considered.enumerated() {
            let relative = best.score > 0 ? passage.score / best.score : 0
            let text = passage.candidate.passage.text
            let sectionStems = try stems(passage.candidate.passage.section ?? "")
            let sectionCoverage = matcher.coverage(of: matcher.matches(in: sectionStems))
            let sentences = SentenceSplitter().sentences(in: text).map { String(text[$0]) }
                .filter(mayAnswer)
            let sentenceStems = try sentences.map(stems)
            let matches = sentenceStems.map(matcher.matches(in:))
            let coverages = matches.map(matcher.coverage(of:))
            let document = passage.candidate.passage.document
            let sameDocument = document == best.candidate.passage.document
            let otherPassagesOfDocument = ((documentMass[document] ?? 0) - passage.candidate.bm25) / totalMass
            let documentEvidence = topicality[document]
                ?? DocumentTopicality.evidence(of: document, in: ranked, matcher: matcher)
            topicality[document] = documentEvidence
            for (position, sentence) in sentences.enumerated() {
                var run = matches[position]
                var runCoverage = coverages[position]
                for following in matches[(position + 1)..<min(position + 3, matches.count)] {
                    runCoverage += matcher.coverage(of: following, beyond: run)
                    run += following
                }
                let concepts = Set(matches[position].map(\.concept))
                let underHeading = matcher.coverage(of: matcher.matches(in: sectionStems + sentenceStems[position]))
                let previousCoverage = position > 0 ? coverages[position - 1] : 0
                let previousIsQuestion = position > 0 && sentences[position - 1].hasSuffix("?")
                let firstWord = WordTokenizer.words(sentence.prefix(20)).first ?? ""
                let shape = kind.shapeScore(of: sentence) { matcher.holdsAConceptWord(sentenceStems[position], at: $0) }
                var features: [Double] = [
                    1,
                    coverages[position],
                    underHeading,
                    sectionCoverage,
                    previousCoverage,
                    previousIsQuestion ? 1 : 0,
                    previousIsQuestion ? previousCoverage : 0,
                    position + 1 < sentences.count ? coverages[position + 1] : 0,
                    passage.coverage,
                    relative,
                    1 / Double(rank + 1),
                    sameDocument ? 1 : 0,
                    position == 0 ? 1 : 0,
                    sentences.count > 1 ? Double(position) / Double(sentences.count - 1) : 0,
                    log(1 + Double(sentence.wordCount)),
                    sentence.hasSuffix("?") ? 1 : 0,
                    shape,
                    AnswerExtractor.connectives.contains(firstWord) ? 1 : 0,
                    matcher.phraseProximity(of: matches[position]),
                    unknownShare,
                    Double(concepts.count) / Double(max(matcher.concepts.count, 1)),
                    aspect.map { concepts.contains($0) ? 1 : 0 } ?? 0,
                    runCoverage,
                    sentence.contains(":") ? 1 : 0,
                    totalWeight > 0 ? passage.candidate.bm25 / totalWeight : 0,
                    otherPassagesOfDocument,
                ]
                features += QuestionKind.shaped.map { $0 == kind ? shape : 0 }
                candidates.append(SentenceCandidate(
                    passageRank: rank, position: position, document: document, text: sentence, features: features,
                    documentEvidence: documentEvidence, opensWithAnaphor: AnswerExtractor.anaphors.contains(firstWord)))
                conceptSets.append(concepts)
                runConceptSets.append(Set(run.map(\.concept)))
            }
        }
        let local = LocalCoverage(conceptCount: matcher.concepts.count, sentences: conceptSets)
        let similarities = candidates.map { similarity($0.text) }
        let mostSimilar = similarities.max() ?? 0
        let runSimilarities = candidates.indices.map { index in
            let run = candidates[index...].prefix(3).prefix { $0.passageRank == candidates[index].passageRank }
            return run.count == 1 ? similarities[index] : similarity(run.map(\.text).joined(separator: " "))
        }
        for index in candidates.indices {
            candidates[index].features.append(local.coverage(of: conceptSets[index]))
            candidates[index].features.append(local.coverage(of: runConceptSets[index]))
            candidates[index].features.append(similarities[index])
            candidates[index].features.append(mostSimilar > 0 ? max(similarities[index], 0) / mostSimilar : 0)
            candidates[index].features.append(runSimilarities[index])
            candidates[index].features.append(considered[candidates[index].passageRank].candidate.similarity)
        }
        return candidates
    }
}
