import Foundation
import GRDB
import GRDBSQLite

/// A value bound to an insert run by ``GRDB/Statement/insert(_:)``.
enum RowValue {
    case integer(Int64)
    case text(String)
    case double(Double)
    case blob(Data)
    case null
}

extension Statement {
    /// Runs this insert with `values` bound in order, through SQLite's C interface. GRDB's `execute(arguments:)`
    /// boxes and converts every value, which cost about a tenth of the inserting thread's time in a build.
    func insert(_ values: [RowValue]) throws {
        let statement = sqliteStatement
        for (offset, value) in values.enumerated() {
            let index = Int32(offset + 1)
            let code: Int32
            switch value {
            case .integer(let number):
                code = sqlite3_bind_int64(statement, index, number)
            case .text(var text):
                code = text.withUTF8 { bytes in
                    guard let base = bytes.baseAddress else { return sqlite3_bind_text(statement, index, "", 0, nil) }
                    // SQLite copies the bytes (SQLITE_TRANSIENT): they need not outlive the call.
                    return sqlite3_bind_text(
                        statement, index, UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self),
                        Int32(bytes.count), unsafeBitCast(-1, to: sqlite3_destructor_type.self))
                }
            case .double(let number):
                code = sqlite3_bind_double(statement, index, number)
            case .blob(let data):
                code = data.withUnsafeBytes { bytes in
                    sqlite3_bind_blob(statement, index, bytes.baseAddress, Int32(bytes.count),
                                      unsafeBitCast(-1, to: sqlite3_destructor_type.self))
                }
            case .null:
                code = sqlite3_bind_null(statement, index)
            }
            guard code == SQLITE_OK else { throw Self.error(code, in: statement) }
        }
        let code = sqlite3_step(statement)
        let error = code == SQLITE_DONE ? nil : Self.error(code, in: statement)
        sqlite3_reset(statement)
        if let error { throw error }
    }

    /// The error SQLite reports for a statement that returned `code`.
    static func error(_ code: Int32, in statement: SQLiteStatement) -> DatabaseError {
        DatabaseError(
            resultCode: ResultCode(rawValue: code),
            message: sqlite3_db_handle(statement).map { String(cString: sqlite3_errmsg($0)) })
    }
}
