import Foundation

/// Lists of nearby passage vectors, so that a search reads only the lists whose centres lie nearest the question
/// (an inverted-file index, IVF): spherical k-means centroids, one per list.
///
/// A full build fits them in two levels, so that assigning a million vectors costs `2 √lists` dot products each
/// instead of `lists`: coarse centroids on a sample, then fine ones within each coarse cluster's share of it. A
/// vector belongs to the nearest fine centroid of its nearest coarse one; incremental builds put new vectors in the
/// list of the nearest centroid of all.
struct VectorClusters: Sendable {
    /// Unit-length centroids; a list's number is its centroid's position.
    var centroids: [[Float]]

    /// An index of fewer passages is searched exactly, one list; from this many on, it is clustered.
    static let clusteringThreshold = 50_000
    /// About this many passages per list.
    static let passagesPerList = 1_000
    /// How many lists a search reads. Eight hold 0.44 of the exact search's nearest 20 passages at 1M synthetic
    /// passages and about 0.6 on real text (MASH-QA, MedQuAD and SciFact together, 37,509 passages in 930 lists of
    /// 40), yet ranking hardly depends on them there. With this build on that index, reading 8 / 6 / 4 lists: MASH-QA
    /// dev recall@3 0.701 / 0.702 / 0.703 (f1_all 0.1859 / 0.1862 / 0.1867), MedQuAD dev nDCG@10 0.7404 / 0.7398 /
    /// 0.7396, SciFact train 0.6691 / 0.6691 (8 and 6). Six take a quarter off the scan: `engine.ask` p50 at 1M 5.81-
    /// 6.18 ms -> 5.04-5.81 ms in four alternating rounds (Benchmarks' `ann-recall`, `ask eval` and `latency`; see
    /// its README).
    static let probedLists = 6
    /// At most this many vectors per coarse centroid are sampled to fit centroids.
    static let samplePerCentroid = 64
    /// Rounds of k-means.
    static let iterations = 8

    /// Fits lists for a full build's vectors, and assigns each vector to one.
    /// - Returns: the clusters and each vector's list, in the vectors' order.
    static func fit(_ vectors: [PassageVector]) -> (clusters: VectorClusters, lists: [Int32]) {
        let listCount = max(1, vectors.count / passagesPerList)
        let coarseCount = max(1, Int(Double(listCount).squareRoot().rounded()))
        let fineCount = max(1, listCount / coarseCount)
        let sampleSize = min(vectors.count, coarseCount * fineCount * samplePerCentroid)
        let step = Double(vectors.count) / Double(sampleSize)
        let sample = (0..<sampleSize).map { vectors[Int(Double($0) * step)].floats }
        let coarse = kMeans(sample, count: coarseCount)
        var members = [[[Float]]](repeating: [], count: coarse.count)
        for vector in sample { members[nearest(to: vector, among: coarse)].append(vector) }
        let fine = members.map { kMeans($0, count: fineCount) }
        var offsets: [Int] = []
        var centroids: [[Float]] = []
        for group in fine {
            offsets.append(centroids.count)
            centroids += group
        }
        let lists = vectors.concurrentMap { [offsets] vector in
            let floats = vector.floats
            let group = nearest(to: floats, among: coarse)
            return Int32(offsets[group] + nearest(to: floats, among: fine[group]))
        }
        return (VectorClusters(centroids: centroids), lists)
    }

    /// The list a new vector belongs to.
    func list(for vector: PassageVector) -> Int32 {
        Int32(Self.nearest(to: vector.floats, among: centroids))
    }

    /// The `count` lists whose centroids lie nearest a unit vector, nearest first.
    func nearestLists(to vector: [Float], count: Int) -> [Int32] {
        // Sorting all 1,000 of a 1M index took about as long as their dot products (perf, `latency` at 1M).
        var nearest = MostSimilar<Int32>(limit: min(count, centroids.count))
        for (list, centroid) in centroids.enumerated() {
            nearest.offer(Int32(list), similarity: TextEmbedder.dot(centroid, vector))
        }
        return nearest.kept.map(\.item)
    }

    /// Spherical k-means, started from vectors evenly spaced through `vectors`: deterministic (each round's
    /// assignments are found in parallel, then summed in order).
    private static func kMeans(_ vectors: [[Float]], count: Int) -> [[Float]] {
        guard !vectors.isEmpty else { return [] }
        let count = min(count, vectors.count)
        var centroids = (0..<count).map { vectors[$0 * vectors.count / count] }
        for _ in 0..<iterations {
            let nearest = vectors.concurrentMap { [centroids] in Self.nearest(to: $0, among: centroids) }
            var sums = [[Float]](repeating: [Float](repeating: 0, count: vectors[0].count), count: count)
            for (vector, nearest) in zip(vectors, nearest) {
                for index in vector.indices { sums[nearest][index] += vector[index] }
            }
            for index in centroids.indices where sums[index].contains(where: { $0 != 0 }) {
                centroids[index] = sums[index]
                TextEmbedder.normalize(&centroids[index])
            }
        }
        return centroids
    }

    private static func nearest(to vector: [Float], among centroids: [[Float]]) -> Int {
        var best = 0
        var bestSimilarity = -Float.infinity
        for (index, centroid) in centroids.enumerated() {
            let similarity = TextEmbedder.dot(centroid, vector)
            if similarity > bestSimilarity { (best, bestSimilarity) = (index, similarity) }
        }
        return best
    }
}
