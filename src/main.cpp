// ftpy command line (placeholder until the interpreter core lands).
#include <cstdio>
int main(int argc, char** argv) {
  std::fprintf(stderr, "ftpy: interpreter core not built yet\n");
  return 2;
}
