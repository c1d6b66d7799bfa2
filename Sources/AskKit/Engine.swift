import Foundation
import GRDB

/// The question-answering engine over one index file. Safe to share across threads and tasks.
///
/// ```swift
/// let engine = try AskEngine(index: URL(fileURLWithPath: "Index/ask.sqlite"))
/// let answer = try engine.ask("how long does a compression fracture take to heal?")
/// print(answer.text ?? "No answer in the corpus.")
/// ```
public final class AskEngine: Sendable {
    /// How many passages full-text search hands to the reranker, at least.
    public static let candidateCount = 50
    /// How many passages an answer lists, at least, beside the ones it quotes.
    public static let answerPassageCount = 10
    /// At most this many passages are reranked; further ones keep their BM25 order below them.
    public static let rerankDepth = 100
    /// How many passages semantic search adds to the full-text search's candidates, at most. 20 and 50 measured
    /// the same on MASH-QA dev (recall@10 0.948) with the rules, which do not weigh similarity; 20 costs less.
    public static let semanticCandidateCount = 20
    /// Where the rules answer, an assisting model's answer is quoted instead when the model is at least this
    /// confident that the corpus answers the question: the model answers the questions like those it learned from,
    /// the rules the others. With the built-in model, MASH-QA dev f1_all (false abstention 0.006 and dev-unans
    /// abstained 0.107 at each) and all nuggets of the seeds / `Benchmarks/Questions/plain-questions.jsonl` / the
    /// last 26 of those (written after the rules and the model were fitted): the rules alone 0.2232, 0.88 / 0.714 /
    /// 0.667; at 0.5: 0.2647, 0.80 / 0.633 / 0.571; 0.7: 0.2553, 0.80 / 0.714 / 0.619; 0.75: 0.2522, 0.80 / 0.735 /
    /// 0.667; 0.8: 0.2427, 0.88 / 0.735 / 0.667; 0.85: 0.2431, 0.88 / 0.735 / 0.667; 0.9: 0.2337, 0.88 / 0.714 /
    /// 0.667 (measured before the model's answers brought an anaphor's sentence, which made 0.8's f1_all 0.2437).
    /// 0.8 is the lowest at which no set of plain questions loses a nugget; below it, seeds such as "do kyphoplasty
    /// and vertebroplasty actually relieve the pain?" (0.757) take the model's answer, which names both procedures
    /// and not the pain.
    public static let assistingConfidence = 0.8
    /// The smallest ``matchBudget`` an engine chooses by itself.
    public static let minimumMatchBudget = 1_000

    /// The ``matchBudget`` an engine chooses for an index of `passages` passages: 1% of them, at least
    /// ``minimumMatchBudget``. Scoring every match costs about a microsecond each; the pruned search costs a few
    /// milliseconds however many passages match, so it pays once matches are many, and a share of the corpus keeps
    /// "rare" meaning the same at every size. Measured, p50 of `engine.search` with 10,000 against 1,000: MedQuAD
    /// (26,834 passages) 10.7 -> 5.5 ms, 100k passages 7.6 / 6.6 -> 5.9 / 5.4 ms; at 1M, 1,000 was slower (7.0 / 7.7
    /// -> 7.8 / 8.6 ms) than 10,000. nDCG@10 with 1,000: MedQuAD dev 0.6639, SciFact train 0.7000 (every match
    /// scored: 0.6634 and 0.7000).
    public static func matchBudget(forPassages passages: Int) -> Int {
        max(minimumMatchBudget, passages / 100)
    }

    /// How many matching passages a query may score in full-text search; beyond it, only the query's rare words
    /// choose candidates, which are then rescored with all of its words (see the README's "Speed").
    public let matchBudget: Int

    /// The index file.
    public var indexURL: URL { store.url }
    /// What the index says about itself.
    public var info: IndexInfo { store.info }

