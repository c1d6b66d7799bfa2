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
      -5.018236864779274,
      2.7798895606937184,
      0.09498262888117406,
      0.9010432556897063,
      0.6866607102510044,
      -0.11053979839807641,
      -0.31100574309443724,
      0.7131149907027199,
      1.275942829374971,
      0.9056927185751279
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
      -0.33331956035610594,
      -0.9088518095714672,
      0.331716702086133,
      1.1344916549000879,
      -0.18143867923883644,
      -0.5597894101905287,
      -0.09537055776117985,
      0.11059670378389008,
      0.13471388992985472,
      0.2650682092317805,
      0.1302946457021372,
      -0.036944280828277914,
      0,
      0.3571876881763921,
      0.10770674311438089,
      -0.20146358040115614,
      0.002974970681950998,
      0.2904616050151624,
      -0.07094845207139126,
      -0.034583263879322604,
      -1.1431001579731959,
      0.06511026330075588,
      -0.06393624051588881,
      -1.1292102209673764,
      -0.07005491374845413,
      0.3751084561390261,
      1.1947364943274938,
      0.713258991872681
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
  "minimumConfidence" : 0.08,
  "note" : "MASH-QA train (2,420 questions, 796 made unanswerable) and MedQuAD dev's train half (1,000); passage ranking fitted on both, the rest on MASH-QA; threshold 0.08 chosen on MASH-QA dev and dev-unans (Scripts/built-in-model.sh)",
  "ranking" : {
    "weights" : [
      2.4534797208198428e-14,
      -0.1988426801776569,
      2.055518231757652,
      7.3730782873705305,
      0.8491387379843722,
      0.05991520591748593,
      3.1973546340664396,
      0.8318665222613701,
      0.36376831386475067,
      -0.3945312201873994
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
      -1.3489209749195652e-14,
      -0.8372131526532225,
      1.3039743087980735,
      -0.40889371268068,
      0.9055222502235513,
      0.8001084373199376,
      -0.36687767441390345,
      0.16750561859657065,
      0.5803316582581303,
      1.503959457319261,
      -0.25883871375643674,
      0.3872588066814035,
      0.3493592146467205,
      -0.40592124109851574,
      -0.1936122092018286,
      -0.012394173317223407,
      0.42443597335713634,
      -0.1773609083534848,
      0.018675040369160005,
      7.216449660063518e-16,
      -0.9984825102299383,
      -0.0009581734039260366,
      -0.878548648390815,
      0.8641965275564861,
      1.520855893271441,
      3.237091363828617,
      2.662285560565577,
      2.0530450131309204
    ]
  }
}
"""#
