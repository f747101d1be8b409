// What the pieces of the native _pickle module share: the opcode table (one
// row per opcode, as the pickle format defines them), the module's exception
// classes, and helpers used by both directions.
//
// Thread safety: the exception classes and the opcode table are created once,
// when the module is first imported (under the import lock), and immutable
// afterwards.
#pragma once

#include <cstdint>

#include "objects/type.h"
#include "runtime/ref.h"

namespace ftpy {

// The pickle opcodes (byte value, name, protocol that introduced it).
#define FTPY_PICKLE_OPCODES(X)       \
  X(MARK, '(', 0)                    \
  X(STOP, '.', 0)                    \
  X(POP, '0', 0)                     \
  X(POP_MARK, '1', 1)                \
  X(DUP, '2', 0)                     \
  X(FLOAT, 'F', 0)                   \
  X(INT, 'I', 0)                     \
  X(BININT, 'J', 1)                  \
  X(BININT1, 'K', 1)                 \
  X(LONG, 'L', 0)                    \
  X(BININT2, 'M', 1)                 \
  X(NONE, 'N', 0)                    \
  X(PERSID, 'P', 0)                  \
  X(BINPERSID, 'Q', 1)               \
  X(REDUCE, 'R', 0)                  \
  X(STRING, 'S', 0)                  \
  X(BINSTRING, 'T', 1)               \
  X(SHORT_BINSTRING, 'U', 1)         \
  X(UNICODE, 'V', 0)                 \
  X(BINUNICODE, 'X', 1)              \
  X(APPEND, 'a', 0)                  \
  X(BUILD, 'b', 0)                   \
  X(GLOBAL, 'c', 0)                  \
  X(DICT, 'd', 0)                    \
  X(EMPTY_DICT, '}', 1)              \
  X(APPENDS, 'e', 1)                 \
  X(GET, 'g', 0)                     \
  X(BINGET, 'h', 1)                  \
  X(INST, 'i', 0)                    \
  X(LONG_BINGET, 'j', 1)             \
  X(LIST, 'l', 0)                    \
  X(EMPTY_LIST, ']', 1)              \
  X(OBJ, 'o', 1)                     \
  X(PUT, 'p', 0)                     \
  X(BINPUT, 'q', 1)                  \
  X(LONG_BINPUT, 'r', 1)             \
  X(SETITEM, 's', 0)                 \
  X(TUPLE, 't', 0)                   \
  X(EMPTY_TUPLE, ')', 1)             \
  X(SETITEMS, 'u', 1)                \
  X(BINFLOAT, 'G', 1)                \
  X(PROTO, 0x80, 2)                  \
  X(NEWOBJ, 0x81, 2)                 \
  X(EXT1, 0x82, 2)                   \
  X(EXT2, 0x83, 2)                   \
  X(EXT4, 0x84, 2)                   \
  X(TUPLE1, 0x85, 2)                 \
  X(TUPLE2, 0x86, 2)                 \
  X(TUPLE3, 0x87, 2)                 \
  X(NEWTRUE, 0x88, 2)                \
  X(NEWFALSE, 0x89, 2)               \
  X(LONG1, 0x8a, 2)                  \
  X(LONG4, 0x8b, 2)                  \
  X(BINBYTES, 'B', 3)                \
  X(SHORT_BINBYTES, 'C', 3)          \
  X(SHORT_BINUNICODE, 0x8c, 4)       \
  X(BINUNICODE8, 0x8d, 4)            \
  X(BINBYTES8, 0x8e, 4)              \
  X(EMPTY_SET, 0x8f, 4)              \
  X(ADDITEMS, 0x90, 4)               \
  X(FROZENSET, 0x91, 4)              \
  X(NEWOBJ_EX, 0x92, 4)              \
  X(STACK_GLOBAL, 0x93, 4)           \
  X(MEMOIZE, 0x94, 4)                \
  X(FRAME, 0x95, 4)                  \
  X(BYTEARRAY8, 0x96, 5)             \
  X(NEXT_BUFFER, 0x97, 5)            \
  X(READONLY_BUFFER, 0x98, 5)

enum PickleOp : uint8_t {
#define FTPY_PICKLE_OP_ENUM(name, code, proto) kOp_##name = code,
  FTPY_PICKLE_OPCODES(FTPY_PICKLE_OP_ENUM)
#undef FTPY_PICKLE_OP_ENUM
};

constexpr int kPickleHighestProtocol = 5;
constexpr int kPickleDefaultProtocol = 4;

// _pickle.PickleError, PicklingError, UnpicklingError (heap classes made when
// the module is created; immortal).
extern Type* g_pickle_error;
extern Type* g_pickling_error;
extern Type* g_unpickling_error;

extern Type g_unpickler_type;
void pickle_unpickler_types_init();
// _pickle.load / _pickle.loads bodies (module functions).
Ref<> pickle_load(Value module, Value* args);
Ref<> pickle_loads(Value module, Value* args);

extern Type g_pickler_type;
void pickle_pickler_types_init();
// _pickle.dump / _pickle.dumps bodies (module functions).
Ref<> pickle_dump(Value module, Value* args);
Ref<> pickle_dumps(Value module, Value* args);

// pickle.PickleBuffer (pickle_buffer.cpp). pickle_buffer_view exports the
// wrapped object's buffer (ValueError once the PickleBuffer is released).
extern Type g_pickle_buffer_type;
void pickle_buffer_type_init();
struct BufferView;
bool pickle_buffer_view(Value pb, BufferView* view);

}  // namespace ftpy