    let store: IndexStore
    /// Semantic matching, when the engine has the table that made the index's vectors and was not told otherwise.
    private let semantic: SemanticSearch?
    /// The sentence model whose ranking is fused with the engine's, when the index has its vectors.
    private let sentenceSearch: SentenceSearch?
    /// The weight of the sentence model's ranking in the fusion.
    private let sentenceWeight: Double
    private let compiler: QueryCompiler
    private let corrector: LazyValue<TypoCorrector>
    private let stemCache = StemCache()
    private let reranker: Reranker
    private let extractor = AnswerExtractor()
    /// How confident to be in the built-in rules' answers, and when to abstain.
    private let calibration: AnswerCalibration
    /// Without a model: abstain below this confidence in the rules' answer.
    private let minimumConfidence: Double
    /// Chooses answers instead of ``extractor`` when the engine was given an answer model.
    private let modelExtractor: ModelAnswerExtractor?
    /// Without an answer model: the assisting model's answers, where it is confident (``assistingConfidence``).
    private let assistingExtractor: ModelAnswerExtractor?
    /// Candidates for training are cut as a model would see them, whatever this engine answers with.
    private var trainingExtractor: ModelAnswerExtractor {
        modelExtractor ?? ModelAnswerExtractor(model: .untrained, minimumConfidence: 0)
    }

    /// The answer model the engine chooses answers with, if it was given one (see `ask train`).
    public var answerModel: AnswerModel? { modelExtractor?.model }
    /// The synonyms the engine searches with: the corpus's synonyms file and the abbreviations its documents define.
    public let synonyms: CorpusSynonyms

    /// Whether the engine matches meaning as well as words: it was given the table that made the index's vectors.
    public var matchesMeaning: Bool { semantic != nil }

    /// Whether passages and documents are ranked with a sentence model too (`ask index --sentence-model`).
    public var usesSentenceModel: Bool { sentenceSearch != nil }

    /// How many passages nearest the question by the sentence model are fused with the engine's ranking: as many
    /// documents as Benchmarks/Peers/full-model.py fused on SciFact.
    static let sentenceCandidateCount = 100

    /// The weight of a sentence model's ranking against the engine's in their fusion (``RankFusion``) by default,
    /// chosen on SciFact train's odd claims (`ask run` with all-MiniLM-L6-v2's passage vectors, nDCG@10): 0.3 ->
    /// 0.7346, 0.5 -> 0.7464, 1 -> 0.7507, 2 -> 0.7249 (without the model, 0.7119); MedQuAD dev's odd ids agree:
    /// 0.5 -> 0.7621, 1 -> 0.7671, 2 -> 0.7517 (without, 0.7302). The halves not used to choose, at 1: SciFact's
    /// even claims 0.6858 -> 0.7137, MedQuAD's even ids 0.7583 -> 0.7843.
    public static let sentenceModelWeight = 1.0

    /// How many questions an engine answers at once unless told: one a core, at most 8 (each connection keeps a
    /// page cache of its own).
    public static let defaultReaders = min(max(ProcessInfo.processInfo.activeProcessorCount, 1), 8)

