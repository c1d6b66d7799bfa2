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
      -3.4972932018174876,
      0.3216254282088132,
      -0.29825857438740994,
      1.4346470216490497,
      -0.03245328885992427,
      -1.9095334155997281,
      -0.6033718345754637,
      1.2132174452453626,
      3.7139674262880225,
      0.7865236177798075,
      0.6854181496879744,
      -0.16687693790811467,
      1.2773682299902165
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
      -0.8673833649162844,
      -0.7695623873014601,
      0.27759664300528547,
      0.9955990674873981,
      -0.13632432813535017,
      -0.7940466954728133,
      0.017037800391500033,
      0.07139755003225498,
      0.30693717997220676,
      0.19438506390989915,
      0.35340732445594114,
      -0.19674797530816826,
      0,
      0.4217605852838757,
      0.13196997238257108,
      -0.10496811132972174,
      0.1081824584140123,
      0.2837746602743147,
      -0.055029595577238855,
      -0.011340476657254298,
      -1.4043548554622316,
      0.03990934755762755,
      -0.16155918775208697,
      -1.146255074669949,
      -0.13320396792043723,
      0.7294274321325563,
      1.5318703604348602,
      0.5197464741398755,
      -0.304806928226462,
      -0.1777142515689349,
      1.6978194095459016,
      -0.37921436880983106
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
      9.99634403031635e-16,
      -1.7006033054485892,
      1.5344920601282053,
      -0.5453853667922633,
      0.9409333773912735,
      0.5820440582206604,
      -0.008562278083185902,
      0.12484295887354963,
      1.4247531480599467,
      1.4682612911301811,
      0.07647113319086575,
      0.3838125424372071,
      0.3955375059011632,
      -0.3763586693931225,
      -0.1437639549882301,
      0.05788235762109754,
      0.43055544278831587,
      -0.13603373427203738,
      0.1076833124158689,
      1.317305639569888e-16,
      -1.4640053711059415,
      -0.13972844729592568,
      -0.9423288799027388,
      0.7814279159278215,
      0.5538117700857409,
      3.5638988307953565,
      3.015491156819644,
      1.8508732033101871,
      1.029039863760781,
      1.1687322276606882,
      1.3123074893343658,
      0.009632010832425675
    ]
  }
}
"""#
