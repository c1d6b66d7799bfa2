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
      -3.581962267187007,
      0.17108739442725518,
      -0.36729765763902694,
      1.376585510197898,
      0.041824192182822725,
      -1.8972087010822072,
      -0.38497867372424693,
      1.2204558103248897,
      3.694049710537183,
      0.7904209246884464,
      0.6534975065845683,
      -0.17241171151668735,
      1.27378092910101
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
      -0.5148576119698741,
      -0.8764253601939451,
      0.2467234373566344,
      1.0375077775981243,
      -0.14142784011119566,
      -0.8164153961288944,
      0.02089315497128687,
      0.14734397797110968,
      0.29961700983477646,
      0.2008958740431752,
      0.34186081046694566,
      -0.1954934176229582,
      0,
      0.3780328068503297,
      0.10499859642133376,
      -0.10045309206148843,
      0.09601161448004582,
      0.2747439697919939,
      -0.039926228276225176,
      -0.0327169202036144,
      -1.3979118813925848,
      0.047198753465140283,
      0.029581052583495557,
      -1.1484587118931946,
      -0.16431172468153277,
      0.6300641566957612,
      1.4213830229014321,
      0.574441997405084,
      0.4667522212573007,
      -0.0611131580940136
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
    "similarity relative to the most similar of these sentences"
  ],
  "maximumSentences" : 5,
  "minimumConfidence" : 0.5,
  "note" : "MASH-QA train (2,420 questions, 796 made unanswerable) and MedQuAD dev's train half (1,000); passage ranking fitted on both, the rest on MASH-QA; threshold 0.5 chosen on MASH-QA dev and dev-unans (Scripts/built-in-model.sh)",
  "ranking" : {
    "weights" : [
      6.994405055138486e-15,
      2.1759700106628412,
      -0.11095161353609509,
      8.69666895507595,
      0.2831371833588847,
      0.12884265403017942,
      2.6598694552076485,
      1.7354359183711903,
      0.13821698814410358,
      0.06622364171591628,
      1.3529017735063962,
      3.3650994260518177
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
      -2.4313884239290928e-14,
      -1.7440362954181612,
      1.5279148065558088,
      -0.5323298125613065,
      0.9385073056981236,
      0.5867442514226074,
      -0.012739656810141482,
      0.18402566317842092,
      1.3612326779619517,
      1.492060968567595,
      0.07799302686682645,
      0.37867895347900765,
      0.3857344119763464,
      -0.396412702602405,
      -0.15185944734886003,
      0.06157724398374587,
      0.4283485665079447,
      -0.13581020832552038,
      0.10973634850876053,
      1.0824674490095276e-15,
      -1.4468076753183918,
      -0.1378152041896361,
      -0.814158528695249,
      0.7795539312543214,
      0.5644575296414004,
      3.5734691184455305,
      2.9459181832797103,
      1.9061146275313157,
      1.2625564802752507,
      1.37792319339584
    ]
  }
}
"""#
