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
      -2.905437946913921,
      -0.22539285841550621,
      -0.5593695472999488,
      1.576342076347055,
      -0.7301176958366944,
      -2.0513462754584415,
      -0.3459995789726996,
      0.7608083664954517,
      3.0664791076269986,
      1.1348196223876308,
      0.9212972062598703,
      -0.11440676221459053,
      1.5271694001190717
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
      -0.9224292860936345,
      -0.8010788532393649,
      0.19356268699459245,
      1.0338083012426977,
      -0.20718566415642167,
      -0.5941931923954391,
      -0.06260936559125813,
      0.19849621269580348,
      0.06640198007282862,
      0.33400297483667546,
      0.20578310119238782,
      -0.14970054058029925,
      0,
      0.41296906807609235,
      0.1628606022063822,
      0.17965732492405612,
      0.1559455159941236,
      0.3089854565176175,
      -0.032382041353105843,
      0.11357304879515605,
      -1.3774310856614762,
      -0.002953575238231611,
      -0.37402609824471184,
      -1.168498518665552,
      -0.05977987298224711,
      0.876952069098646,
      -0.190317893126556,
      -0.4108529020335029,
      -0.07163058227580307,
      0.4496133129527021,
      0.3577872353757848,
      0.021346345101495186,
      1.6668833848484612,
      0.6544734755064253,
      -0.23780465037572993,
      -0.14685039630035499,
      1.667924792545466,
      -0.2828746672773632
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
  "minimumConfidence" : 0.49,
  "note" : "MASH-QA train (2,420 questions, 796 made unanswerable) and MedQuAD dev's train half (1,000); passage ranking fitted on both, the rest on MASH-QA; threshold 0.49 chosen on MASH-QA dev and dev-unans (Scripts/built-in-model.sh)",
  "ranking" : {
    "weights" : [
      1.099120794378905e-14,
      1.7987962019104913,
      -0.016824330605539485,
      8.803475492006166,
      0.27489573811994156,
      0.09982109684042081,
      2.5710969564816435,
      2.1889971035347155,
      0.16282099349139204,
      0.2161769342703784,
      1.3104771590967321,
      3.407776459646155
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
      1.9984014443252818e-14,
      -1.5454837557467815,
      1.5201592165659137,
      -0.08020419802333746,
      0.9764735919160149,
      0.6480561820660835,
      0.07415836540880087,
      0.17537491417277837,
      1.4914859636553874,
      1.5921321058190376,
      0.07558932858631316,
      0.3739095079751775,
      0.3614657478586622,
      -0.3548723158857721,
      -0.14781488329900308,
      -0.012018820997136564,
      0.5451787838339125,
      -0.14471030761933054,
      0.0408740318710824,
      -5.273559366969494e-16,
      -1.6341778767215678,
      -0.1534894095938072,
      -0.9018712369987234,
      0.8190583666223027,
      -0.07661665794643029,
      2.8211709069957305,
      0.74290069138642,
      -0.068310811838305,
      -0.12579079436074134,
      0.7235850405347058,
      -0.15213036538414756,
      -0.5750749765040166,
      2.992687118148869,
      1.8335177443656863,
      1.049754545834248,
      1.2190951907686436,
      1.3175326590465704,
      0.620756754548948
    ]
  }
}
"""#
