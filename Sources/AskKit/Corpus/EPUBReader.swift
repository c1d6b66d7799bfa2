import Foundation

/// Reads EPUB books: the chapters of the reading order (the package's spine), each an XHTML file read as HTML is,
/// each a document of its own named `book.epub#chapter-path` with the book's title; citations give the lines of
/// the chapter's file inside the book. A chapter whose path would leave the book (`..`) is skipped with a warning;
/// the book is never unpacked to disk.
public struct EPUBReader: BinaryDocumentReader {
    public let fileExtensions: Set<String> = ["epub"]

    /// Creates the reader.
    public init() {}

    public func read(bytes: Data, file: String) -> DocumentsRead {
        do {
            var container = try ZipContainer(bytes)
            guard let manifest = try container.member("META-INF/container.xml").flatMap(XMLEvent.events(of:)),
                let packagePath = Self.attribute("full-path", ofFirst: "rootfile", in: manifest),
                let package = try container.member(packagePath).flatMap(XMLEvent.events(of:))
            else {
                return DocumentsRead(documents: [], warnings: ["not an EPUB book: no readable package document"])
            }
            let title = OfficeText.firstText(of: "title", in: package)
            var documents: [SourceDocument] = []
            var warnings: [String] = []
            for href in Self.chapters(in: package) {
                guard let path = Self.resolve(href, from: packagePath) else {
                    warnings.append("\(file): skipped chapter \(href): its path leaves the book")
                    continue
                }
                guard let chapter = try container.text(path) else {
                    warnings.append("\(file): skipped chapter \(path): not in the book")
                    continue
                }
                let id = "\(file)#\(path)"
                for var document in HTMLReader().read(chapter, file: file).documents where !document.lines.isEmpty {
                    document.id = id
                    document.statedTitle = title ?? document.statedTitle
                    documents.append(document)
                }
            }
            if documents.isEmpty { warnings.insert("an EPUB book without text", at: 0) }
            return DocumentsRead(documents: documents, warnings: warnings)
        } catch {
            return DocumentsRead(documents: [], warnings: ["damaged EPUB book: \(error)"])
        }
    }

    /// The paths of the spine's XHTML items, in reading order, as the package writes them; the navigation document
    /// is left out.
    static func chapters(in package: [XMLEvent]) -> [String] {
        var items: [String: String] = [:]
        var order: [String] = []
        for event in package {
            guard case .start(let name, let attributes) = event else { continue }
            if name == "item", let id = attributes["id"], let href = attributes["href"],
                attributes["media-type"] == "application/xhtml+xml",
                !(attributes["properties"] ?? "").split(separator: " ").contains("nav")
            {
                items[id] = href
            } else if name == "itemref", let id = attributes["idref"], attributes["linear"] != "no" {
                order.append(id)
            }
        }
        return order.compactMap { items[$0] }
    }

    /// The archive path of `href`, relative to the package document's folder, percent-decoded; `nil` when it is
    /// absolute or climbs out of the book.
    static func resolve(_ href: String, from packagePath: String) -> String? {
        let target = (href.removingPercentEncoding ?? href).split(separator: "#", maxSplits: 1).first.map(String.init) ?? ""
        guard !target.hasPrefix("/"), !target.isEmpty else { return nil }
        var parts = packagePath.split(separator: "/").dropLast().map(String.init)
        for part in target.split(separator: "/") {
            switch part {
            case ".": continue
            case "..":
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            default: parts.append(String(part))
            }
        }
        return parts.joined(separator: "/")
    }

    private static func attribute(_ attribute: String, ofFirst element: String, in events: [XMLEvent]) -> String? {
        for case .start(element, let attributes) in events {
            if let value = attributes[attribute] { return value }
        }
        return nil
    }
}
