PUSH, ADD, SUB, MUL, JMP, JZ, DUP, SWAP, PRINT, HALT, DEC, OVER = range(12)
def run(code):
    stack, pc, out = [], 0, []
    steps = 0
    while True:
        op = code[pc]
        pc += 1
        steps += 1
        if op == PUSH:
            stack.append(code[pc]); pc += 1
        elif op == ADD:
            b = stack.pop(); stack.append(stack.pop() + b)
        elif op == SUB:
            b = stack.pop(); stack.append(stack.pop() - b)
        elif op == MUL:
            b = stack.pop(); stack.append(stack.pop() * b)
        elif op == DUP:
            stack.append(stack[-1])
        elif op == OVER:
            stack.append(stack[-2])
        elif op == SWAP:
            stack[-1], stack[-2] = stack[-2], stack[-1]
        elif op == DEC:
            stack[-1] -= 1
        elif op == JMP:
            pc = code[pc]
        elif op == JZ:
            target = code[pc]; pc += 1
            if stack.pop() == 0:
                pc = target
        elif op == PRINT:
            out.append(stack[-1])
        elif op == HALT:
            return out, stack, steps
        else:
            raise ValueError(f"bad opcode {op}")
# factorial of 10: acc n
fact = [PUSH, 1, PUSH, 10,
        DUP, JZ, 17,
        SWAP, OVER, MUL, SWAP, DEC, JMP, 4,
        0, 0, 0,
        SWAP, PRINT, HALT]
print(run(fact))
print(run([PUSH, 2, PUSH, 3, ADD, PRINT, PUSH, 4, MUL, PRINT, PUSH, 5, SUB, PRINT, HALT]))
try:
    run([PUSH, 1, 99])
except ValueError as e:
    print(e)
