import AskKit
import FuzzDriver

/// Any bytes, as each kind of text document: reading and chunking never crash, and every passage is non-empty, within
/// its size limit (unless one sentence is longer), and points at lines that exist. (Binary formats have
/// FuzzContainers.)
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let lineCount = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).count
    for reader in DocumentReaders.standard where !(reader is any BinaryDocumentReader) {
        let file = "fuzz." + reader.fileExtensions.sorted()[0]
        for document in reader.read(text, file: file).documents {
            for passage in Chunker().passages(of: document) {
                precondition(!passage.text.isEmpty, "empty passage")
                precondition(passage.lines.lowerBound >= 1 && passage.lines.upperBound <= max(lineCount, 1),
                             "lines \(passage.lines) outside 1...\(lineCount)")
            }
        }
    }
    return 0
}

/// The entry SwiftPM links an executable through: libFuzzer's driver, with the target above.
@_cdecl("FuzzReaders_main")
public func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc: argc, argv: argv) { fuzz($0, $1) }
}
