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
      -3.073928875566143,
      -0.36759365452618153,
      -0.5137886262716082,
      1.4469459619410525,
      -0.5710783366211204,
      -2.041540996935172,
      -0.10638341772467032,
      0.7396822833674774,
      3.076726135989939,
      1.0963734076667149,
      0.9043663861293153,
      -0.12913680001839214,
      1.548532376337455
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
      -1.4050095935326319,
      -0.6808543845509963,
      0.14389575269087154,
      1.0259389367676421,
      -0.276563875230934,
      -0.5411561061220486,
      -0.10499985461616587,
      0.11541180758303829,
      0.04744909632779069,
      0.3819021128921223,
      0.24646269308384292,
      -0.12353200533201213,
      0,
      0.3657202139774324,
      0.27847521004145953,
      0.17629305024747105,
      0.1520249994542481,
      0.326411930512564,
      -0.03747257962385539,
      0.16004868267580363,
      -1.360124606349662,
      0.0046271260563967775,
      -0.47223698306211775,
      -1.2476334772438622,
      -0.0449065361508292,
      0.9434467948977259,
      -0.19577555778399763,
      -0.41093633728719303,
      -0.05282817328453481,
      0.3818897817553996,
      0.4098759158391549,
      0.019799370215420012,
      1.4640776941237161,
      0.769421986672616,
      -0.12350242035516472,
      0.04133928688104417,
      1.4439942823710283,
      -0.12062918388439059
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
    "answer shape, when the question asks for duration",
    "answer shape, when the question asks for definition",
    "answer shape, when the question asks for cause",
    "answer shape, when the question asks for risk",
    "answer shape, when the question asks for comparison",
    "answer shape, when the question asks for howTo",
    "local coverage: concepts weighted by how rare they are among these sentences (the part asked, not the topic)",
    "local coverage of the sentence and the two after it together",
    "similarity of the sentence's vector to the question's (0 without meaning)",
    "similarity relative to the most similar of these sentences",
    "similarity of the sentence and the two after it together",
    "similarity of its passage's vector to the question's"
  ],
  "maximumSentences" : 5,
  "minimumConfidence" : 0.48,
  "note" : "MASH-QA train (2,420 questions, 796 made unanswerable) and MedQuAD dev's train half (1,000); passage ranking fitted on both, the rest on MASH-QA; threshold 0.48 chosen on MASH-QA dev and dev-unans (Scripts/built-in-model.sh)",
  "ranking" : {
    "weights" : [
      1.734723475976807e-14,
      1.796358964405422,
      -0.01608714599743604,
      8.80377189818207,
      0.27484646324783,
      0.09986556875831623,
      2.57119104030935,
      2.1889921771681213,
      0.16303699661044468,
      0.21648429270164946,
      1.3103784704913244,
      3.4080310437441566
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
      1.2212453270876738e-15,
      -1.405536363229074,
      1.4811010358542531,
      -0.13232560568556212,
      1.1667130480017964,
      0.15609037158090455,
      0.07235642111352843,
      0.20737948319044852,
      1.53164024540908,
      1.58404896654115,
      0.04975553739913062,
      0.35722204561990184,
      0.4267608813948328,
      -0.36205608917266974,
      -0.13912163316169,
      -0.014879175378096111,
      0.49917126340521367,
      -0.1520992663293675,
      0.0597349170187226,
      -4.163336342344337e-16,
      -1.6403977092760842,
      -0.1320353244037476,
      -0.9566680528481724,
      0.8282494406057211,
      -0.10103852669667569,
      2.810199627218151,
      0.7800244416366243,
      0.01261640871238652,
      -0.08546200180414143,
      0.69276968903527,
      -0.3644814942459657,
      -0.5362957799289633,
      2.85500867882448,
      1.8508444158113646,
      0.8029251861634769,
      1.424285112228378,
      1.3953004152768216,
      0.5705625074702998
    ]
  }
}
"""#
