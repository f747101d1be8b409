// array.array: typecodes, conversions with CPython's messages, slicing and
// mutation, and concurrent appends through the array's critical section.
#include <thread>
#include <vector>

#include "modules/array_module.h"
#include "objects/module.h"
#include "runtime/thread_state.h"
#include "runtime_fixture.h"

namespace ftpy {

class ArrayTest : public RuntimeTest {
 protected:
  void SetUp() override {
    RuntimeTest::SetUp();
    Ref<> m = array_module_create();
    ASSERT_TRUE(m);
    dict_set_item_str(globals_.val(), "array", m.val());
  }
};

TEST_F(ArrayTest, ReprAndBasicAttributes) {
  EXPECT_EQ(eval_repr("array.array('i', [1, 2])"), "array('i', [1, 2])");
  EXPECT_EQ(eval_repr("array.array('b')"), "array('b')");
  EXPECT_EQ(eval_repr("array.array('u', 'hi')"), "array('u', 'hi')");
  EXPECT_EQ(eval_repr("array.array('f', [0.1])"), "array('f', [0.10000000149011612])");
  EXPECT_EQ(eval_repr("(array.array('d').itemsize, array.array('h').typecode)"), "(8, 'h')");
}

TEST_F(ArrayTest, ConversionErrorsMatchCPython) {
  EXPECT_EQ(eval_repr("array.array('b', [200])"), "<error: OverflowError: signed char is greater than maximum>");
  EXPECT_EQ(eval_repr("array.array('B', [-1])"), "<error: OverflowError: unsigned byte integer is less than minimum>");
  EXPECT_EQ(eval_repr("array.array('I', [-1])"),
            "<error: OverflowError: can't convert negative value to unsigned int>");
  EXPECT_EQ(eval_repr("array.array('i', [1.5])"),
            "<error: TypeError: 'float' object cannot be interpreted as an integer>");
  EXPECT_EQ(eval_repr("array.array('d', ['x'])"), "<error: TypeError: must be real number, not str>");
  EXPECT_EQ(eval_repr("array.array('i', 'abc')"),
            "<error: TypeError: cannot use a str to initialize an array with typecode 'i'>");
}

TEST_F(ArrayTest, SequenceOperations) {
  ASSERT_TRUE(exec("a = array.array('i', range(5)); a.append(10); a.extend([20, 30]); a.insert(0, -1)"));
  EXPECT_EQ(eval_repr("(a.pop(), a.index(10), a.count(2), a[2:4], a[::-2])"),
            "(30, 6, 1, array('i', [1, 2]), array('i', [20, 4, 2, 0]))");
  ASSERT_TRUE(exec("a.reverse(); a.remove(20)"));
  EXPECT_EQ(eval_repr("a"), "array('i', [10, 4, 3, 2, 1, 0, -1])");
  ASSERT_TRUE(exec("a[1:3] = array.array('i', [7]); del a[::2]"));
  EXPECT_EQ(eval_repr("a"), "array('i', [7, 1, -1])");
  EXPECT_EQ(eval_repr("a + array.array('i', [5]), 2 * array.array('b', [1])"),
            "(array('i', [7, 1, -1, 5]), array('b', [1, 1]))");
  EXPECT_EQ(eval_repr("a + [1]"), "<error: TypeError: can only append array (not \"list\") to array>");
  EXPECT_EQ(eval_repr("array.array('i').pop()"), "<error: IndexError: pop from empty array>");
}

TEST_F(ArrayTest, BytesRoundTripAndByteswap) {
  ASSERT_TRUE(exec("b = array.array('H'); b.frombytes(b'\\x01\\x00\\x02\\x01'); b.byteswap()"));
  EXPECT_EQ(eval_repr("(b, b.tobytes())"), "(array('H', [256, 513]), b'\\x00\\x01\\x01\\x02')");
  EXPECT_EQ(eval_repr("array.array('i', b'\\x01\\x00\\x00')"),
            "<error: ValueError: bytes length not a multiple of item size>");
}

TEST_F(ArrayTest, ComparisonsAreElementwise) {
  EXPECT_EQ(eval_repr("array.array('i', [1, 2]) == array.array('b', [1, 2])"), "True");
  EXPECT_EQ(eval_repr("array.array('i', [1, 2]) < array.array('i', [1, 3])"), "True");
  EXPECT_EQ(eval_repr("array.array('i', [1, 2]) == [1, 2]"), "False");
}

TEST_F(ArrayTest, ConcurrentAppendsLoseNothing) {
  ASSERT_TRUE(exec("a = array.array('q')"));
  Ref<> a;
  ASSERT_EQ(dict_get_item_str(globals_.val(), str_intern("a"), &a), 1);
  Ref<> append = getattr(a.val(), "append");
  ASSERT_TRUE(append);
  std::vector<std::thread> ts;
  for (int t = 0; t < 4; t++)
    ts.emplace_back([&, t] {
      ThreadState* me = thread_attach_new(false);
      for (int i = 0; i < 1000; i++) {
        Ref<> r = call1(append.val(), Value::small(t));
        (void)r;
      }
      thread_detach_delete(me);
    });
  {
    DetachedScope d;  // a thread attaching may stop the world
    for (auto& th : ts) th.join();
  }
  EXPECT_EQ(eval_repr("(len(a), sum(a))"), "(4000, 6000)");
}

}  // namespace ftpy
