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
      -3.3027826276557013,
      -0.34421211806466223,
      -0.5278054598188998,
      1.4022556182648105,
      -0.46459450456482737,
      -2.0398120427609774,
      -0.36074611919326727,
      1.20491596493357,
      3.0626643700347773,
      1.273889393154648,
      0.7116878301088163,
      -0.18514329926345438,
      1.437855327597499
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
      -0.9371226604950088,
      -0.7535491719628885,
      0.21327525567019673,
      1.0497851365952204,
      -0.1825013107221902,
      -0.6063791940591433,
      -0.07111982481445338,
      0.19880933446672738,
      0.12495624416404248,
      0.35708558510310795,
      0.14291114691478854,
      -0.14375745794702602,
      0,
      0.3996369906218896,
      0.17259345569724283,
      0.18115139342453704,
      0.16408030705276436,
      0.30452011963666253,
      -0.06882145758191709,
      0.1676108394189557,
      -1.5558871905683542,
      0.014527230922366623,
      -0.3654410720565188,
      -1.1682436694673406,
      -0.0889147965606887,
      0.7527840207526718,
      -0.18150005053890997,
      -0.4167631592672589,
      -0.07816677650417037,
      0.4461050657409288,
      0.35193630009053817,
      0.042468927531638404,
      1.7986843382189786,
      0.6517160983591086,
      -0.2422824851812501,
      -0.15146317491771782,
      1.6340914243353866,
      -0.24374744142874033
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
      -3.3306690738754696e-16,
      -1.5559223417958017,
      1.5220173604024059,
      -0.17722164026434878,
      0.9648720433453756,
      0.6358216061200102,
      0.06808470619592935,
      0.1866332178367074,
      1.2412499023481447,
      1.5307757341767978,
      0.09042385430822084,
      0.30619944492347395,
      0.35127446345651514,
      -0.37182657497269755,
      -0.14998799090885986,
      -0.008645740346146253,
      0.553153833945083,
      -0.13971707622492183,
      0.05972608276839517,
      -4.440892098500626e-16,
      -1.5642539913552254,
      -0.15303812387824356,
      -0.9301065056118578,
      0.8070886380201574,
      0.2258735097007688,
      2.642807180237924,
      0.7423535647761738,
      -0.020762571228645985,
      -0.1429853750695649,
      0.7170380144550202,
      -0.1537625643129792,
      -0.5887272346749198,
      2.9659544652341703,
      1.859943666020831,
      1.0392752131547658,
      1.1706544887387702,
      1.2478490565892715,
      0.288617652574501
    ]
  }
}
"""#
