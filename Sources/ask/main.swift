import AskKit
import Foundation
for path in CommandLine.arguments.dropFirst() {
    let url = URL(fileURLWithPath: path)
    let text = try String(contentsOf: url, encoding: .utf8)
    let docs = PlainTextReader().read(text, file: url.lastPathComponent).documents
    for d in docs {
        for p in Chunker().passages(of: d) {
            print("[\(p.title)] {\(p.section ?? "-")} \(p.lines) (\(p.text.split(separator: " ").count)w)\n  \(p.text)\n")
        }
    }
}
