import Foundation

/// The tensors of a `.safetensors` file (Hugging Face's format: an 8-byte little-endian header length, a JSON header
/// naming each tensor's type, shape and byte range, then the bytes), those of 32-bit floats read as ``Matrix``es.
struct SafeTensors {
    private var tensors: [String: Matrix] = [:]
    /// The file's ``Foundation/Data/contentFingerprint``, from the bytes read for the tensors.
    let fingerprint: String

    /// - Throws: ``AskError/sentenceModelUnreadable(_:)`` when the file cannot be read or is not of this format.
    init(contentsOf url: URL) throws {
        func unreadable(_ reason: String) -> AskError { .sentenceModelUnreadable("\(url.path): \(reason)") }
        let data: Data
        do {
            data = try Data(contentsOf: url, options: .mappedIfSafe)
        } catch {
            throw unreadable(error.localizedDescription)
        }
        guard data.count >= 8 else { throw unreadable("too short for a safetensors file") }
        fingerprint = data.contentFingerprint
        let headerSize = data.withUnsafeBytes { UInt64(littleEndian: $0.loadUnaligned(as: UInt64.self)) }
        guard headerSize <= UInt64(data.count - 8),
            let header = try? JSONSerialization.jsonObject(with: data.subdata(in: 8..<8 + Int(headerSize)))
                as? [String: Any]
        else { throw unreadable("not a safetensors file") }
        let start = 8 + Int(headerSize)
        for (name, entry) in header where name != "__metadata__" {
            guard let entry = entry as? [String: Any], entry["dtype"] as? String == "F32" else { continue }
            guard let shape = entry["shape"] as? [Int], let offsets = entry["data_offsets"] as? [Int],
                offsets.count == 2, (1...2).contains(shape.count), shape.allSatisfy({ $0 > 0 }),
                offsets[0] >= 0, offsets[1] - offsets[0] == 4 * shape.reduce(1, *),
                start + offsets[1] <= data.count
            else { throw unreadable("tensor \(name) is out of bounds") }
            let count = shape.reduce(1, *)
            let values = data.withUnsafeBytes { raw in
                [Float](unsafeUninitializedCapacity: count) { values, initialized in
                    for index in 0..<count {
                        values[index] = Float(bitPattern: UInt32(littleEndian: raw.loadUnaligned(
                            fromByteOffset: start + offsets[0] + 4 * index, as: UInt32.self)))
                    }
                    initialized = count
                }
            }
            tensors[name] = Matrix(rows: shape.count == 2 ? shape[0] : 1, columns: shape.last!, values: values)
        }
    }

    /// The tensor of this name (without a `bert.` prefix that some files give every name).
    func matrix(_ name: String) throws -> Matrix {
        guard let tensor = tensors[name] ?? tensors["bert." + name] else {
            throw AskError.sentenceModelUnreadable("the model has no 32-bit tensor \(name)")
        }
        return tensor
    }

    /// The one-row tensor of this name as an array (a bias, a layer norm's weights).
    func vector(_ name: String) throws -> [Float] { try matrix(name).values }
}
