// The `_sqlite3` module over the system libsqlite3 (libsqlite3-dev): the
// Connection, Cursor, Row and PrepareProtocol types, the DB-API exception
// classes, adapters and converters, which the host's Lib/sqlite3 package
// (dbapi2.py, dump.py) builds `sqlite3` on.
#pragma once

#include "runtime/ref.h"

namespace ftpy {

Ref<> sqlite3_module_create();

}  // namespace ftpy