    /// Opens an index built by ``IndexBuilder``.
    /// - Parameters:
    ///   - matchBudget: see ``matchBudget``; `Int.max` scores every match, as plain FTS5 does; `nil` chooses
    ///     ``matchBudget(forPassages:)`` for the index.
    ///   - answerModel: a model that ranks passages, chooses answers and says how confident it is (one fitted by
    ///     `ask train`, or ``AnswerModel/builtIn``); `nil` ranks and answers by the built-in rules
    ///     (``AnswerExtractor``), whose confidence `calibration` gives.
    ///   - assistingModel: without `answerModel`, a model whose answer is quoted instead of the rules' where it is at
    ///     least ``assistingConfidence`` confident that the corpus answers the question (and at least
    ///     `minimumConfidence`), with that confidence; its ranking is not used, and it assists only an engine that
    ///     matches meaning (``matchesMeaning``). The built-in model by default; `nil` answers by the rules alone.
    ///   - calibration: how confident to be in the built-in rules' answers (see `ask calibrate`).
    ///   - minimumConfidence: abstain below this confidence; `nil` takes the model's, or the calibration's.
    ///   - embedder: the table of token vectors that matches meaning (the built-in one by default); `nil`, or a
    ///     table other than the one that made the index's vectors, matches words alone (`--lexical`).
    ///   - sentenceModel: the sentence model whose ranking of the passages is fused with the engine's (see
    ///     ``RankFusion``): by default the one the index's sentence vectors were made by, read from the folder it
    ///     records; none when the index has no such vectors, or a model other than the one that made them is given.
    ///   - sentenceWeight: the weight of the sentence model's ranking, the engine's weighing 1 (see ``RankFusion``).
    ///   - readers: how many questions are answered at once, each on a read-only connection of its own, opened as
    ///     concurrent callers need them (``defaultReaders`` by default); more callers wait for one to be free. While
    ///     fewer questions are asked at once than this, a question's semantic search runs beside its full-text search,
    ///     on one more connection kept for that.
    /// - Throws: ``AskError`` when the file is missing, damaged, another program's, or from another version.
    public init(index: URL, matchBudget: Int? = nil, answerModel: AnswerModel? = nil,
                assistingModel: AnswerModel? = .builtIn, calibration: AnswerCalibration = .builtIn,
                minimumConfidence: Double? = nil,
                embedder: TextEmbedder? = try? .builtIn, sentenceModel: SentenceModelUse = .asRecorded,
                sentenceWeight: Double = AskEngine.sentenceModelWeight, readers: Int = AskEngine.defaultReaders) throws
    {
        let store = try IndexStore(url: index, readers: readers)
        self.store = store
        sentenceSearch = try Self.sentenceModel(sentenceModel, for: store.info).map(SentenceSearch.init)
        self.sentenceWeight = sentenceWeight
        if let embedder, embedder.fingerprint == store.info.vectorTable {
            semantic = try store.read { try SemanticSearch(embedder: embedder, db: $0) }
        } else {
            semantic = nil
        }
        self.calibration = calibration
        self.minimumConfidence = minimumConfidence ?? calibration.minimumConfidence
        reranker = Reranker(learned: answerModel?.ranking)
        modelExtractor = answerModel.map {
            ModelAnswerExtractor(model: $0, minimumConfidence: minimumConfidence ?? $0.minimumConfidence)
        }
        // Without meaning, the model's similarity features are all 0, as it never saw them: with `--lexical` its
        // answers took two plain questions from the rules (seeds' nuggets 0.88 -> 0.84, the last 26 plain questions'
        // 0.667 -> 0.619) for MASH-QA dev f1_all 0.2232 -> 0.2336. So it assists only an engine that matches meaning.
        assistingExtractor = answerModel == nil && semantic != nil ? assistingModel.map {
            [minimum = self.minimumConfidence] in
            ModelAnswerExtractor(model: $0, minimumConfidence: max(Self.assistingConfidence, minimum))
        } : nil
        self.matchBudget = matchBudget ?? Self.matchBudget(forPassages: store.info.passages)
        synonyms = try store.read(IndexStore.corpusSynonyms)
        compiler = QueryCompiler(synonyms: synonyms.map(stopWords: StopWords.english))
        corrector = LazyValue()
    }

    /// The sentence model to fuse rankings with, of those `use` allows: the one that made the index's sentence vectors.
    /// - Throws: ``AskError/sentenceModelUnreadable(_:)`` when the model the index records cannot be read, or is no
    ///   longer the one that made its vectors.
    private static func sentenceModel(_ use: SentenceModelUse, for info: IndexInfo) throws -> SentenceModel? {
        guard let made = info.sentenceModel else { return nil }
        switch use {
        case .none:
            return nil
        case .model(let model):
            return model.fingerprint == made ? model : nil
        case .asRecorded:
            guard let folder = info.sentenceModelFolder else { return nil }
            let model = try SentenceModel(folder: URL(fileURLWithPath: folder))
            guard model.fingerprint == made else {
                throw AskError.sentenceModelUnreadable(
                    "\(folder) no longer holds the model the index's vectors were made by: run `ask index`")
            }
            return model
        }
    }

    /// The passages that best match a query, best first, with the matched words marked.
    /// - Parameter explain: give each hit its ``Hit/explanation``: the lexical and semantic parts of its score.
    public func search(_ query: String, limit: Int = 10, explain: Bool = false) throws -> [Hit] {
        try store.read { db in
            let ranking = try rank(query, db: db, limit: max(limit, 1))
            return ranking.hits(limit: limit, explain: explain)
        }
    }

