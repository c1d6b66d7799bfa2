// Made by Scripts/built-in-model.sh; do not edit.

import Foundation

extension AnswerModel {
    /// The learned model `ask --learned` answers with: see the README's "Learned answers" for how it was fitted
    /// and what it scores.
    public static let builtIn: AnswerModel = {
        do {
            return try AnswerModel(json: Data(builtInJSON.utf8))
        } catch {
            preconditionFailure("the built-in answer model does not load: \(error)")
        }
    }()
}

private let builtInJSON = #"""
{
  "confidence" : {
    "weights" : [
      -4.952256056521999,
      2.80518370825078,
      -0.034110789662447565,
      1.024945920781088,
      0.5176905315945226,
      -0.09369034675954373,
      -0.25462625230165964,
      0.7122994654867587,
      1.3240883943320172,
      0.9309805419701771
    ]
  },
  "confidenceFeatures" : [
    "intercept",
    "probability that the first sentence starts the answer",
    "first sentence coverage",
    "its passage's coverage",
    "its passage's score relative to the best",
    "share of the question's weight the index does not hold",
    "coverage of the first sentence and the two after it",
    "its passage's BM25 over the question's weight",
    "share of the passages considered from the first sentence's document",
    "margin of the first sentence's probability over the next best's"
  ],
  "continuation" : {
    "weights" : [
      -0.23599075675841596,
      -0.93463456906319,
      0.385209550665136,
      1.0274190001796246,
      -0.18932412978506089,
      -0.548745204631062,
      -0.10732168685951023,
      0.10796667591517017,
      0.045148543805763046,
      0.33113647736466306,
      0.08305871680806355,
      0.01724917672280116,
      0,
      0.37334697434909636,
      0.09760904917839226,
      -0.18942606013881433,
      0.11465775448005815,
      0.29628800704920394,
      -0.09464146339901887,
      -0.20973782351601739,
      -1.2260590110980618,
      0.07129069418221792,
      0.050869519472929454,
      -1.1307006460505733,
      -0.13368632760845256,
      0.538930266805671,
      1.2692508203293669,
      0.6215418668244962
    ]
  },
  "continuationThreshold" : 0.45,
  "features" : [
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
    "local coverage: concepts weighted by how rare they are among these sentences (the part asked, not the topic)",
    "local coverage of the sentence and the two after it together"
  ],
  "maximumSentences" : 5,
  "minimumConfidence" : 0.08,
  "note" : "MASH-QA train (2,420 questions, 796 made unanswerable) and MedQuAD dev's train half (1,000); passage ranking fitted on both, the rest on MASH-QA; threshold 0.08 chosen on MASH-QA dev and dev-unans (Scripts/built-in-model.sh)",
  "ranking" : {
    "weights" : [
      2.653433028854124e-14,
      -0.14202923450129534,
      2.082919342923982,
      7.373402367826093,
      0.8297597425662323,
      0.01773125055682826,
      3.1992233109350443,
      1.848561005538649,
      0.3675085521876168,
      -0.39266782006639295
    ]
  },
  "rankingFeatures" : [
    "intercept",
    "BM25 relative to the best candidate's",
    "BM25 over the question's total concept weight",
    "coverage with the title",
    "coverage of the passage's own text",
    "proximity",
    "phrase proximity",
    "answer shape the question asks for",
    "1 / (BM25 rank + 1)",
    "share of the candidates' BM25 held by the other passages of its document"
  ],
  "start" : {
    "weights" : [
      1.9984014443252818e-15,
      -0.95277369888755,
      1.3680319371981227,
      -0.39023719466712364,
      0.8864092198047843,
      0.7934886036513235,
      -0.3664055825766188,
      0.1744298606462209,
      0.6907510562759921,
      1.446020269924093,
      -0.32874383082157405,
      0.4804321810415109,
      0.3375057458339329,
      -0.40530036171171313,
      -0.19685867303884708,
      -0.02525944633083958,
      0.5405068639314203,
      -0.18118346735743354,
      0.050573815265817286,
      -5.551115123125783e-17,
      -0.882312792945643,
      -0.027023278695500356,
      -0.8691699287755481,
      0.8741566928511002,
      1.5713871758568638,
      3.3281689155329053,
      2.6518253908332254,
      2.0253647465983855
    ]
  }
}
"""#
