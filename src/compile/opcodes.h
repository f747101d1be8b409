// ftpy bytecode: the one opcode table (STYLE.md "one table per concept").
//
// An instruction is one 32-bit code unit: opcode in the low 8 bits, argument
// `a` in the high 24 bits (unsigned; LOAD_SMALL_INT sign-extends). Instructions
// marked CACHE(n) are followed by n code units of inline cache that the
// specialiser uses (DESIGN.md §4.6); the compiler emits them zeroed and the
// interpreter skips them. Jump arguments are absolute code-unit indices.
//
// The interpreter loop, the compiler's stack-depth accounting and the
// disassembler all derive from FTPY_OPCODES. Columns:
//   X(NAME, POP, PUSH, CACHE, FLAGS)
// POP and PUSH are expressions of the argument `a`: the number of values the
// instruction takes from and leaves on the stack on its fall-through path.
// FLAGS: kJump (a is a jump target), kJumpOnly (never falls through),
// kNoFallthrough (return/raise), kHasName (a indexes co_names), kHasConst,
// kHasLocal (a indexes the fast locals), kHasFree (a indexes cells/frees
// within localsplus), kBranchEffect (the jump path has a different stack
// effect: see branch_stack_effect()).
//
// The stack for calls:  [callable, self_or_null, arg1, ..., argN]
// LOAD_ATTR with a method-call flag and LOAD_GLOBAL with the push-null flag
// produce the first two slots; PUSH_NULL does it for other callables.
//
// Semantics of each opcode (TOS = top of stack, TOS1 below it):
//   NOP                      nothing
//   POP_TOP                  pop TOS
//   PUSH_NULL                push a null (the self_or_null slot)
//   COPY a                   push stack[-a] (a >= 1; COPY 1 duplicates TOS)
//   SWAP a                   swap TOS and stack[-a] (a >= 2)
//   LOAD_CONST a             push co_consts[a]
//   LOAD_SMALL_INT a         push the int sign-extended from the 24-bit a
//   RETURN_CONST a           return co_consts[a]
//   LOAD_FAST a              push local a; UnboundLocalError if unbound
//   STORE_FAST a             local a = pop
//   DELETE_FAST a            unbind local a (UnboundLocalError if unbound)
//   MAKE_CELL a              replace localsplus[a] by a new cell holding its value
//   LOAD_CLOSURE a           push the cell object in localsplus[a]
//   LOAD_DEREF a             push the cell contents; NameError/UnboundLocalError if empty
//   STORE_DEREF a            cell contents = pop
//   DELETE_DEREF a           empty the cell
//   LOAD_FROM_DICT_OR_DEREF a  class bodies: TOS is a mapping (locals); pop it, push
//                            mapping[name of slot a] if present else the cell contents
//   LOAD_LOCALS              push the frame's locals mapping (class bodies, before
//                            LOAD_FROM_DICT_OR_DEREF); SystemError "no locals found" if none
//   LOAD_NAME a              locals, then globals, then builtins (NameError)
//   STORE_NAME a / DELETE_NAME a   on the frame's locals mapping
//   LOAD_GLOBAL a            name = co_names[a >> 1]: globals then builtins;
//                            if a & 1, also push a null after it (callable form)
//   STORE_GLOBAL a / DELETE_GLOBAL a  on globals (a indexes co_names)
//   LOAD_ATTR a              name = co_names[a >> 1]. If a & 1 (method form):
//                            pop obj; push (method, obj) when the attribute is an
//                            unbound method found on the type, else (attr, null).
//                            Otherwise pop obj, push obj.name
//   STORE_ATTR a             stack: value, obj -> obj.name = value
//   DELETE_ATTR a            del pop().name
//   LOAD_SUPER_ATTR a        stack: global super, class, self -> super(class, self).name
//                            (a >> 2 indexes co_names; a & 1 method form; a & 2 two-arg form
//                            written by the user, i.e. not zero-argument)
//   BINARY_OP a              a < 13: binary BinaryOp a on (TOS1, TOS);
//                            a >= 16: in-place BinaryOp (a - 16)
//   UNARY_NEGATIVE / UNARY_INVERT / UNARY_POSITIVE   operator on TOS
//   UNARY_NOT                push not TOS (bool)
//   TO_BOOL                  TOS = bool(TOS)
//   COMPARE_OP a             TOS1 <op a> TOS (CompareOp); result as returned
//   IS_OP a                  TOS1 is TOS (a = 1: is not) -> bool
//   CONTAINS_OP a            TOS1 in TOS (a = 1: not in) -> bool
//   BINARY_SUBSCR            TOS1[TOS]
//   STORE_SUBSCR             stack: value, container, key -> container[key] = value
//   DELETE_SUBSCR            stack: container, key -> del container[key]
//   BINARY_SLICE a           stack: container, start, stop[, step if a == 1] ->
//                            container[start:stop(:step)], no slice object for lists
//   STORE_SLICE              stack: value, container, start, stop -> container[start:stop] = value
//   BUILD_SLICE a            a = 2 or 3: slice(start, stop[, step])
//   BUILD_TUPLE a / BUILD_LIST a / BUILD_SET a   from the top a values (first pushed first)
//   BUILD_MAP a              from 2a values: k1, v1, k2, v2, ...
//   BUILD_STRING a           concatenate the top a str values
//   LIST_APPEND a            v = pop; stack[-a].append(v)   (after the pop)
//   SET_ADD a                v = pop; stack[-a].add(v)
//   MAP_ADD a                v = pop; k = pop; stack[-a][k] = v
//   LIST_EXTEND a            it = pop; stack[-a].extend(it)
//   SET_UPDATE a             it = pop; stack[-a].update(it)
//   DICT_UPDATE a            m = pop; stack[-a].update(m) ("'X' object is not a mapping")
//   DICT_MERGE a             like DICT_UPDATE but duplicate keys raise
//                            "f() got multiple values for keyword argument 'k'"
//                            (after the pop, the callable is at stack[-a - 3])
//   LIST_TO_TUPLE            TOS = tuple(TOS)
//   UNPACK_SEQUENCE a        pop an iterable of exactly a items; push them so the
//                            first item ends on top
//   UNPACK_EX a              a & 0xFF before the star, a >> 8 after; pushes
//                            before + 1 (a list) + after, first item on top
//   JUMP_FORWARD a / JUMP_BACKWARD a   jump to a (backward: a safepoint)
//   POP_JUMP_IF_FALSE a / POP_JUMP_IF_TRUE a   pop, jump if its truth matches
//   POP_JUMP_IF_NONE a / POP_JUMP_IF_NOT_NONE a
//   JUMP_IF_FALSE_OR_POP a / JUMP_IF_TRUE_OR_POP a   if TOS's truth matches, jump
//                            keeping TOS, else pop it and fall through
//   GET_ITER                 TOS = iter(TOS)
//   FOR_ITER a               push next(TOS); when exhausted, pop the iterator and
//                            jump to a
//   GET_YIELD_FROM_ITER      TOS = iter(TOS) unless it is a generator/coroutine
//   SEND a                   stack: receiver, value -> receiver.send(value); if it
//                            returned (StopIteration) replace both by the result
//                            and jump to a, else push the yielded value on top
//                            of receiver (stack: receiver, yielded)
//   YIELD_VALUE              yield TOS from the generator; on resume TOS is the
//                            sent value
//   RETURN_VALUE             return pop
//   CALL a                   stack: callable, self_or_null, a args -> result
//   CALL_KW a                stack: callable, self_or_null, a args, kwnames tuple;
//                            the last len(kwnames) args are keyword values
//   CALL_FUNCTION_EX a       stack: callable, self_or_null, args tuple[, kwargs dict
//                            if a & 1] -> result
//   MAKE_FUNCTION a          stack: [defaults tuple if a&1] [kwdefaults dict if a&2]
//                            [annotations (tuple of name, value pairs flattened,
//                            or a dict) if a&4] [closure tuple if a&8] [annotate
//                            function if a&16] code -> function
//   LOAD_BUILD_CLASS         push builtins.__build_class__
//   IMPORT_NAME a            stack: level, fromlist -> __import__(co_names[a], ...)
//   IMPORT_FROM a            push getattr(TOS, co_names[a]) (ImportError, and the
//                            submodule fallback through sys.modules)
//   CALL_INTRINSIC_1 a       TOS = intrinsic a (Intrinsic1 below) applied to TOS
//   CALL_INTRINSIC_2 a       stack: x, y -> intrinsic a (Intrinsic2) of (x, y)
//   RAISE_VARARGS a          a = 0: re-raise the handled exception; 1: raise TOS;
//                            2: raise TOS1 from TOS
//   RERAISE a                pop the exception and raise it again, keeping its
//                            traceback; if a, first pop lasti and restore it
//   PUSH_EXC_INFO            stack: exc -> prev_handled, exc; the handled
//                            exception (sys.exception()) becomes exc
//   POP_EXCEPT               pop prev_handled and restore it as the handled one
//   CHECK_EXC_MATCH          stack: exc, type -> exc, bool(exc matches type)
//   CHECK_EG_MATCH           stack: exc, type -> rest, match (except* split);
//                            when nothing matches: exc, None
//   BEFORE_WITH              stack: mgr -> exit_func, self_or_null, mgr.__enter__()
//                            (__exit__ unbound with mgr as self when it is a function
//                            or method descriptor, else bound with null)
//   BEFORE_ASYNC_WITH        stack: mgr -> bound __aexit__, null, awaitable of __aenter__()
//   WITH_EXCEPT_START        stack: exit_func, self_or_null, lasti, prev_exc, exc ->
//                            ..., exit_func(type(exc), exc, exc.__traceback__)
//   SETUP_ANNOTATIONS        make sure `__annotations__` exists in locals
//   FORMAT_VALUE a           a & 3: conversion (0 none, 1 str, 2 repr, 3 ascii);
//                            a & 4: a format spec is on top. Result: str
//   LOAD_ASSERTION_ERROR     push AssertionError
//   GET_AWAITABLE a          TOS = awaitable iterator of TOS (a: 1 after __aenter__,
//                            2 after __aexit__, for error messages)
//   GET_AITER / GET_ANEXT    async iteration protocol
//   END_ASYNC_FOR            stack: aiter, exc -> (nothing) if exc is
//                            StopAsyncIteration, else re-raise
//   CLEANUP_THROW            exception handler of a SEND loop: stack: sub_iter,
//                            last_sent_val, exc -> None, value if exc is
//                            StopIteration(value), else re-raise
//   MATCH_CLASS a            stack: subject, cls, kw-names tuple -> tuple of
//                            attributes (a positional sub-patterns) or None
//   MATCH_MAPPING / MATCH_SEQUENCE   push bool(TOS is a mapping / sequence for match)
//   MATCH_KEYS               stack: subject, keys tuple -> subject, keys, values
//                            tuple or None
//   GET_LEN                  push len(TOS)
//   RESUME a                 function entry / after yield (a: 0 start, 1 after
//                            yield, 2 after yield from, 3 after await); a safepoint
//   RETURN_GENERATOR         generator/coroutine functions start with it. (The
//                            call itself creates the generator object from the
//                            new frame without running it; when the generator
//                            is first resumed execution starts here and this
//                            is a no-op: nothing is pushed, so no POP_TOP
//                            follows it.)
//
// Exceptions use a zero-cost table (code.h): when an instruction raises, the
// entry covering it gives a handler address and a stack depth; the stack is
// cut to that depth, (lasti if the entry says so,) the exception is pushed,
// and execution continues at the handler.
#pragma once

