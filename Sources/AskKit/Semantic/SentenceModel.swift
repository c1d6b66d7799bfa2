import Foundation

/// A BERT sentence model run in full, such as all-MiniLM-L6-v2: a text's WordPiece tokens through its transformer
/// layers, their outputs averaged into a vector of unit length, as sentence-transformers embeds with mean pooling.
///
/// Far slower than the built-in table of token vectors (``TextEmbedder``), which is distilled from the same model,
/// and closer to meaning: an option for corpora small enough to embed this way (`ask index --sentence-model DIR`).
/// The model is read from a folder as sentence-transformers saves one: `config.json`, `model.safetensors` (32-bit
/// floats), `tokenizer.json`, and `sentence_bert_config.json` for the longest text it reads. Nothing is fetched.
///
/// ```swift
/// let model = try SentenceModel(folder: URL(fileURLWithPath: "all-MiniLM-L6-v2"))
/// let vector = model.vector(for: "is it contagious")
/// ```
public struct SentenceModel: Sendable {
    /// How many numbers a vector has.
    public let dimensions: Int
    /// Identifies the model by its weights: an index records it and is rebuilt when it changes.
    public let fingerprint: String
    /// The folder it was read from.
    public let folder: URL
    /// How many tokens of a text it reads, `[CLS]` and `[SEP]` included.
    let maximumTokens: Int

    private let tokenizer: WordPieceTokenizer
    private let classToken: Int32
    private let separatorToken: Int32
    private let wordEmbeddings: Matrix
    private let positionEmbeddings: Matrix
    private let tokenTypeEmbedding: [Float]
    private let embeddingNorm: LayerNorm
    private let layers: [EncoderLayer]
    private let heads: Int

    /// Reads the model in `folder`.
    /// - Throws: ``AskError/sentenceModelUnreadable(_:)`` when a file is missing, unreadable, or describes a model
    ///   this is not (another architecture, activation, or weights that do not fit the configuration).
    public init(folder: URL) throws {
        func json(_ name: String) throws -> [String: Any] {
            let url = folder.appendingPathComponent(name)
            guard let data = try? Data(contentsOf: url),
                let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
            else { throw AskError.sentenceModelUnreadable("cannot read \(url.path) as a JSON object") }
            return object
        }
        let config = try json("config.json")
        guard let hidden = config["hidden_size"] as? Int, let heads = config["num_attention_heads"] as? Int,
            let layerCount = config["num_hidden_layers"] as? Int, hidden > 0, heads > 0, hidden % heads == 0,
            (config["hidden_act"] as? String ?? "gelu") == "gelu"
        else { throw AskError.sentenceModelUnreadable("\(folder.path)/config.json does not describe a BERT model") }
        let epsilon = Float(config["layer_norm_eps"] as? Double ?? 1e-12)
        let positions = config["max_position_embeddings"] as? Int ?? 512
        let longest = (try? json("sentence_bert_config.json"))?["max_seq_length"] as? Int ?? positions
        guard let vocabulary = (try json("tokenizer.json")["model"] as? [String: Any])?["vocab"] as? [String: Int],
            let classToken = vocabulary["[CLS]"], let separatorToken = vocabulary["[SEP]"]
        else { throw AskError.sentenceModelUnreadable("\(folder.path)/tokenizer.json has no WordPiece vocabulary") }
        var tokens = [String](repeating: "", count: (vocabulary.values.max() ?? 0) + 1)
        for (token, id) in vocabulary where id >= 0 { tokens[id] = token }

        let weights = try SafeTensors(contentsOf: folder.appendingPathComponent("model.safetensors"))
        wordEmbeddings = try weights.matrix("embeddings.word_embeddings.weight")
        positionEmbeddings = try weights.matrix("embeddings.position_embeddings.weight")
        tokenTypeEmbedding = Array(try weights.matrix("embeddings.token_type_embeddings.weight").row(0))
        embeddingNorm = try LayerNorm(weights, "embeddings.LayerNorm", epsilon: epsilon)
        layers = try (0..<layerCount).map { try EncoderLayer(weights, "encoder.layer.\($0).", epsilon: epsilon) }
        guard wordEmbeddings.columns == hidden, wordEmbeddings.rows >= tokens.count,
            positionEmbeddings.columns == hidden, tokenTypeEmbedding.count == hidden,
            layers.allSatisfy({ $0.fits(hidden: hidden) })
        else { throw AskError.sentenceModelUnreadable("\(folder.path): the weights do not fit config.json") }

        self.folder = folder
        self.heads = heads
        dimensions = hidden
        maximumTokens = max(3, min(longest, positionEmbeddings.rows))
        tokenizer = WordPieceTokenizer(vocabulary: tokens)
        self.classToken = Int32(classToken)
        self.separatorToken = Int32(separatorToken)
        fingerprint = weights.fingerprint
    }

    /// The vector of a text, of unit length: its first ``maximumTokens`` tokens through the model, averaged.
    public func vector(for text: String) -> [Float] {
        let ids = [classToken] + tokenizer.tokenIDs(text).prefix(maximumTokens - 2) + [separatorToken]
        var x = Matrix(rows: ids.count, columns: dimensions)
        for (position, id) in ids.enumerated() {
            let word = wordEmbeddings.row(Int(id)), place = positionEmbeddings.row(position)
            for column in 0..<dimensions {
                x.values[position * dimensions + column] = word[word.startIndex + column]
                    + place[place.startIndex + column] + tokenTypeEmbedding[column]
            }
        }
        embeddingNorm.apply(to: &x)
        for layer in layers { x = layer.apply(to: x, heads: heads) }
        var mean = [Float](repeating: 0, count: dimensions)
        for row in 0..<x.rows {
            for column in 0..<dimensions { mean[column] += x.values[row * dimensions + column] }
        }
        TextEmbedder.normalize(&mean)
        return mean
    }

