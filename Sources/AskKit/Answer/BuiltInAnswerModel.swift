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
      -3.195725972123876,
      -0.29220121907266333,
      -0.724119769061158,
      1.4374554216919408,
      -0.5598926880706139,
      -2.0338262428262026,
      -0.15094134495966843,
      1.1290334941758498,
      3.0002355180435667,
      1.2071496319424135,
      0.7731099216859648,
      -0.18497496679023587,
      1.47788429310398
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
    "margin of the first sentence's probability over the next best's",
    "share of the question's weight its document holds three times or more",
    "log(1 + occurrences in its document of the less frequent of the question's two rarest concepts)",
    "share of the question's neighbouring concepts standing together somewhere in its document"
  ],
  "continuation" : {
    "weights" : [
      -0.9666894423589706,
      -0.7422923004109329,
      0.20644958220905005,
      1.0560392334882627,
      -0.18289491248991865,
      -0.6044766524457177,
      -0.06959949537586071,
      0.19442541137467276,
      0.11966079763019745,
      0.34974445737306753,
      0.1509392414431992,
      -0.14533740039589993,
      0,
      0.4046093752302775,
      0.177832037041339,
      0.18163407797397713,
      0.13680195213761412,
      0.30764027248503034,
      -0.06715741467103611,
      0.1660666755512643,
      -1.5601412946448354,
      0.0069824972782403585,
      -0.3548585178008331,
      -1.166440783327658,
      -0.09145502778568305,
      0.7489257426220232,
      1.790863339630303,
      0.6371966726183583,
      -0.2708850890051787,
      -0.1341757817596134,
      1.636536126566572,
      -0.19974474893013963
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
    "local coverage of the sentence and the two after it together",
    "similarity of the sentence's vector to the question's (0 without meaning)",
    "similarity relative to the most similar of these sentences",
    "similarity of the sentence and the two after it together",
    "similarity of its passage's vector to the question's"
  ],
  "maximumSentences" : 5,
  "minimumConfidence" : 0.49,
  "note" : "MASH-QA train (2,420 questions, 796 made unanswerable) and MedQuAD dev's train half (1,000); passage ranking fitted on both, the rest on MASH-QA; threshold 0.49 chosen on MASH-QA dev and dev-unans (Scripts/built-in-model.sh)",
  "ranking" : {
    "weights" : [
      -4.884981308350689e-15,
      2.17323655316859,
      -0.17158100524839084,
      8.790336504343152,
      0.25010916459186144,
      0.11491247491595485,
      2.633184366775544,
      2.1926231033968246,
      0.1559869084030681,
      0.22813996048989235,
      1.3314715520094929,
      3.2936044710332406
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
      1.7541523789077473e-14,
      -1.5946372578857186,
      1.5338343477634715,
      -0.18594482056194514,
      0.9679902174038991,
      0.6211889045736848,
      0.06677632374795922,
      0.18314422537610933,
      1.2049264478853918,
      1.5356178582161633,
      0.08969290753658513,
      0.306038805618444,
      0.35730645397841254,
      -0.3651113380281248,
      -0.15212426915483337,
      -0.02220409186282474,
      0.47407581524075515,
      -0.14277812940885626,
      0.08198313942396541,
      -2.220446049250313e-16,
      -1.541906695422757,
      -0.15013236074553277,
      -0.9327375406468943,
      0.8068576823454573,
      0.22334022562673075,
      2.6592474759064753,
      2.969955608791031,
      1.8710638974444265,
      1.0337416047115522,
      1.1765796863396558,
      1.2459161403755203,
      0.28238377572550677
    ]
  }
}
"""#