#include <cstdint>

namespace ftpy {

enum OpFlags : uint32_t {
  kJump = 1 << 0,
  kJumpOnly = 1 << 1,
  kNoFallthrough = 1 << 2,
  kHasName = 1 << 3,
  kHasConst = 1 << 4,
  kHasLocal = 1 << 5,
  kHasFree = 1 << 6,
  kBranchEffect = 1 << 7,
};

// X(NAME, POP, PUSH, CACHE, FLAGS)
#define FTPY_OPCODES(X)                                                        \
  X(NOP, 0, 0, 0, 0)                                                           \
  X(POP_TOP, 1, 0, 0, 0)                                                       \
  X(PUSH_NULL, 0, 1, 0, 0)                                                     \
  X(COPY, 0, 1, 0, 0)                                                          \
  X(SWAP, 0, 0, 0, 0)                                                          \
  X(LOAD_CONST, 0, 1, 0, kHasConst)                                            \
  X(LOAD_SMALL_INT, 0, 1, 0, 0)                                                \
  X(RETURN_CONST, 0, 0, 0, kHasConst | kNoFallthrough)                         \
  X(LOAD_FAST, 0, 1, 0, kHasLocal)                                             \
  X(STORE_FAST, 1, 0, 0, kHasLocal)                                            \
  X(DELETE_FAST, 0, 0, 0, kHasLocal)                                           \
  X(MAKE_CELL, 0, 0, 0, kHasFree)                                              \
  X(LOAD_CLOSURE, 0, 1, 0, kHasFree)                                           \
  X(LOAD_DEREF, 0, 1, 0, kHasFree)                                             \
  X(STORE_DEREF, 1, 0, 0, kHasFree)                                            \
  X(DELETE_DEREF, 0, 0, 0, kHasFree)                                           \
  X(LOAD_FROM_DICT_OR_DEREF, 1, 1, 0, kHasFree)                                \
  X(LOAD_NAME, 0, 1, 0, kHasName)                                              \
  X(STORE_NAME, 1, 0, 0, kHasName)                                             \
  X(DELETE_NAME, 0, 0, 0, kHasName)                                            \
  X(LOAD_GLOBAL, 0, 1 + (a & 1), 2, 0)                                         \
  X(STORE_GLOBAL, 1, 0, 0, kHasName)                                           \
  X(DELETE_GLOBAL, 0, 0, 0, kHasName)                                          \
  X(LOAD_ATTR, 1, 1 + (a & 1), 2, 0)                                           \
  X(STORE_ATTR, 2, 0, 2, kHasName)                                             \
  X(DELETE_ATTR, 1, 0, 0, kHasName)                                            \
  X(LOAD_SUPER_ATTR, 3, 1 + (a & 1), 0, 0)                                     \
  X(BINARY_OP, 2, 1, 1, 0)                                                     \
  X(UNARY_NEGATIVE, 1, 1, 0, 0)                                                \
  X(UNARY_INVERT, 1, 1, 0, 0)                                                  \
  X(UNARY_POSITIVE, 1, 1, 0, 0)                                                \
  X(UNARY_NOT, 1, 1, 0, 0)                                                     \
  X(TO_BOOL, 1, 1, 0, 0)                                                       \
  X(COMPARE_OP, 2, 1, 1, 0)                                                    \
  X(IS_OP, 2, 1, 0, 0)                                                         \
  X(CONTAINS_OP, 2, 1, 0, 0)                                                   \
  X(BINARY_SUBSCR, 2, 1, 1, 0)                                                 \
  X(STORE_SUBSCR, 3, 0, 1, 0)                                                  \
  X(DELETE_SUBSCR, 2, 0, 0, 0)                                                 \
  X(BINARY_SLICE, 3 + (a & 1), 1, 0, 0)                                        \
  X(STORE_SLICE, 4, 0, 0, 0)                                                   \
  X(BUILD_SLICE, a, 1, 0, 0)                                                   \
  X(BUILD_TUPLE, a, 1, 0, 0)                                                   \
  X(BUILD_LIST, a, 1, 0, 0)                                                    \
  X(BUILD_SET, a, 1, 0, 0)                                                     \
  X(BUILD_MAP, 2 * a, 1, 0, 0)                                                 \
  X(BUILD_STRING, a, 1, 0, 0)                                                  \
  X(LIST_APPEND, 1, 0, 0, 0)                                                   \
  X(SET_ADD, 1, 0, 0, 0)                                                       \
  X(MAP_ADD, 2, 0, 0, 0)                                                       \
  X(LIST_EXTEND, 1, 0, 0, 0)                                                   \
  X(SET_UPDATE, 1, 0, 0, 0)                                                    \
  X(DICT_UPDATE, 1, 0, 0, 0)                                                   \
  X(DICT_MERGE, 1, 0, 0, 0)                                                    \
  X(LIST_TO_TUPLE, 1, 1, 0, 0)                                                 \
  X(UNPACK_SEQUENCE, 1, a, 1, 0)                                               \
  X(UNPACK_EX, 1, (a & 0xFF) + (a >> 8) + 1, 0, 0)                             \
  X(JUMP_FORWARD, 0, 0, 0, kJump | kJumpOnly)                                  \
  X(JUMP_BACKWARD, 0, 0, 0, kJump | kJumpOnly)                                 \
  X(POP_JUMP_IF_FALSE, 1, 0, 0, kJump)                                         \
  X(POP_JUMP_IF_TRUE, 1, 0, 0, kJump)                                          \
  X(POP_JUMP_IF_NONE, 1, 0, 0, kJump)                                          \
  X(POP_JUMP_IF_NOT_NONE, 1, 0, 0, kJump)                                      \
  X(JUMP_IF_FALSE_OR_POP, 1, 0, 0, kJump | kBranchEffect)                      \
  X(JUMP_IF_TRUE_OR_POP, 1, 0, 0, kJump | kBranchEffect)                       \
  X(GET_ITER, 1, 1, 0, 0)                                                      \
  X(FOR_ITER, 1, 2, 1, kJump | kBranchEffect)                                  \
  X(GET_YIELD_FROM_ITER, 1, 1, 0, 0)                                           \
  X(SEND, 2, 2, 0, kJump | kBranchEffect)                                      \
  X(YIELD_VALUE, 1, 1, 0, 0)                                                   \
  X(RETURN_VALUE, 1, 0, 0, kNoFallthrough)                                     \
  X(CALL, 2 + a, 1, 2, 0)                                                      \
  X(CALL_KW, 3 + a, 1, 0, 0)                                                   \
  X(CALL_FUNCTION_EX, 3 + (a & 1), 1, 0, 0)                                    \
  X(MAKE_FUNCTION, 1 + ((a & 1) != 0) + ((a & 2) != 0) + ((a & 4) != 0) +      \
                       ((a & 8) != 0) + ((a & 16) != 0), 1, 0, 0)              \
  X(LOAD_BUILD_CLASS, 0, 1, 0, 0)                                              \
  X(IMPORT_NAME, 2, 1, 0, kHasName)                                            \
  X(IMPORT_FROM, 0, 1, 0, kHasName)                                            \
  X(CALL_INTRINSIC_1, 1, 1, 0, 0)                                              \
  X(CALL_INTRINSIC_2, 2, 1, 0, 0)                                              \
  X(RAISE_VARARGS, a, 0, 0, kNoFallthrough)                                    \
  X(RERAISE, 1 + (a != 0), 0, 0, kNoFallthrough)                               \
  X(PUSH_EXC_INFO, 1, 2, 0, 0)                                                 \
  X(POP_EXCEPT, 1, 0, 0, 0)                                                    \
  X(CHECK_EXC_MATCH, 2, 2, 0, 0)                                               \
  X(CHECK_EG_MATCH, 2, 2, 0, 0)                                                \
  X(BEFORE_WITH, 1, 3, 0, 0)                                                   \
  X(BEFORE_ASYNC_WITH, 1, 3, 0, 0)                                             \
  X(WITH_EXCEPT_START, 5, 6, 0, 0)                                             \
  X(SETUP_ANNOTATIONS, 0, 0, 0, 0)                                             \
  X(FORMAT_VALUE, 1 + ((a & 4) != 0), 1, 0, 0)                                 \
  X(LOAD_ASSERTION_ERROR, 0, 1, 0, 0)                                          \
  X(GET_AWAITABLE, 1, 1, 0, 0)                                                 \
  X(GET_AITER, 1, 1, 0, 0)                                                     \
  X(GET_ANEXT, 1, 2, 0, 0)                                                     \
  X(END_ASYNC_FOR, 2, 0, 0, 0)                                                 \
  X(CLEANUP_THROW, 3, 2, 0, 0)                                                 \
  X(MATCH_CLASS, 3, 1, 0, 0)                                                   \
  X(MATCH_MAPPING, 1, 2, 0, 0)                                                 \
  X(MATCH_SEQUENCE, 1, 2, 0, 0)                                                \
  X(MATCH_KEYS, 2, 3, 0, 0)                                                    \
  X(GET_LEN, 1, 2, 0, 0)                                                       \
  X(RESUME, 0, 0, 0, 0)                                                        \
  X(RETURN_GENERATOR, 0, 0, 0, 0)                                              \
  X(LOAD_LOCALS, 0, 1, 0, 0)

// Specialised forms (DESIGN.md §2 quickening, §4.6; vm/specialize.h). The
// interpreter writes one over an instruction of its base opcode at run time;
// the compiler never emits them. A specialised form keeps its base's argument,
// stack effect, cache units and flags, so everything that walks code (the
// verifier, the disassembler, line and exception tables) sees the same shape.
// Columns: X(NAME, BASE). Each family adds its rows here.
//
// Arithmetic family (vm/eval_arith.inc; chosen by vm/specialize.cpp). "small"
// is a tagged int; "exact" excludes subclasses.
//   BINARY_OP_ADD_INT/SUB_INT/MUL_INT  two small ints (overflow: generic path)
//   BINARY_OP_INT            two small ints, //, %, &, |, ^, >> (others generic)
//   BINARY_OP_ADD_FLOAT/SUB_FLOAT/MUL_FLOAT  exact floats, or one exact float
//                            and a small int of at most 2^53 in magnitude
//   BINARY_OP_TRUEDIV_FLOAT  the same or two such small ints; nonzero divisor
//   BINARY_OP_ADD_STR        two exact strs
//   COMPARE_OP_INT/FLOAT     as above; COMPARE_OP_STR: exact strs, == and !=.
//                            Each takes a following POP_JUMP_IF_FALSE/TRUE
//                            in the same step
//   BINARY_SUBSCR_LIST_INT/TUPLE_INT  exact list/tuple, small in-range index
//   BINARY_SUBSCR_DICT       exact dict, key present
//   STORE_SUBSCR_LIST_INT    exact list, small in-range index
//   STORE_SUBSCR_DICT        exact dict
//   FOR_ITER_RANGE/LIST/TUPLE  exact range/list/tuple iterators
//   UNPACK_SEQUENCE_TUPLE/LIST  exact tuple/list of exactly a items
//
// Attribute access and calls (vm/eval_attr_call.inc, vm/specialize_attr_call.h
// has the cache layouts):
//   LOAD_ATTR_INSTANCE_VALUE   obj.name from the instance __dict__ entry
//   LOAD_ATTR_METHOD           method form: a Python function on the type, not
//                              shadowed by the instance __dict__ -> (func, obj)
//   LOAD_ATTR_MODULE           module.name from the module dict entry
//   LOAD_ATTR_CLASS            Cls.name: a plain class attribute (no descriptor)
//   STORE_ATTR_INSTANCE_VALUE  replace an existing instance __dict__ entry
//   LOAD_ATTR_INLINE_VALUE     obj.name from the instance's values array
//                              (objects/instance_values.h)
//   STORE_ATTR_INLINE_VALUE    obj.name = v into the instance's values array
//   LOAD_ATTR_SLOT             obj.name from a __slots__ member (found again
//   STORE_ATTR_SLOT            through the per-thread type cache: no units)
//   CALL_PY_EXACT_ARGS         a Python function, positional args = parameters
//   CALL_BOUND_METHOD_EXACT_ARGS  the same through a bound method object
//   CALL_BUILTIN_FAST          a builtin function with a simple signature
//   CALL_METHOD_DESCRIPTOR     a builtin method (list.append) with its receiver
//   CALL_BUILTIN_POSITIONAL    a builtin function called positionally (any
//                              signature: native_call binds it)
//   CALL_METHOD_DESCRIPTOR_POSITIONAL  the same for a builtin method
//   CALL_LEN / CALL_ISINSTANCE  the builtins, computed in place
//   CALL_MINMAX                max(a, b) / min(a, b), computed in place
//   CALL_LIST_APPEND           lst.append(x) on an exact list, appended in place
//   CALL_LIST_POP              lst.pop() on an exact list, without argument binding
//   CALL_SET_ADD               s.add(x) on an exact set, added in place
//   CALL_ALLOC_AND_ENTER_INIT  Cls(args): allocate the instance and run a
//                              Python __init__ in the same eval loop
//
// Pairs (written by code_new, never by the specialiser: no cache, and no
// guard of their own):
//   LOAD_FAST__LOAD_ATTR       a LOAD_FAST right before a LOAD_ATTR. When the
//                              LOAD_ATTR is LOAD_ATTR_INLINE_VALUE at run time,
//                              both run in one step on the local's reference
//   LOAD_FAST__LOAD_FAST       two LOAD_FASTs in a row (not when the second
//                              pairs with a LOAD_ATTR): both locals pushed in
//                              one step
#define FTPY_SPECIALIZED(X)                                                    \
  X(BINARY_OP_ADD_INT, BINARY_OP)                                              \
  X(BINARY_OP_SUB_INT, BINARY_OP)                                              \
  X(BINARY_OP_MUL_INT, BINARY_OP)                                              \
  X(BINARY_OP_INT, BINARY_OP)                                                  \
  X(BINARY_OP_ADD_FLOAT, BINARY_OP)                                            \
  X(BINARY_OP_SUB_FLOAT, BINARY_OP)                                            \
  X(BINARY_OP_MUL_FLOAT, BINARY_OP)                                            \
  X(BINARY_OP_TRUEDIV_FLOAT, BINARY_OP)                                        \
  X(BINARY_OP_ADD_STR, BINARY_OP)                                              \
  X(COMPARE_OP_INT, COMPARE_OP)                                                \
  X(COMPARE_OP_FLOAT, COMPARE_OP)                                              \
  X(COMPARE_OP_STR, COMPARE_OP)                                                \
  X(BINARY_SUBSCR_LIST_INT, BINARY_SUBSCR)                                     \
  X(BINARY_SUBSCR_TUPLE_INT, BINARY_SUBSCR)                                    \
  X(BINARY_SUBSCR_DICT, BINARY_SUBSCR)                                         \
  X(STORE_SUBSCR_LIST_INT, STORE_SUBSCR)                                       \
  X(STORE_SUBSCR_DICT, STORE_SUBSCR)                                           \
  X(FOR_ITER_RANGE, FOR_ITER)                                                  \
  X(FOR_ITER_LIST, FOR_ITER)                                                   \
  X(FOR_ITER_TUPLE, FOR_ITER)                                                  \
  X(UNPACK_SEQUENCE_TUPLE, UNPACK_SEQUENCE)                                    \
  X(UNPACK_SEQUENCE_LIST, UNPACK_SEQUENCE)                                     \
  X(LOAD_ATTR_INSTANCE_VALUE, LOAD_ATTR)                                       \
  X(LOAD_ATTR_METHOD, LOAD_ATTR)                                               \
  X(LOAD_ATTR_MODULE, LOAD_ATTR)                                               \
  X(LOAD_ATTR_CLASS, LOAD_ATTR)                                                \
  X(STORE_ATTR_INSTANCE_VALUE, STORE_ATTR)                                     \
  X(LOAD_ATTR_INLINE_VALUE, LOAD_ATTR)                                         \
  X(STORE_ATTR_INLINE_VALUE, STORE_ATTR)                                       \
  X(LOAD_ATTR_SLOT, LOAD_ATTR)                                                 \
  X(STORE_ATTR_SLOT, STORE_ATTR)                                               \
  X(CALL_PY_EXACT_ARGS, CALL)                                                  \
  X(CALL_BOUND_METHOD_EXACT_ARGS, CALL)                                        \
  X(CALL_BUILTIN_FAST, CALL)                                                   \
  X(CALL_METHOD_DESCRIPTOR, CALL)                                              \
  X(CALL_LEN, CALL)                                                            \
  X(CALL_ISINSTANCE, CALL)                                                     \
  X(CALL_BUILTIN_POSITIONAL, CALL)                                             \
  X(CALL_METHOD_DESCRIPTOR_POSITIONAL, CALL)                                   \
  X(CALL_MINMAX, CALL)                                                         \
  X(CALL_ALLOC_AND_ENTER_INIT, CALL)                                           \
  X(CALL_LIST_APPEND, CALL)                                                    \
  X(CALL_LIST_POP, CALL)                                                       \
  X(CALL_SET_ADD, CALL)                                                        \
  X(LOAD_FAST__LOAD_ATTR, LOAD_FAST)                                           \
  X(LOAD_FAST__LOAD_FAST, LOAD_FAST)

enum Opcode : uint8_t {
#define FTPY_OPCODE_ENUM(name, pop, push, cache, flags) OP_##name,
  FTPY_OPCODES(FTPY_OPCODE_ENUM)
#undef FTPY_OPCODE_ENUM
  kNumBaseOpcodes,
  kLastBaseOpcode = kNumBaseOpcodes - 1,
#define FTPY_SPECIALIZED_ENUM(name, base) OP_##name,
  FTPY_SPECIALIZED(FTPY_SPECIALIZED_ENUM)
#undef FTPY_SPECIALIZED_ENUM
  kNumOpcodes
};
static_assert(kNumOpcodes <= 256, "an opcode is one byte");

// The opcode a specialised form stands for (itself for a base opcode).
constexpr Opcode base_opcode(Opcode op) {
  switch (op) {
#define FTPY_SPECIALIZED_BASE(name, base) \
  case OP_##name: return OP_##base;
    FTPY_SPECIALIZED(FTPY_SPECIALIZED_BASE)
#undef FTPY_SPECIALIZED_BASE
    default: return op;
  }
}

// The stack-effect expressions above use `a`; so do these functions.
constexpr int op_pop(Opcode op, uint32_t a) {
  switch (base_opcode(op)) {
#define FTPY_OPCODE_POP(name, pop, push, cache, flags) \
  case OP_##name: return static_cast<int>(pop);
    FTPY_OPCODES(FTPY_OPCODE_POP)
#undef FTPY_OPCODE_POP
    default: return 0;
  }
}
constexpr int op_push(Opcode op, uint32_t a) {
  switch (base_opcode(op)) {
#define FTPY_OPCODE_PUSH(name, pop, push, cache, flags) \
  case OP_##name: return static_cast<int>(push);
    FTPY_OPCODES(FTPY_OPCODE_PUSH)
#undef FTPY_OPCODE_PUSH
    default: return 0;
  }
}
constexpr int op_cache(Opcode op) {
  switch (base_opcode(op)) {
#define FTPY_OPCODE_CACHE(name, pop, push, cache, flags) \
  case OP_##name: return cache;
    FTPY_OPCODES(FTPY_OPCODE_CACHE)
#undef FTPY_OPCODE_CACHE
    default: return 0;
  }
}
constexpr uint32_t op_flags(Opcode op) {
  switch (base_opcode(op)) {
#define FTPY_OPCODE_FLAGS(name, pop, push, cache, flags) \
  case OP_##name: return flags;
    FTPY_OPCODES(FTPY_OPCODE_FLAGS)
#undef FTPY_OPCODE_FLAGS
    default: return 0;
  }
}
extern const char* const kOpcodeNames[kNumOpcodes];

// Stack effect when the instruction jumps (for kBranchEffect opcodes), as a
// net change: JUMP_IF_X_OR_POP keeps TOS (0), FOR_ITER pops the iterator (-1),
// SEND replaces (receiver, value) by the result (-1).
constexpr int branch_stack_effect(Opcode op, uint32_t a) {
  switch (base_opcode(op)) {
    case OP_JUMP_IF_FALSE_OR_POP: case OP_JUMP_IF_TRUE_OR_POP: return 0;
    case OP_FOR_ITER: return -1;
    case OP_SEND: return -1;
    default: return op_push(op, a) - op_pop(op, a);
  }
}

constexpr uint32_t make_instr(Opcode op, uint32_t a) { return static_cast<uint32_t>(op) | (a << 8); }
constexpr Opcode instr_op(uint32_t unit) { return static_cast<Opcode>(unit & 0xFF); }
constexpr uint32_t instr_arg(uint32_t unit) { return unit >> 8; }
constexpr uint32_t kMaxOparg = (1u << 24) - 1;

// CALL_INTRINSIC_1 operands.
enum Intrinsic1 : uint32_t {
  kIntrinsicPrint = 1,          // REPL: print repr of a non-None value, set builtins._
  kIntrinsicImportStar = 2,     // from TOS import * into the frame's locals; pushes None
  kIntrinsicStopIterationError = 3,  // StopIteration/StopAsyncIteration escaping a generator -> RuntimeError
  kIntrinsicAsyncGenWrap = 4,   // wrap a value yielded by an async generator
  kIntrinsicUnaryPositive = 5,
  kIntrinsicListToTuple = 6,
  kIntrinsicTypeVar = 7,        // TypeVar(name)
  kIntrinsicParamSpec = 8,
  kIntrinsicTypeVarTuple = 9,
  kIntrinsicSubscriptGeneric = 10,  // Generic[*params]
  kIntrinsicTypeAlias = 11,     // TypeAliasType from (name, type_params, compute_value)
};

// CALL_INTRINSIC_2 operands.
enum Intrinsic2 : uint32_t {
  kIntrinsicPrepReraiseStar = 1,  // except*: combine raised and re-raised groups
  kIntrinsicTypeVarWithBound = 2,
  kIntrinsicTypeVarWithConstraints = 3,
  kIntrinsicSetFunctionTypeParams = 4,
  kIntrinsicSetTypeParamDefault = 5,
};

// FORMAT_VALUE conversions.
enum FormatConversion : uint32_t { kFmtNone = 0, kFmtStr = 1, kFmtRepr = 2, kFmtAscii = 3, kFmtHasSpec = 4 };

}  // namespace ftpy
