/// Words dropped from questions before searching: function words, the framing of spoken questions
/// ("can I", "what is the difference between", "when can I start", "what does … mean"), and the people a question
/// is asked for ("my mom", "my husband"), which are never what it asks about. They still count when the engine
/// decides what kind of question it is. "Mean", "define" and "definition" frame a question as "what is" does:
/// searched for, they weighed as the rarest word in a corpus without them, so that "what does osteopenia mean"
/// abstained (dropped: MASH-QA dev false abstention 0.009 -> 0.008, f1_all, dev-unans, the seeds, MedQuAD and
/// SciFact unchanged; `Benchmarks/Questions/plain-questions.jsonl` 4 -> 3 of 28 abstained wrongly).
public enum StopWords {
    /// The English list.
    public static let english: Set<String> = [
        "a", "about", "after", "again", "all", "also", "am", "an", "and", "any", "are", "as", "at", "be",
        "because", "been", "before", "being", "both", "but", "by", "can", "could", "did", "do", "does", "doing",
        "done", "each", "exactly", "for", "from", "had", "has", "have", "having", "he", "her", "here", "hers",
        "him", "his", "how", "i", "if", "in", "into", "is", "it", "its", "just", "kind", "know", "let", "like",
        "me", "might", "mine", "more", "most", "much", "must", "my", "myself", "need", "needs", "no", "nor",
        "not", "now", "of", "off", "ok", "okay", "on", "once", "only", "or", "other", "our", "ours", "out",
        "own", "please", "really", "s", "same", "shall", "she", "should", "so", "some", "such", "t", "tell",
        "than", "that", "the", "their", "theirs", "them", "then", "there", "these", "they", "thing", "things",
        "this", "those", "through", "to", "too", "under", "until", "up", "us", "use", "used", "very", "want",
        "was", "way", "we", "were", "what", "whats", "when", "where", "which", "while", "who", "whom", "whose",
        "why", "will", "with", "would", "you", "your", "yours", "yourself", "d", "ll", "m", "re", "ve", "actually",
        "anything", "something", "someone", "get", "got", "getting", "go", "going", "make", "makes", "take",
        "takes", "give", "gives", "put", "puts", "say", "says", "said", "long", "many", "soon", "ever", "even",
        "still", "yet", "difference", "differences", "between", "versus", "vs", "compare", "compared", "start",
        "starting", "begin", "mom", "mum", "mother", "dad", "father", "husband", "wife", "son", "daughter", "grandma",
        "grandmother", "grandpa", "grandfather", "parent", "parents", "friend", "sister", "brother", "aunt", "uncle",
        "really", "without", "exactly", "again", "goes", "went", "gone", "mean", "means", "meaning", "define",
        "definition", "itself", "himself", "herself", "themselves", "ourselves", "yourselves",
    ]
}