    /// The documents that best match a query, best first; a document scores as its best passage.
    public func searchDocuments(_ query: String, limit: Int = 10) throws -> [DocumentHit] {
        try store.read { db in
            let ranking = try rank(query, db: db, limit: max(limit, 1) * 5)
            var hits: [DocumentHit] = []
            var seen = Set<String>()
            for item in ranking.ordered where !seen.contains(item.candidate.passage.document) {
                seen.insert(item.candidate.passage.document)
                hits.append(DocumentHit(rank: hits.count + 1, document: item.candidate.passage.document,
                                        score: item.score, bestPassage: item.candidate.passage))
                if hits.count == limit { break }
            }
            return hits
        }
    }

    /// The passages nearest a query by meaning alone, nearest first, scored by their cosine similarity to it: the
    /// semantic search whose passages join full-text search's candidates, without the words (nothing is
    /// highlighted). None when the engine does not match meaning (``matchesMeaning``).
    /// - Parameters:
    ///   - limit: how many passages, at most 1,000 (kept in order as the vectors go by, so a larger count costs more
    ///     than it finds).
    ///   - probedLists: how many of a clustered index's lists to read (by default as `ask` does); as many as it has
    ///     search it exactly, to measure what fewer lists miss.
    public func nearestPassages(to query: String, limit: Int = 10, probedLists: Int? = nil) throws -> [Hit] {
        guard let semantic else { return [] }
        let vector = semantic.vector(ofQuestion: query)
        return try store.read { db in
            let nearest = try semantic.nearest(
                to: vector, limit: min(max(limit, 0), 1_000),
                probedLists: probedLists ?? VectorClusters.probedLists, db: db)
            let similarities = Dictionary(nearest) { first, _ in first }
            // In the order of the ids given: nearest first.
            return try IndexStore.candidates(db, ids: nearest.map(\.passage)).enumerated().map { rank, candidate in
                Hit(rank: rank + 1, passage: candidate.passage, score: Double(similarities[candidate.id] ?? 0))
            }
        }
    }

    /// Answers a question with sentences quoted from the corpus, or abstains when the corpus does not answer it.
    ///
    /// With a sentence model, the built-in rules and assisting model decide whether to answer on the engine's own
    /// ranking, as their confidence was calibrated on it, and then quote the fused ranking's passages, which more
    /// often hold the answer, their sentences weighed by their similarity to the question by the model too
    /// (``AnswerExtractor/sentenceSimilarityWeight``). Against quoting the engine's ranking too, with
    /// all-MiniLM-L6-v2 (weight 1, before sentences were weighed so): MASH-QA dev f1_all 0.2447 -> 0.2620, false
    /// abstention 0.006 and dev-unans abstained 0.107 either way; seeds' all nuggets 0.88 -> 0.92. Deciding on the fused ranking too gave f1_all 0.2603 but abstained wrongly more
    /// (MASH-QA dev 0.012, seeds 3 of 25): the calibration's evidence means other things there. A fitted answer
    /// model (`answerModel`) quotes the ranking it decided on: quoting the fused one, MASH-QA dev f1_all 0.2586 ->
    /// 0.2558 with `--learned`.
    public func ask(_ question: String) throws -> Answer {
        try store.read { db in
            let ranking = try rank(question, db: db, limit: Self.answerPassageCount)
            var (chosen, confidence) = try modelExtractor?.sentences(
                from: ranking.ranked, matcher: ranking.matcher, kind: ranking.kind, stems: ranking.stems,
                similarity: ranking.similarity)
                ?? builtInAnswer(from: ranking.ranked, ranking)
            if modelExtractor == nil, !chosen.isEmpty, let fused = ranking.fusedForAnswers {
                let quoted = try builtInAnswer(
                    from: fused, ranking, decided: true, sentenceSimilarities: ranking.sentenceSimilarities).sentences
                if !quoted.isEmpty { chosen = quoted }
            }
            var sources: [Citation] = []
            var sentences: [AnswerSentence] = []
            for (text, passage) in chosen {
                let number = sources.firstIndex { $0.passage == passage }.map { $0 + 1 } ?? {
                    sources.append(Citation(number: sources.count + 1, passage: passage))
                    return sources.count
                }()
                sentences.append(AnswerSentence(text: text, sources: [number]))
            }
            return Answer(
                question: question, kind: ranking.kind, sentences: sentences, sources: sources,
                passages: ranking.hits(limit: max(Self.answerPassageCount, sources.count)),
                correctedQuestion: ranking.correctedQuestion(question), confidence: confidence,
                disclaimer: sentences.isEmpty ? nil : store.info.disclaimer,
                notice: ranking.plan.wasTruncated
                    ? "The question was cut to its first \(QueryCompiler.maximumCharacters) characters." : nil)
        }
    }

