// Object model: value tagging, the 24-byte header, biased reference counting
// (including the cross-thread merge protocol), str kinds and dict internals.
#include <gtest/gtest.h>

#include <thread>

#include "compile/code.h"
#include "compile/opcodes.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/protocol.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/heap.h"
#include "runtime/thread_state.h"
#include "runtime_fixture.h"
#include "vm/eval.h"

namespace ftpy {
namespace {

class ObjectModelTest : public RuntimeTest {};

TEST_F(ObjectModelTest, HeaderIsTwentyFourBytes) { EXPECT_EQ(sizeof(Object), 24u); }

TEST_F(ObjectModelTest, SmallIntsAreTaggedAndNeverAllocate) {
  Value v = Value::small(-42);
  EXPECT_TRUE(v.is_small());
  EXPECT_FALSE(v.is_obj());
  EXPECT_EQ(v.small_value(), -42);
  Value big = Value::small(Value::kSmallMax);
  EXPECT_EQ(big.small_value(), Value::kSmallMax);
  EXPECT_GE(Value::kSmallMax, (int64_t{1} << 61));  // at least 62 bits
  EXPECT_EQ(type_of(v), &g_int_type);
}

TEST_F(ObjectModelTest, IntArithmeticOverflowsIntoGmpAndNormalisesBack) {
  Ref<> a = int_from_int64(Value::kSmallMax);
  Ref<> one = small_int(1);
  Ref<> sum = int_add(a.val(), one.val());
  ASSERT_TRUE(sum);
  EXPECT_TRUE(sum.val().is_obj());  // left the small range
  EXPECT_EQ(int_to_decimal(sum.val()), "4611686018427387904");
  Ref<> back = int_sub(sum.val(), one.val());
  EXPECT_TRUE(back.val().is_small());  // normalised to the tagged form
  EXPECT_EQ(back.val().small_value(), Value::kSmallMax);
}

TEST_F(ObjectModelTest, OwnerIncrefsAreLocalAndOthersGoToTheSharedCount) {
  Ref<> f = float_new(1.5);
  Object* o = f.val().obj();
  EXPECT_EQ(o->ob_tid.load(), tls_thread_index);
  EXPECT_EQ(o->ob_ref_local.load(), 1u);
  incref(o);
  EXPECT_EQ(o->ob_ref_local.load(), 2u);
  EXPECT_EQ(o->ob_ref_shared.load(), 0u);
  std::thread other([o] { incref(o); });  // not the owner: shared count
  other.join();
  EXPECT_EQ(o->ob_ref_local.load(), 2u);
  EXPECT_EQ(o->ob_ref_shared.load() >> kSharedShift, 1u);
  EXPECT_EQ(refcount_estimate(o), 3);
  decref(o);
  decref(o);  // owner's local count hits zero: merged, survives on the shared count
  EXPECT_EQ(o->ob_tid.load(), 0u);
  EXPECT_EQ(o->ob_ref_shared.load() & kSharedStateMask, static_cast<uint32_t>(kSharedMerged));
  EXPECT_EQ(refcount_estimate(o), 1);
  (void)f.release();  // the remaining reference is the "other thread's"
  std::thread dropper([o] { decref(o); });  // frees it (ASan checks the free)
  dropper.join();
}

TEST_F(ObjectModelTest, NegativeSharedCountIsQueuedToTheOwnerAndMerged) {
  Ref<> f = float_new(2.5);
  Object* o = f.val().obj();
  incref(o);  // owner hands a reference to another thread
  std::thread other([o] { decref(o); });  // shared count goes negative: queued
  other.join();
  EXPECT_EQ(o->ob_ref_shared.load() & kSharedStateMask, static_cast<uint32_t>(kSharedQueued));
  EXPECT_EQ(refcount_estimate(o), 1);
  thread_drain_merge_queue(tstate());  // the owner's safepoint
  EXPECT_EQ(o->ob_ref_shared.load() & kSharedStateMask, static_cast<uint32_t>(kSharedMerged));
  EXPECT_EQ(refcount_estimate(o), 1);
  // f's destructor drops the last reference through the shared count.
}

TEST_F(ObjectModelTest, ImmortalObjectsIgnoreCounting) {
  Object* none_obj = none().obj();
  EXPECT_TRUE(is_immortal(none_obj));
  uint32_t before = none_obj->ob_ref_local.load();
  incref(none_obj);
  decref(none_obj);
  EXPECT_EQ(none_obj->ob_ref_local.load(), before);
}

TEST_F(ObjectModelTest, StrPicksTheNarrowestKind) {
  Ref<Str> a = str_from_utf8("abc");
  EXPECT_EQ(a->kind, 1);
  EXPECT_TRUE(a->ascii);
  Ref<Str> l = str_from_utf8("caf\xc3\xa9");  // é: Latin-1
  EXPECT_EQ(l->kind, 1);
  EXPECT_FALSE(l->ascii);
  EXPECT_EQ(l->length, 4);
  Ref<Str> u = str_from_utf8("\xe2\x82\xac");  // €
  EXPECT_EQ(u->kind, 2);
  Ref<Str> astral = str_from_utf8("\xf0\x9f\x98\x80");  // 😀
  EXPECT_EQ(astral->kind, 4);
  EXPECT_EQ(astral->length, 1);
  EXPECT_EQ(astral->at(0), 0x1F600u);
  EXPECT_EQ(str_view(astral.get()), "\xf0\x9f\x98\x80");
}

TEST_F(ObjectModelTest, EqualStringsHashAlikeAndInternToOneObject) {
  Ref<Str> a = str_from_utf8("hello world");
  Ref<Str> b = str_from_utf8("hello world");
  EXPECT_NE(a.get(), b.get());
  EXPECT_EQ(str_hash(a.get()), str_hash(b.get()));
  EXPECT_TRUE(str_equal(a.get(), b.get()));
  EXPECT_EQ(str_intern(a.get()), str_intern(b.get()));
}

TEST_F(ObjectModelTest, InvalidUtf8RaisesUnicodeDecodeError) {
  Ref<Str> bad = str_from_utf8("\xff");
  EXPECT_FALSE(bad);
  EXPECT_TRUE(err_matches(g_UnicodeDecodeError));
  err_clear();
}

TEST_F(ObjectModelTest, DictKeepsInsertionOrderAcrossResizeAndDeletion) {
  Ref<Dict> d = dict_new();
  for (int i = 0; i < 1000; i++) ASSERT_EQ(dict_set_item(d.val(), Value::small(i * 7), Value::small(i)), 0);
  for (int i = 0; i < 1000; i += 2) ASSERT_EQ(dict_del_item(d.val(), Value::small(i * 7)), 1);
  EXPECT_EQ(dict_size(d.val()), 500);
  int64_t pos = 0;
  Ref<> k, v;
  int expect = 1;
  while (dict_next(d.val(), &pos, &k, &v)) {
    EXPECT_EQ(v.val().small_value(), expect);
    EXPECT_EQ(k.val().small_value(), expect * 7);
    expect += 2;
  }
  EXPECT_EQ(expect, 1001);
  uint32_t keys_version = dict_keys_version(d.val());
  ASSERT_NE(keys_version, 0u);
  ASSERT_EQ(dict_set_item(d.val(), Value::small(1), Value::small(0)), 0);
  EXPECT_NE(dict_keys_version(d.val()), keys_version);  // caches see every new key
  EXPECT_TRUE(dict_may_contain_hash(d.val(), 1));       // hash(1) == 1
  EXPECT_TRUE(dict_may_contain_hash(d.val(), 7 * 999));
}

TEST_F(ObjectModelTest, DictTreatsEqualNumbersAsOneKey) {
  Ref<Dict> d = dict_new();
  Ref<> one_f = float_new(1.0);
  ASSERT_EQ(dict_set_item(d.val(), Value::small(1), Value::small(10)), 0);
  ASSERT_EQ(dict_set_item(d.val(), one_f.val(), Value::small(20)), 0);
  EXPECT_EQ(dict_size(d.val()), 1);
  Ref<> got;
  ASSERT_EQ(dict_get_item(d.val(), true_value(), &got), 1);
  EXPECT_EQ(got.val().small_value(), 20);
}

TEST_F(ObjectModelTest, UnhashableKeyRaisesTypeError) {
  Ref<Dict> d = dict_new();
  Ref<List> l = list_new();
  EXPECT_EQ(dict_set_item(d.val(), l.val(), Value::small(1)), -1);
  EXPECT_EQ(take_error(), "TypeError: unhashable type: 'list'");
}

// Hand-assembled bytecode exercises the interpreter loop independently of
// the compiler: (2 + 3) * 7 with the zero-cost exception table catching a
// ZeroDivisionError.
TEST_F(ObjectModelTest, InterpreterRunsHandAssembledBytecode) {
  CodeSpec spec;
  spec.code = {make_instr(OP_LOAD_SMALL_INT, 2), make_instr(OP_LOAD_SMALL_INT, 3), make_instr(OP_BINARY_OP, kOpAdd),
               0, make_instr(OP_LOAD_SMALL_INT, 7), make_instr(OP_BINARY_OP, kOpMul), 0,
               make_instr(OP_RETURN_VALUE, 0)};
  spec.consts = empty_tuple();
  spec.names = empty_tuple();
  spec.localsplusnames = empty_tuple();
  spec.name = str_from_utf8("<test>");
  spec.qualname = str_from_utf8("<test>");
  spec.filename = str_from_utf8("<test>");
  spec.stacksize = 2;
  Ref<Code> code = code_new(std::move(spec));
  ASSERT_TRUE(code);
  Ref<> r = vm_exec_code(code.get(), globals_.val(), Value());
  ASSERT_TRUE(r) << take_error();
  EXPECT_EQ(r.val().small_value(), 35);
}

TEST_F(ObjectModelTest, ExceptionTableRoutesErrorsToTheHandler) {
  // try: 1 // 0  except: return 42
  CodeSpec spec;
  spec.code = {make_instr(OP_LOAD_SMALL_INT, 1),   // 0
               make_instr(OP_LOAD_SMALL_INT, 0),   // 1
               make_instr(OP_BINARY_OP, kOpFloorDiv), 0,  // 2, 3
               make_instr(OP_RETURN_VALUE, 0),     // 4
               make_instr(OP_POP_TOP, 0),          // 5: handler (exception on the stack)
               make_instr(OP_LOAD_SMALL_INT, 42),  // 6
               make_instr(OP_RETURN_VALUE, 0)};    // 7
  spec.exception_table.push_back({0, 5, 5, 0, 0});
  spec.consts = empty_tuple();
  spec.names = empty_tuple();
  spec.localsplusnames = empty_tuple();
  spec.name = str_from_utf8("<test>");
  spec.qualname = str_from_utf8("<test>");
  spec.filename = str_from_utf8("<test>");
  spec.stacksize = 2;
  Ref<Code> code = code_new(std::move(spec));
  Ref<> r = vm_exec_code(code.get(), globals_.val(), Value());
  ASSERT_TRUE(r) << take_error();
  EXPECT_EQ(r.val().small_value(), 42);
  EXPECT_FALSE(err_occurred());
}

}  // namespace
}  // namespace ftpy
