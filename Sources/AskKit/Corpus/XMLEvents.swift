import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The elements and text of an XML document, in order, read with Foundation's `XMLParser` (external entities are
/// never resolved). Element and attribute names are local: `w:p` is `p`, whatever prefix the document binds.
enum XMLEvent: Equatable {
    case start(String, attributes: [String: String])
    case end(String)
    case text(String)

    /// The events of `data`; `nil` when it is not well-formed XML, or not UTF-8 (as the XML of Word, OpenDocument
    /// and EPUB files is): Foundation's parser traps on names that are not valid UTF-8 (found by FuzzContainers).
    static func events(of data: Data) -> [XMLEvent]? {
        guard String(data: data, encoding: .utf8) != nil else { return nil }
        let parser = XMLParser(data: data)
        parser.shouldResolveExternalEntities = false
        let collector = Collector()
        parser.delegate = collector
        guard parser.parse() else { return nil }
        collector.flushText()
        return collector.events
    }

    /// The name without its namespace prefix.
    static func localName(_ name: String) -> String {
        name.lastIndex(of: ":").map { String(name[name.index(after: $0)...]) } ?? name
    }

    private final class Collector: NSObject, XMLParserDelegate {
        var events: [XMLEvent] = []
        /// Text not yet made an event: the parser hands a text over in pieces.
        private var text = ""

        func flushText() {
            if !text.isEmpty { events.append(.text(text)) }
            text = ""
        }

        func parser(
            _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
            qualifiedName: String?, attributes: [String: String] = [:]
        ) {
            flushText()
            var local: [String: String] = [:]
            for (name, value) in attributes { local[XMLEvent.localName(name)] = value }
            events.append(.start(XMLEvent.localName(elementName), attributes: local))
        }

        func parser(
            _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?
        ) {
            flushText()
            events.append(.end(XMLEvent.localName(elementName)))
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            text += string
        }
    }
}
