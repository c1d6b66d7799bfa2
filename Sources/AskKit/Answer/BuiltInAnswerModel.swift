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
      -3.570793802109485,
      -0.397445379686681,
      -0.35085102277885505,
      1.335574133974459,
      -0.03781388923868558,
      -1.8640425741346038,
      -0.1331560449264249,
      1.240926302469894,
      3.7497481582841132,
      0.9739651239851685,
      0.5822800526070749,
      -0.17956783400526882,
      1.3118191663023715
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
      -0.3748556900689136,
      -0.8213225384363964,
      0.27023880008169576,
      1.0503189078087447,
      -0.14312887411096895,
      -0.814052179746165,
      0.018586410573807357,
      0.14420445668747198,
      0.298532209113409,
      0.20392854479812658,
      0.3420427064272062,
      -0.19426446998116384,
      0,
      0.37761429386765777,
      0.11656296483015592,
      -0.09686963306612066,
      0.0980374405980177,
      0.2776938368053687,
      -0.05546063593678919,
      -0.052958502062006946,
      -1.3178299880257722,
      0.050032399427798406,
      0.02755485608015225,
      -1.1512498337457897,
      -0.1779823622848651,
      0.5618660249155196,
      1.3823336861162439,
      0.5763428741290959
    ]
  },
  "continuationThreshold" : 0.30000000000000004,
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
      -8.326672684688674e-17,
      -1.1285674211424193,
      1.634765147268882,
      -0.5698346843688002,
      0.9411613233249256,
      0.6239971337727473,
      -0.007368902345828102,
      0.1803461889506259,
      1.2792074861085097,
      1.5760751351364282,
      0.06247144796042451,
      0.37720150591147106,
      0.42015112742598804,
      -0.41211714398954835,
      -0.18307773283811998,
      0.06170125259419772,
      0.5140973203579053,
      -0.12070871291456439,
      0.053864634918516,
      1.4519635493925875e-15,
      -0.9611880060977156,
      -0.11366372080419955,
      -0.7563543978372861,
      0.7844605125946463,
      0.5478730893304712,
      3.5768271455403204,
      2.759030942976585,
      1.903093412218908
    ]
  }
}
"""#
