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
      -5.009483180810948,
      2.6921984666664556,
      -0.044875400796639126,
      1.0330539960897522,
      0.5214021515805829,
      -0.06814349640315548,
      -0.18413994225177216,
      0.7241445927225143,
      1.3474100676538898,
      0.9735594810645916
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
      -0.24496871942504564,
      -0.9583194994936037,
      0.37605488909831436,
      1.029131610140552,
      -0.1916839676775196,
      -0.5488651019073365,
      -0.10656062479193747,
      0.10533616219132412,
      0.047855000105274645,
      0.3348908401894221,
      0.0712908152689015,
      0.018119049187553835,
      0,
      0.37212234740197325,
      0.09648894507634663,
      -0.19077512989312514,
      0.1135285776094316,
      0.30013485898121917,
      -0.10577820175117077,
      -0.194826631166509,
      -1.2057699929300716,
      0.07100494730339763,
      0.05631487217851855,
      -1.1306729370515665,
      -0.1200034019236437,
      0.5257694972300828,
      1.2929375779693038,
      0.6116595353756012
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
      -3.297362383136715e-14,
      -0.14613625637636818,
      2.086480944979603,
      7.355408126848094,
      0.8381257755488314,
      0.018954636320987664,
      3.19587349781718,
      1.7998341130823143,
      0.366708972601025,
      -0.3915265662770154
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
      -1.1213252548714081e-14,
      -0.92796022874363,
      1.343977458602267,
      -0.47142344988128165,
      0.8838620630873635,
      0.7949039204869228,
      -0.3665963124132267,
      0.17565327864214825,
      0.6814761025190985,
      1.4614636824155018,
      -0.33697052543106265,
      0.483235868244093,
      0.3343644444042341,
      -0.4100051660558606,
      -0.19469360324760557,
      -0.026591105307646336,
      0.5318162958916681,
      -0.18265506803333673,
      0.028695784862754405,
      -8.881784197001252e-16,
      -0.8919229089898918,
      -0.03155036601901214,
      -0.8720518715647354,
      0.8761969173874283,
      1.5539097460980038,
      3.3438711400258696,
      2.6791543909920694,
      2.0223736050986294
    ]
  }
}
"""#