    /// The vectors of many texts, on every core.
    public func vectors(for texts: [String]) -> [[Float]] {
        texts.concurrentMap { vector(for: $0) }
    }
}

/// Layer normalisation: each row shifted to mean 0 and scaled to variance 1, then by learned weights and biases.
private struct LayerNorm: Sendable {
    let weight: [Float]
    let bias: [Float]
    let epsilon: Float

    init(_ weights: SafeTensors, _ name: String, epsilon: Float) throws {
        weight = try weights.vector(name + ".weight")
        bias = try weights.vector(name + ".bias")
        self.epsilon = epsilon
    }

    func apply(to x: inout Matrix) {
        let columns = x.columns
        for row in 0..<x.rows {
            let start = row * columns
            var mean: Float = 0
            for column in 0..<columns { mean += x.values[start + column] }
            mean /= Float(columns)
            var variance: Float = 0
            for column in 0..<columns {
                let deviation = x.values[start + column] - mean
                variance += deviation * deviation
            }
            let scale = 1 / (variance / Float(columns) + epsilon).squareRoot()
            for column in 0..<columns {
                x.values[start + column] = (x.values[start + column] - mean) * scale * weight[column] + bias[column]
            }
        }
    }
}

/// A linear layer: weights stored `[out, in]`, and a bias.
private struct Dense: Sendable {
    let weight: Matrix
    let bias: [Float]

    init(_ weights: SafeTensors, _ name: String) throws {
        weight = try weights.matrix(name + ".weight")
        bias = try weights.vector(name + ".bias")
    }

    func apply(to x: Matrix) -> Matrix { x.timesTransposed(weight, bias: bias) }
}

/// One transformer layer of BERT: multi-head self-attention, then a feed-forward layer with GELU, each added to its
/// input and normalised.
private struct EncoderLayer: Sendable {
    let query, key, value, attentionOutput, intermediate, output: Dense
    let attentionNorm, outputNorm: LayerNorm

    init(_ weights: SafeTensors, _ prefix: String, epsilon: Float) throws {
        query = try Dense(weights, prefix + "attention.self.query")
        key = try Dense(weights, prefix + "attention.self.key")
        value = try Dense(weights, prefix + "attention.self.value")
        attentionOutput = try Dense(weights, prefix + "attention.output.dense")
        attentionNorm = try LayerNorm(weights, prefix + "attention.output.LayerNorm", epsilon: epsilon)
        intermediate = try Dense(weights, prefix + "intermediate.dense")
        output = try Dense(weights, prefix + "output.dense")
        outputNorm = try LayerNorm(weights, prefix + "output.LayerNorm", epsilon: epsilon)
    }

    /// Whether every weight has the shape a model of this width needs.
    func fits(hidden: Int) -> Bool {
        let square = [query, key, value, attentionOutput].allSatisfy {
            $0.weight.rows == hidden && $0.weight.columns == hidden && $0.bias.count == hidden
        }
        let width = intermediate.weight.rows
        return square && intermediate.weight.columns == hidden && intermediate.bias.count == width
            && output.weight.rows == hidden && output.weight.columns == width && output.bias.count == hidden
            && [attentionNorm, outputNorm].allSatisfy { $0.weight.count == hidden && $0.bias.count == hidden }
    }

    func apply(to x: Matrix, heads: Int) -> Matrix {
        let (tokens, hidden) = (x.rows, x.columns)
        let size = hidden / heads
        let (q, k, v) = (query.apply(to: x), key.apply(to: x), value.apply(to: x))
        var context = Matrix(rows: tokens, columns: hidden)
        let scale = 1 / Float(size).squareRoot()
        for head in 0..<heads {
            let columns = head * size..<(head + 1) * size
            func slice(_ m: Matrix) -> Matrix {
                var values: [Float] = []
                values.reserveCapacity(tokens * size)
                for row in 0..<tokens {
                    values += m.values[row * hidden + columns.lowerBound..<row * hidden + columns.upperBound]
                }
                return Matrix(rows: tokens, columns: size, values: values)
            }
            var scores = slice(q).timesTransposed(slice(k))
            for row in 0..<tokens {
                let start = row * tokens
                var largest = -Float.infinity
                for column in 0..<tokens { largest = max(largest, scores.values[start + column] * scale) }
                var total: Float = 0
                for column in 0..<tokens {
                    let e = exp(scores.values[start + column] * scale - largest)
                    scores.values[start + column] = e
                    total += e
                }
                for column in 0..<tokens { scores.values[start + column] /= total }
            }
            let headContext = scores.timesTransposed(slice(v).transposed)
            for row in 0..<tokens {
                for column in 0..<size {
                    context.values[row * hidden + columns.lowerBound + column] = headContext.values[row * size + column]
                }
            }
        }
        var attended = attentionOutput.apply(to: context)
        for index in attended.values.indices { attended.values[index] += x.values[index] }
        attentionNorm.apply(to: &attended)
        var widened = intermediate.apply(to: attended)
        for index in widened.values.indices {
            let value = widened.values[index]
            widened.values[index] = 0.5 * value * (1 + Foundation.erf(value / Float(2).squareRoot()))
        }
        var result = output.apply(to: widened)
        for index in result.values.indices { result.values[index] += attended.values[index] }
        outputNorm.apply(to: &result)
        return result
    }
}