    /// The sentences the assisting model (where confident) or the rules quote from `ranked`'s passages, each with
    /// its passage, and the confidence that they answer.
    /// - Parameter decided: the question was already judged answerable, so the rules' confidence threshold does not
    ///   apply (the passages must still hold the question, and the assisting model is still taken only where it is
    ///   confident).
    private func builtInAnswer(
        from ranked: [Reranker.Ranked], _ ranking: Ranking, decided: Bool = false,
        sentenceSimilarities: [String: Double] = [:]
    ) throws -> (sentences: [(text: String, passage: Passage)], confidence: Double?) {
        try assistedAnswer(from: ranked, ranking)
            ?? ruleAnswer(from: ranked, ranking, decided: decided, sentenceSimilarities: sentenceSimilarities)
    }

    /// The assisting model's answer and its confidence, where it is confident enough; else `nil`.
    private func assistedAnswer(from ranked: [Reranker.Ranked], _ ranking: Ranking) throws
        -> ([(text: String, passage: Passage)], Double?)?
    {
        guard let assistingExtractor else { return nil }
        let (chosen, confidence) = try assistingExtractor.sentences(
            from: ranked, matcher: ranking.matcher, kind: ranking.kind, stems: ranking.stems,
            similarity: ranking.similarity)
        return chosen.isEmpty ? nil : (chosen, confidence)
    }

    /// The built-in rules' answer and the confidence in it; none below ``minimumConfidence`` unless `decided`.
    private func ruleAnswer(
        from ranked: [Reranker.Ranked], _ ranking: Ranking, decided: Bool, sentenceSimilarities: [String: Double]
    ) throws -> ([(text: String, passage: Passage)], Double?) {
        let outcome = try extractor.answer(
            from: ranked, matcher: ranking.matcher, kind: ranking.kind, stems: ranking.stems,
            sentenceSimilarities: sentenceSimilarities)
        guard let evidence = outcome.evidence else { return ([], nil) }
        let confidence = calibration.confidence(of: evidence)
        return (confidence >= minimumConfidence || decided ? outcome.sentences : [], confidence)
    }

    /// The built-in rules' answer to a question, with its evidence: what ``CalibrationTraining`` learns from.
    func ruleOutcome(for question: String) throws -> AnswerExtractor.Outcome {
        try store.read { db in
            let ranking = try rank(question, db: db, limit: Self.answerPassageCount)
            return try extractor.answer(
                from: ranking.ranked, matcher: ranking.matcher, kind: ranking.kind, stems: ranking.stems)
        }
    }

    /// The sentences of the best passages for a question, with the features the answer model weighs: what
    /// ``AnswerTraining`` learns from.
    func sentenceCandidates(for question: String) throws -> [SentenceCandidate] {
        try store.read { db in
            let ranking = try rank(question, db: db, limit: Self.answerPassageCount)
            return try trainingExtractor.candidates(
                from: ranking.ranked, matcher: ranking.matcher, kind: ranking.kind, stems: ranking.stems,
                similarity: ranking.similarity
            ).sentences
        }
    }

    /// The ranked passages for a question, with the features a learned ranking weighs: what
    /// ``AnswerTraining/fitRanking(questions:engine:penalty:)`` learns from.
    func rankedPassages(for question: String) throws -> [Reranker.Ranked] {
        try store.read { db in
            try rank(question, db: db, limit: Self.answerPassageCount, everySimilarity: true).ranked
        }
    }

