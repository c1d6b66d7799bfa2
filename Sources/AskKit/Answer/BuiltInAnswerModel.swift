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
      -3.070837396903122,
      -0.1377053227519081,
      -0.7585103150095277,
      1.469249931732748,
      -0.7047667024733854,
      -2.0476882313026343,
      -0.2153787732712898,
      1.1391436774715051,
      3.015772680774144,
      1.213486161311796,
      0.769591357789073,
      -0.16987959207304268,
      1.452397075852449
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
      -0.9713164190252626,
      -0.7432521051876831,
      0.20559538203654093,
      1.0579514620063717,
      -0.18554336144548644,
      -0.6044640668257623,
      -0.06601107635888602,
      0.19771395870424827,
      0.1374686029998715,
      0.32721527783003573,
      0.14934905560541012,
      -0.14538128396011482,
      0,
      0.41279008630430364,
      0.17710869291927803,
      0.18097265547459626,
      0.14923374976011786,
      0.30788530675617615,
      -0.054518100535009585,
      0.18193834022149774,
      -1.548795512547548,
      0.010204361065637586,
      -0.35329251679983353,
      -1.1654140329825708,
      -0.0887619697012902,
      0.7403212430582287,
      1.771182379377788,
      0.6375606488501372,
      -0.2848098482749152,
      -0.12623990192395307,
      1.6352077194193746,
      -0.19464115706368765
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
      1.0824674490095276e-15,
      2.1391571720824105,
      -0.16250443775743595,
      8.793666459732588,
      0.2616042833230912,
      0.11297736619252537,
      2.664452131583624,
      2.1903272389343837,
      0.1634401643085488,
      0.17956367956570868,
      1.3192111233271715,
      3.2989423821502863
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
      -1.2212453270876722e-15,
      -1.59788803766606,
      1.5291760550726408,
      -0.1867653838148659,
      0.9728378354330053,
      0.6209477177483206,
      0.06760598342432257,
      0.19170168798504972,
      1.2111560209669614,
      1.5564471209081707,
      0.04598436262877892,
      0.30769657897647706,
      0.360028712964369,
      -0.36085496014413493,
      -0.15092479876612588,
      -0.025232383464477922,
      0.4918284925826808,
      -0.14293565372858363,
      0.08434252124875381,
      -7.216449660063518e-16,
      -1.5391084119683611,
      -0.14439748235745148,
      -0.9427284229986912,
      0.8082148649130785,
      0.22858272315047476,
      2.6843320309955008,
      2.9796377659583375,
      1.8749327801078195,
      1.0211449375977104,
      1.1850634610894946,
      1.255973644906749,
      0.28485406119895235
    ]
  }
}
"""#
