import Foundation
import Hummingbird

/// An error the HTTP API answers with: its status, and `{"error": "…"}` saying why in a sentence.
struct APIError: HTTPResponseError {
    var status: HTTPResponse.Status
    var message: String

    init(_ status: HTTPResponse.Status, message: String) {
        self.status = status
        self.message = message
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        try HTTPServer.json(["error": message], status: status)
    }
}
