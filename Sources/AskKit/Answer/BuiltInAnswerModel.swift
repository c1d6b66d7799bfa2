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
      -4.700018387708414,
      3.1795247808177303,
      -0.17194656615523757,
      0.7558640599625984,
      0.3149281707257714,
      -0.23515667194100534,
      -0.12534096159735855,
      0.7856818983090935,
      1.4794480568999326,
      0.7585183873576891
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
      -0.17456285846655503,
      -0.8793216671894843,
      0.35793095335511066,
      1.031606491918393,
      -0.154600494526596,
      -0.752591255569884,
      0.003949476318384526,
      0.09555000758267085,
      0.09893377928449126,
      0.35379481904943055,
      -0.009806421165089962,
      -0.025092937203123368,
      0,
      0.38690816042537124,
      0.08799689655078712,
      -0.08755658934345965,
      0.061259355405585726,
      0.2488354655100089,
      -0.055133616766050664,
      -0.09341167025833473,
      -1.2993952110997162,
      0.06386014634092084,
      -0.01370171347821024,
      -1.1554256155602969,
      -0.11748189712381561,
      0.41071020354341936,
      1.2839393941835715,
      0.6973917231224294
    ]
  },
  "continuationThreshold" : 0.4,
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
      -9.853229343548294e-16,
      0.0010695879186046941,
      1.0629531685349536,
      8.385467185980671,
      0.2666889420804122,
      -0.05042662210205599,
      3.060482483648756,
      1.717607281325502,
      0.1929465148920213,
      0.341297827944478,
      1.043953599810457,
      3.3527724898764446
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
    "share of the candidates' BM25 held by the other passages of its document",
    "similarity of its vector to the question's",
    "similarity relative to the most similar candidate's"
  ],
  "start" : {
    "weights" : [
      1.1254885912137524e-14,
      -1.1298406059364585,
      1.3923021326250677,
      -0.3632079872111272,
      0.8830774317035275,
      0.8145032392632279,
      -0.36766923245527194,
      0.13143713586530115,
      0.5449077344320002,
      1.464515189885778,
      -0.16830777095483163,
      0.4616340349799444,
      0.3420860902830648,
      -0.40633790068919073,
      -0.18451787352519403,
      0.16891333164919373,
      0.5406755993108465,
      -0.15047112331462395,
      -0.006560007990844259,
      6.869504964868156e-16,
      -0.8495172399356188,
      -0.04696740601609827,
      -0.7877486233734897,
      0.8447666183206637,
      1.3170230664818832,
      3.641699050901763,
      2.7781406735688687,
      1.995305625587122
    ]
  }
}
"""#