    // MARK: - Ranking

    /// Everything the engine worked out for one question.
    private struct Ranking {
        var plan: QueryPlan
        var kind: QuestionKind
        var matcher: ConceptMatcher
        var ranked: [Reranker.Ranked]
        /// With a sentence model, ``ranked`` in the order of its fusion with the model's ranking (``RankFusion``),
        /// each with its fused score; empty without one.
        var fused: [(item: Reranker.Ranked, score: Double)] = []
        /// With a sentence model, the passages nearest the question by it, nearest first, and its weight in the
        /// fusion.
        var modelNearest: [(passage: Int64, similarity: Float)] = []
        var modelWeight = 0.0
        /// The index's stems of a text (cached).
        var stems: (String) throws -> [String]
        /// The similarity of a text's vector to the question's; 0 without meaning (``matchesMeaning``).
        var similarity: (String) -> Double = { _ in 0 }
        /// With a sentence model, the similarity by it to the question of each sentence of the passages answers quote
        /// from the fused ranking (``fusedForAnswers``) that has a vector of its own, by its text.
        var sentenceSimilarities: [String: Double] = [:]

        /// The passages as search results list them: ``ranked``, or with a sentence model, in the fusion's order,
        /// each scored by the fusion.
        var ordered: [Reranker.Ranked] {
            fused.isEmpty ? ranked : fused.map { item, score in
                var item = item
                item.score = score
                return item
            }
        }

        /// With a sentence model, the passages in the fusion's order, each with the engine's score: what answers
        /// quote once the engine's own ranking decided to answer (see ``AskEngine/ask(_:)``).
        var fusedForAnswers: [Reranker.Ranked]? { fused.isEmpty ? nil : fused.map(\.item) }

        func hits(limit: Int, explain: Bool = false) -> [Hit] {
            let shares = explain ? fusionShares() : [:]
            return ordered.prefix(limit).enumerated().map { index, item in
                Hit(rank: index + 1, passage: item.candidate.passage, score: item.score,
                    highlights: highlights(in: item.candidate.passage.text),
                    explanation: explain ? ScoreExplanation(
                        bm25: item.candidate.bm25, similarity: item.candidate.similarity,
                        lexical: item.parts.lexical, semantic: item.parts.semantic,
                        fusion: shares[item.candidate.id]) : nil)
            }
        }

        /// Each ranked passage's place in the engine's ranking and the model's, and what each adds to its fused
        /// score; none without a sentence model.
        private func fusionShares() -> [Int64: ScoreExplanation.FusionShare] {
            guard !modelNearest.isEmpty else { return [:] }
            let byModel = Dictionary(modelNearest.enumerated().map { ($1.passage, (rank: $0 + 1, similarity: $1.similarity)) }) {
                first, _ in first
            }
            var shares: [Int64: ScoreExplanation.FusionShare] = [:]
            for (index, item) in ranked.enumerated() where shares[item.candidate.id] == nil {
                let model = byModel[item.candidate.id]
                shares[item.candidate.id] = ScoreExplanation.FusionShare(
                    engineRank: index + 1, engine: RankFusion.share(ofRank: index + 1), modelRank: model?.rank,
                    modelSimilarity: model.map { Double($0.similarity) },
                    model: model.map { RankFusion.share(ofRank: $0.rank, weight: modelWeight) } ?? 0)
            }
            return shares
        }

        /// The ranges of words whose stems belong to a matched concept.
        private func highlights(in text: String) -> [Range<String.Index>] {
            WordTokenizer.wordRanges(in: text).filter { range in
                (try? stems(String(text[range])).first).flatMap { $0 }.map(matcher.wanted.contains) ?? false
            }
        }

        func correctedQuestion(_ question: String) -> String? {
            guard !plan.corrections.isEmpty else { return nil }
            var corrected = question
            for (typed, word) in plan.corrections {
                corrected = corrected.replacingOccurrences(
                    of: "\\b\(NSRegularExpression.escapedPattern(for: typed))\\b", with: word,
                    options: [.regularExpression, .caseInsensitive])
            }
            return corrected
        }
    }

