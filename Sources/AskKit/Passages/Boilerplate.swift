/// Recognises the page furniture that web and PDF extractions carry: navigation and link lines, slide counters,
/// bylines, reference lists, trailing promotion blocks and legal disclaimers.
///
/// The rules are about the shape of web pages in general, not about one site: a person reading the page would
/// skip these lines, so the engine never indexes or quotes them.
enum Boilerplate {
    /// Whole lines that are navigation, controls or credits.
    private static let navigationLines: Set<String> = [
        "skip to content", "skip to main content", "skip to navigation", "skip navigation", "font size",
        "swipe to advance", "up next", "next slideshow title", "print", "share", "email", "advertisement",
        "menu", "search", "home", "back to top", "sign in", "sign up", "log in", "log out", "subscribe",
        "continue reading", "read more", "see more", "show more", "next", "previous", "close", "open",
        "table of contents", "contents", "listen", "save", "tweet", "pin", "facebook", "twitter",
    ]

    private static let navigationPrefixes = [
        "reviewed by ", "medically reviewed", "last updated", "last reviewed", "updated on ", "published on ",
        "photo credit", "image credit", "credit:", "photo:", "image:", "copyright", "©", "(c) ", "all rights reserved",
        "share on ", "follow us",
    ]

    /// Lines after which the rest of a page is promotion, references or credits.
    private static let trailerLines: Set<String> = [
        "up next", "related", "related articles", "related links", "related content", "related stories",
        "references", "sources", "bibliography", "further information", "further reading", "revision information",
        "more on this topic", "see also", "recommended", "recommended for you", "trending", "you may also like",
        "read this next", "more from webmd",
    ]

    private static let trailerPrefixes = ["today on ", "sources |", "more in ", "popular in "]

    /// Phrases of disclaimers, site notices and link prompts: a sentence holding one is not content.
    private static let noticePhrases = PhraseMatcher([
        "medical advice", "not intended as", "not intended to", "does not endorse", "educational aid",
        "educational service", "this website", "this web site", "this site", "this page", "dial 911",
        "medical emergency", "any medical regimen", "for more information", "to learn more about",
        "all rights reserved", "©", "copyright", "available at:", "click here", "terms of use", "privacy policy",
        "http://", "https://", "www.", "(/",
    ])

    private static let citationPhrases = ["available at", "retrieved from", "doi:"]
    private static let accessedMarker = "accessed "
    /// Finds the citation phrases and the marker, so most paragraphs are passed in one read.
    private static let citationMarkers = PhraseMatcher(citationPhrases + [accessedMarker])

    /// Navigation, controls and trailer markers are short: longer lines are never checked against the lists.
    private static let longestListedLine = 120

    static func isNavigation(_ line: String) -> Bool {
        guard line.utf8.count <= longestListedLine else { return false }
        let key = normalized(line)
        if key.isEmpty { return false }
        if navigationLines.contains(key) || isCounter(key) { return true }
        guard key.split(separator: " ").count <= 12 else { return false }
        if navigationPrefixes.contains(where: key.hasPrefix) { return true }
        if key.containsBytes("sign in") || key.containsBytes("sign up") || key.containsBytes("log in") { return true }
        // A byline: "by EBSCO Medical Review Board".
        return key.hasPrefix("by ") && key.split(separator: " ").count <= 8 && !line.hasTerminalPunctuation
    }

    static func startsTrailer(_ line: String) -> Bool {
        guard line.utf8.count <= longestListedLine else { return false }
        let key = normalized(line)
        return trailerLines.contains(key) || trailerPrefixes.contains(where: key.hasPrefix)
    }

    /// A sentence that is a notice (disclaimer, link, site text) rather than content.
    static func isNotice(_ sentence: String) -> Bool {
        noticePhrases.matches(sentence)
    }

    /// A paragraph that is a bibliographic reference.
    static func isCitation(_ paragraph: String) -> Bool {
        guard citationMarkers.matches(paragraph) else { return false }
        let lowered = paragraph.lowercased()
        if citationPhrases.contains(where: lowered.containsBytes) { return true }
        // "Accessed June 26, 2018."
        guard let offset = lowered.utf8Offset(of: accessedMarker) else { return false }
        let after = lowered.utf8.index(lowered.startIndex, offsetBy: offset + accessedMarker.utf8.count)
        return lowered[after...].prefix(24).contains { $0.isNumber }
    }

    /// "1 / 8", "2 of 10": slide and page counters.
    private static func isCounter(_ key: String) -> Bool {
        let parts = key.split(whereSeparator: { $0 == "/" || $0 == " " }).filter { $0 != "of" }
        return parts.count == 2 && parts.allSatisfy { $0.allSatisfy(\.isNumber) }
    }

    private static func normalized(_ line: String) -> String {
        var key = line.lowercased().collapsingWhitespace()
        while let last = key.last, ":.".contains(last) { key.removeLast() }
        return key
    }
}

extension StringProtocol {
    /// True when the text ends a sentence: `.`, `!` or `?`, possibly followed by closing quotes or brackets.
    var hasTerminalPunctuation: Bool {
        let trimmed = reversed().drop { $0.isWhitespace || "\"'”’)]".contains($0) }
        guard let last = trimmed.first else { return false }
        return ".!?".contains(last)
    }
}
