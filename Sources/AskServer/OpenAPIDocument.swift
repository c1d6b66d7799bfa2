/// The OpenAPI 3.1 description of the HTTP API (`GET /openapi.json`). A test checks that every route served is
/// described and that every response holds the fields described as required.
enum OpenAPIDocument {
    static let json = #"""
    {
      "openapi": "3.1.0",
      "info": {
        "title": "ask",
        "version": "1",
        "description": "Short answers quoted verbatim from a folder of documents, each sentence cited to its file, page and lines; an honest abstention when the documents do not answer. Read-only."
      },
      "paths": {
        "/": {
          "get": {
            "summary": "The page for people: a question box, cited answers, sources opened in their documents",
            "responses": {"200": {"description": "The page", "content": {"text/html": {"schema": {"type": "string"}}}}}
          }
        },
        "/ask": {
          "get": {
            "summary": "Answer a question",
            "parameters": [{"name": "q", "in": "query", "required": true, "schema": {"type": "string", "maxLength": 2000}}],
            "responses": {
              "200": {"description": "The answer", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Answer"}}}},
              "400": {"$ref": "#/components/responses/Error"}, "413": {"$ref": "#/components/responses/Error"},
              "503": {"$ref": "#/components/responses/Error"}
            }
          }
        },
        "/search": {
          "get": {
            "summary": "Rank passages",
            "parameters": [
              {"name": "q", "in": "query", "required": true, "schema": {"type": "string", "maxLength": 2000}},
              {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 50, "default": 10}}
            ],
            "responses": {
              "200": {"description": "Passages, best first", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/Passage"}}}}},
              "400": {"$ref": "#/components/responses/Error"}, "413": {"$ref": "#/components/responses/Error"},
              "503": {"$ref": "#/components/responses/Error"}
            }
          }
        },
        "/documents": {
          "get": {
            "summary": "Lines of an indexed document, around a citation",
            "parameters": [
              {"name": "doc", "in": "query", "required": true, "schema": {"type": "string"}, "description": "The `doc` of a passage or source."},
              {"name": "lines", "in": "query", "schema": {"type": "string", "pattern": "^[0-9]+(-[0-9]*)?$"}, "description": "a-b, a- or a."},
              {"name": "page", "in": "query", "schema": {"type": "integer", "minimum": 1}, "description": "For a PDF."}
            ],
            "responses": {
              "200": {"description": "The lines", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Excerpt"}}}},
              "400": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"}
            }
          }
        },
        "/health": {
          "get": {
            "summary": "Whether the server answers, and what its index holds",
            "responses": {"200": {"description": "Serving", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Health"}}}}}
          }
        },
        "/openapi.json": {
          "get": {
            "summary": "This description",
            "responses": {"200": {"description": "OpenAPI 3.1", "content": {"application/json": {"schema": {"type": "object"}}}}}
          }
        }
      },
      "components": {
        "responses": {
          "Error": {"description": "Why the request was not answered", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
        },
        "schemas": {
          "Error": {"type": "object", "required": ["error"], "properties": {"error": {"type": "string"}}},
          "Health": {
            "type": "object", "required": ["status", "documents", "passages"],
            "properties": {"status": {"type": "string"}, "documents": {"type": "integer"}, "passages": {"type": "integer"}}
          },
          "Answer": {
            "type": "object",
            "required": ["question", "answer", "abstained", "kind", "corrected", "confidence", "disclaimer", "sentences", "sources", "passages"],
            "properties": {
              "question": {"type": "string"},
              "answer": {"type": ["string", "null"], "description": "The sentences joined; null when abstaining."},
              "abstained": {"type": "boolean"},
              "kind": {"type": "string", "enum": ["duration", "definition", "risk", "cause", "comparison", "howTo", "yesNo", "other"]},
              "corrected": {"type": ["string", "null"]},
              "confidence": {"type": ["number", "null"]},
              "disclaimer": {"type": ["string", "null"]},
              "notice": {"type": "string"},
              "sentences": {"type": "array", "items": {"$ref": "#/components/schemas/Sentence"}},
              "sources": {"type": "array", "items": {"$ref": "#/components/schemas/Source"}},
              "passages": {"type": "array", "items": {"$ref": "#/components/schemas/Passage"}}
            }
          },
          "Sentence": {
            "type": "object", "required": ["text", "sources"],
            "properties": {"text": {"type": "string"}, "sources": {"type": "array", "items": {"type": "integer"}}}
          },
          "Source": {
            "type": "object", "required": ["n", "doc", "file", "title", "section", "lines", "passage"],
            "properties": {
              "n": {"type": "integer"}, "doc": {"type": "string"}, "file": {"type": "string"}, "title": {"type": "string"},
              "section": {"type": ["string", "null"]}, "page": {"type": "integer"},
              "lines": {"type": "array", "items": {"type": "integer"}, "minItems": 2, "maxItems": 2},
              "passage": {"type": "string"}
            }
          },
          "Passage": {
            "type": "object", "required": ["rank", "doc", "file", "title", "section", "lines", "score", "text"],
            "properties": {
              "rank": {"type": "integer"}, "doc": {"type": "string"}, "file": {"type": "string"}, "title": {"type": "string"},
              "section": {"type": ["string", "null"]}, "page": {"type": "integer"},
              "lines": {"type": "array", "items": {"type": "integer"}, "minItems": 2, "maxItems": 2},
              "score": {"type": "number"}, "text": {"type": "string"}
            }
          },
          "Excerpt": {
            "type": "object", "required": ["doc", "file", "title", "source", "lines"],
            "properties": {
              "doc": {"type": "string"}, "file": {"type": "string"}, "title": {"type": "string"},
              "source": {"type": "string", "enum": ["corpus", "index"]},
              "lines": {"type": "array", "items": {"type": "object", "required": ["n", "text"], "properties": {"n": {"type": "integer"}, "page": {"type": "integer"}, "text": {"type": "string"}}}},
              "next_line": {"type": "integer"}, "next_page": {"type": "integer"}
            }
          }
        }
      }
    }
    """#
}
