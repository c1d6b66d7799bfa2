@testable import AskKit
import GRDB
import Testing

@Suite struct RowInsertTests {
    /// Values bound through SQLite's C interface arrive as GRDB would bind them: empty text stays text, not NULL;
    /// a failed insert throws SQLite's error and leaves the statement ready for the next row.
    @Test func insertsRowsAndReportsSQLiteErrors() throws {
        let queue = try DatabaseQueue()
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE t(a INTEGER, b TEXT NOT NULL, c TEXT)")
            let statement = try db.makeStatement(sql: "INSERT INTO t(a, b, c) VALUES (?, ?, ?)")
            try statement.insert([.integer(1), .text(""), .null])
            try statement.insert([.integer(2), .text("ostéoporose 骨"), .text("x")])
            #expect(throws: DatabaseError.self) { try statement.insert([.integer(3), .null, .null]) }
            try statement.insert([.integer(4), .text("after"), .null])
            let rows = try Row.fetchAll(db, sql: "SELECT a, b, c, typeof(b) FROM t ORDER BY a")
            #expect(rows.map { $0[0] as Int } == [1, 2, 4])
            #expect(rows.map { $0[1] as String } == ["", "ostéoporose 骨", "after"])
            #expect(rows.map { $0[2] as String? } == [nil, "x", nil])
            #expect(rows.map { $0[3] as String } == ["text", "text", "text"])
        }
    }
}
