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
      -3.3068332091240973,
      0.036541942412515106,
      -0.441300610804341,
      1.5279583819320137,
      -0.5906731819887849,
      -1.9763544165176479,
      -0.4926192090208265,
      1.2225183506572141,
      3.1178237409569207,
      1.064473894087765,
      0.6921301955156424,
      -0.1388830237877386,
      1.265237600644667
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
      -0.8987234864012836,
      -0.7329650990076779,
      0.2413330390658286,
      1.040706480271032,
      -0.17703554729221577,
      -0.6074581007775317,
      -0.06289565086934065,
      0.16207443599691831,
      0.15532478093917781,
      0.19143490280938408,
      0.3137099635623932,
      -0.1740784803401099,
      0,
      0.4084004831029932,
      0.15426803362624394,
      0.161548945193327,
      0.11922828452842049,
      0.3072429699824002,
      -0.05377693978297023,
      -0.08380961971984507,
      -1.5297743543156035,
      0.03290109375179065,
      -0.2797021382911846,
      -1.1316354191865245,
      -0.10760595461409264,
      0.6980536111259914,
      1.6979147072007335,
      0.5988191847300508,
      -0.3037503403227311,
      -0.14131260828147893,
      1.6349484193803863,
      -0.1757069509651341
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
      -5.240252512118105e-14,
      2.1760027716068877,
      -0.11096049904104534,
      8.696695757180022,
      0.2831455132291367,
      0.12883307468214816,
      2.6598710321858805,
      1.7354170903259245,
      0.138217702423035,
      0.06622833655261487,
      1.3528793573647235,
      3.3650834006859798
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
      1.9872992140790302e-14,
      -1.638050477882561,
      1.5337288840638208,
      -0.3543822239669135,
      0.9587190603624961,
      0.611366695928094,
      -0.04166802731549285,
      0.17910591059284284,
      1.2035449113772039,
      1.6229596369596566,
      0.04912647951803007,
      0.2564246559258222,
      0.3749182537196965,
      -0.3533473476808662,
      -0.14840377618775794,
      -0.03771168924440083,
      0.4397124692117213,
      -0.12441229276306613,
      0.12836927861292433,
      5.967448757360216e-16,
      -1.4385033954642596,
      -0.13858066774553807,
      -0.9136944154123742,
      0.8165432584405047,
      0.21326159237684647,
      2.789530971941909,
      2.908211287529864,
      1.833928753938093,
      0.9626869991014657,
      1.218355923780516,
      1.248019837387523,
      0.11702256208325604
    ]
  }
}
"""#