    /// - Parameter everySimilarity: give every candidate its similarity to the question (see
    ///   ``PassageSimilarities``), as a learned ranking needs and ranking features fitted on data do; otherwise the
    ///   built-in rules' ranking, which does not weigh meaning, gives it only to the first `limit` passages and to
    ///   those answers are drawn from.
    private func rank(_ question: String, db: Database, limit: Int, everySimilarity: Bool = false) throws -> Ranking {
        let stemmer = try Stemmer(db)
        let stems = { [stemCache] (text: String) in try stemCache.stems(of: text, using: stemmer) }
        var frequencies: [String: Int] = [:]
        func frequency(_ stem: String) throws -> Int {
            if let known = frequencies[stem] { return known }
            let count = try IndexStore.passageFrequency(db, stem: stem)
            frequencies[stem] = count
            return count
        }
        let plan = compiler.compile(question) { word in
            guard let stem = try? stemmer.stem(word), (try? frequency(stem)) == 0 else { return nil }
            let typoCorrector = try? corrector.value {
                // Stop words are candidates too, so that a misspelt one is recognised and dropped.
                let stopWords = compiler.stopWords.map { TypoCorrector.Term(word: $0, stem: $0, passages: 0) }
                // With meaning, an English word the index lacks may be read as its spelling there ("discs": "disks").
                let similarity: (@Sendable (String, String) -> Double)? = semantic.map { semantic in
                    let embedder = semantic.embedder
                    return { Double(embedder.similarity(embedder.vector(for: $0), embedder.vector(for: $1))) }
                }
                return TypoCorrector(terms: try IndexStore.terms(db) + stopWords, similarity: similarity)
            }
            return typoCorrector?.correction(for: word)
        }
        let words = WordTokenizer.words(QueryCompiler.readPart(of: question))
        let kind = QuestionKind(words: words.map { plan.corrections[$0] ?? $0 })
        let matcher = try ConceptMatcher(
            plan: plan, stem: stemmer.stem, passageCount: store.info.passages, documentFrequency: frequency)
        var ranked: [Reranker.Ranked] = []
        var similarity: (String) -> Double = { _ in 0 }
        var passageSimilarities: PassageSimilarities?
        var modelNearest: [(passage: Int64, similarity: Float)] = []
        var fused: [(item: Reranker.Ranked, score: Double)] = []
        var sentenceSimilarities: [String: Double] = [:]
        if !plan.concepts.isEmpty {
            var questionVector: [Float] = []
            let scorer = try BM25Scorer(
                phrases: plan.concepts.flatMap(\.variants).map { try $0.words.map(stemmer.stem) },
                passages: frequency, passageCount: store.info.passages,
                averageLength: Double(store.info.tokens) / Double(max(store.info.passages, 1)))
            let search = CandidateSearch(matchBudget: matchBudget)
            func fullTextCandidates() throws -> [IndexStore.Candidate] {
                try search.candidates(
                    for: plan, wanted: limit, pool: max(limit, Self.candidateCount), scorer: scorer, db: db, stems: stems)
            }
            var candidates: [IndexStore.Candidate]
            if let semantic {
                let vector = semantic.vector(ofQuestion: question)
                // The passages nearest the question's vector are sought and read on the pool's spare connection while
                // full-text search runs, each on a core; on this connection after it when the cores are busy with
                // other questions or another question's search is using the spare one.
                let (found, nearestAlongside) = try store.mayReadAlongside
                    ? concurrently(fullTextCandidates) { [store] in
                        Result { try store.readIfIdle { try Self.nearest(to: vector, semantic: semantic, db: $0) } }
                    }
                    : (fullTextCandidates(), .success(nil))
                // Meaning widens a search that found something; a query whose every word the corpus lacks still
                // finds nothing, as in a lexical engine, rather than whatever lies nearest.
                if found.isEmpty {
                    candidates = []
                } else {
                    let known = Set(found.map(\.id))
                    let (nearest, passages) = try nearestAlongside.get()
                        ?? Self.nearest(to: vector, semantic: semantic, db: db, excluding: known)
                    candidates = try found + passages.filter { !known.contains($0.id) }
                        .map { try scorer.rescored($0, stems: stems) }
                    candidates.sort { ($0.bm25, $1.id) > ($1.bm25, $0.id) }
                    passageSimilarities = PassageSimilarities(question: vector, nearest: nearest)
                    similarity = { text in
                        Double(semantic.embedder.similarity(vector, semantic.embedder.vector(for: text)))
                    }
                }
            } else {
                candidates = try fullTextCandidates()
            }
            // The sentence model's nearest passages join the candidates, so that each has the features answers weigh.
            if let sentenceSearch, !candidates.isEmpty {
                questionVector = sentenceSearch.vector(ofQuestion: question)
                modelNearest = try sentenceSearch.nearest(
                    to: questionVector, limit: Self.sentenceCandidateCount, db: db)
                let known = Set(candidates.map(\.id))
                candidates += try IndexStore.candidates(db, ids: modelNearest.map(\.passage).filter { !known.contains($0) })
                    .map { try scorer.rescored($0, stems: stems) }
                candidates.sort { ($0.bm25, $1.id) > ($1.bm25, $0.id) }
            }
            let weighsEverySimilarity = everySimilarity || reranker.learned != nil
            if weighsEverySimilarity, let passageSimilarities {
                let found = try passageSimilarities.of(candidates.map(\.id), db: db)
                for index in candidates.indices { candidates[index].similarity = Double(found[candidates[index].id] ?? 0) }
            }
            // Every passage the sentence model found is reranked, however far down BM25 puts it.
            let depth = modelNearest.isEmpty ? Self.rerankDepth : max(Self.rerankDepth, candidates.count)
            ranked = try reranker.rerank(candidates, depth: depth, matcher: matcher, kind: kind, stems: stems)
            let fusedOrder = modelNearest.isEmpty ? [] : RankFusion.fused(
                ranked.map(\.candidate.id), modelNearest.map(\.passage), modelWeight: sentenceWeight)
            // Every passage the model found is among the ranked ones.
            func inFusedOrder() -> [(item: Reranker.Ranked, score: Double)] {
                let byID = Dictionary(ranked.map { ($0.candidate.id, $0) }) { first, _ in first }
                return fusedOrder.compactMap { id, score in byID[id].map { (item: $0, score: score) } }
            }
            if !weighsEverySimilarity, let passageSimilarities {
                let used = Set([ranked, inFusedOrder().map(\.item)].flatMap {
                    $0.prefix(limit).map(\.candidate.id)
                        + AnswerExtractor.considered($0, count: extractor.passagesConsidered).map(\.candidate.id)
                })
                let found = try passageSimilarities.of(Array(used), db: db)
                for index in ranked.indices where used.contains(ranked[index].candidate.id) {
                    ranked[index].candidate.similarity = Double(found[ranked[index].candidate.id] ?? 0)
                }
            }
            fused = inFusedOrder()
            if let sentenceSearch, !fused.isEmpty {
                let quoted = AnswerExtractor.considered(fused.map(\.item), count: extractor.passagesConsidered)
                sentenceSimilarities = try sentenceSearch.sentenceSimilarities(
                    to: questionVector, in: quoted.map { ($0.candidate.id, $0.candidate.passage.text) }, db: db)
            }
        }
        return Ranking(
            plan: plan, kind: kind, matcher: matcher, ranked: ranked, fused: fused, modelNearest: modelNearest,
            modelWeight: sentenceWeight, stems: stems, similarity: similarity,
            sentenceSimilarities: sentenceSimilarities)
    }

    /// The passages nearest a question's vector (``semanticCandidateCount`` of them, nearest first) with their
    /// similarities, and those passages read (but those `excluding` names), with no BM25 score yet.
    private static func nearest(
        to vector: [Float], semantic: SemanticSearch, db: Database, excluding known: Set<Int64> = []
    ) throws -> (nearest: [(passage: Int64, similarity: Float)], passages: [IndexStore.Candidate]) {
        let nearest = try semantic.nearest(to: vector, limit: semanticCandidateCount, db: db)
        return (nearest, try IndexStore.candidates(db, ids: nearest.map(\.passage).filter { !known.contains($0) }))
    }
}
