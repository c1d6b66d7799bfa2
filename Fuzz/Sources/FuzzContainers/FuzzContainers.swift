import AskKit
import Foundation
import FuzzDriver

/// Any bytes, as each zip-based format (Word, OpenDocument, EPUB): reading and chunking never crash, and every
/// passage is non-empty and points at lines (and pages) numbered from 1. PDF is left out: each input would start a
/// `pdftotext` process (9 runs a second instead of hundreds), whose robustness is poppler's, and Foundation's
/// `Process` reads past a buffer under AddressSanitizer while it starts one (in its own code, on every input).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Data(UnsafeBufferPointer(start: data, count: size))
    for case let reader as any BinaryDocumentReader in DocumentReaders.standard where !(reader is PDFReader) {
        let file = "fuzz." + reader.fileExtensions.sorted()[0]
        for document in reader.read(bytes: bytes, file: file).documents {
            precondition(document.file == file, "document of another file: \(document.file)")
            for passage in Chunker().passages(of: document) {
                precondition(!passage.text.isEmpty, "empty passage")
                precondition(passage.lines.lowerBound >= 1, "lines \(passage.lines) before line 1")
                precondition(passage.page.map { $0 >= 1 } ?? true, "page \(passage.page!) before page 1")
            }
        }
    }
    return 0
}

/// The entry SwiftPM links an executable through: libFuzzer's driver, with the target above.
@_cdecl("FuzzContainers_main")
public func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc: argc, argv: argv) { fuzz($0, $1) }
}
