# A tiny stack-based bytecode VM with an assembler, labels and calls.
import operator
import sys

OPCODES = ["PUSH", "POP", "ADD", "SUB", "MUL", "DIV", "MOD", "DUP", "SWAP", "OVER",
           "JMP", "JZ", "JNZ", "CALL", "RET", "LOAD", "STORE", "PRINT", "HALT", "LT", "EQ"]
OP = {name: i for i, name in enumerate(OPCODES)}
ARITH = {"ADD": operator.add, "SUB": operator.sub, "MUL": operator.mul,
         "DIV": operator.floordiv, "MOD": operator.mod, "LT": operator.lt, "EQ": operator.eq}


class VMError(RuntimeError):
    pass


def assemble(text):
    code = []
    labels = {}
    fixups = []
    for lineno, line in enumerate(text.splitlines(), 1):
        line = line.split(";", 1)[0].strip()
        if not line:
            continue
        if line.endswith(":"):
            labels[line[:-1]] = len(code)
            continue
        parts = line.split()
        name = parts[0].upper()
        if name not in OP:
            raise VMError(f"line {lineno}: unknown opcode {parts[0]!r}")
        code.append(OP[name])
        if name in ("PUSH", "JMP", "JZ", "JNZ", "CALL", "LOAD", "STORE"):
            if len(parts) != 2:
                raise VMError(f"line {lineno}: {name} needs one operand")
            arg = parts[1]
            try:
                code.append(int(arg, 0))
            except ValueError:
                fixups.append((len(code), arg, lineno))
                code.append(None)
    for pos, label, lineno in fixups:
        if label not in labels:
            raise VMError(f"line {lineno}: undefined label {label!r}")
        code[pos] = labels[label]
    return code


def disassemble(code):
    pc = 0
    while pc < len(code):
        name = OPCODES[code[pc]]
        if name in ("PUSH", "JMP", "JZ", "JNZ", "CALL", "LOAD", "STORE"):
            print(f"  {pc:04d} {name:<6} {code[pc + 1]}")
            pc += 2
        else:
            print(f"  {pc:04d} {name}")
            pc += 1


def run(code, trace=False, max_steps=100_000):
    stack, calls, mem = [], [], [0] * 16
    pc = steps = 0
    out = []
    while True:
        steps += 1
        if steps > max_steps:
            raise VMError("step limit exceeded")
        op = OPCODES[code[pc]]
        if trace:
            print(f"    pc={pc:<3} {op:<6} stack={stack}")
        pc += 1
        try:
            if op == "PUSH":
                stack.append(code[pc]); pc += 1
            elif op == "POP":
                stack.pop()
            elif op in ARITH:
                b, a = stack.pop(), stack.pop()
                stack.append(int(ARITH[op](a, b)))
            elif op == "DUP":
                stack.append(stack[-1])
            elif op == "SWAP":
                stack[-1], stack[-2] = stack[-2], stack[-1]
            elif op == "OVER":
                stack.append(stack[-2])
            elif op == "JMP":
                pc = code[pc]
            elif op in ("JZ", "JNZ"):
                v = stack.pop()
                pc = code[pc] if (v == 0) == (op == "JZ") else pc + 1
            elif op == "CALL":
                calls.append(pc + 1); pc = code[pc]
            elif op == "RET":
                pc = calls.pop()
            elif op == "LOAD":
                stack.append(mem[code[pc]]); pc += 1
            elif op == "STORE":
                mem[code[pc]] = stack.pop(); pc += 1
            elif op == "PRINT":
                out.append(stack.pop())
            elif op == "HALT":
                return out, steps
        except IndexError:
            raise VMError(f"stack underflow at pc={pc - 1} ({op})") from None
        except ZeroDivisionError as e:
            raise VMError(f"{e} at pc={pc - 1}") from e


FACT = """
    push 10
    call fact
    print
    halt
fact:            ; n -> n!
    dup
    push 2
    lt
    jnz base
    dup
    push 1
    sub
    call fact
    mul
    ret
base:
    pop
    push 1
    ret
"""

PRIMES = """
    push 2
    store 0          ; candidate
loop:
    load 0
    push 50
    lt
    jz end
    push 2
    store 1          ; divisor
inner:
    load 1
    load 1
    mul
    load 0
    swap
    lt               ; candidate < d*d ?
    jnz prime
    load 0
    load 1
    mod
    jz next
    load 1
    push 1
    add
    store 1
    jmp inner
prime:
    load 0
    print
next:
    load 0
    push 1
    add
    store 0
    jmp loop
end:
    halt
"""

code = assemble(FACT)
print("fact code:", code)
disassemble(code[:12])
print("fact:", run(code))
print("primes:", run(assemble(PRIMES)))
print("trace of small program:")
run(assemble("push 6\npush 7\nmul\nprint\nhalt"), trace=True)

for bad in ["push 1\nadd\nhalt", "push 1\npush 0\ndiv\nhalt", "frob 3", "jmp nowhere", "push\n",
            "loop:\njmp loop"]:
    try:
        result = run(assemble(bad))
        print("result", result)
    except VMError as e:
        print(f"VMError: {e}" + (f" [cause {e.__cause__!r}]" if e.__cause__ else ""))

print("final:", file=sys.stderr)
run(assemble("pop\nhalt"))
