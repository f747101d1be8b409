# Shapes: written the way a beginner writes it. Ends with an uncaught
# AttributeError (a typo), which CPython reports with a suggestion.
import math

class Shape:
    count = 0

    def __init__(self, name):
        self.name = name
        Shape.count = Shape.count + 1

    def area(self):
        return 0

    def perimeter(self):
        return 0

    def describe(self):
        return self.name + " with area " + str(round(self.area(), 2)) + " and perimeter " + str(round(self.perimeter(), 2))

    def __str__(self):
        return "Shape(" + self.name + ")"

class Circle(Shape):
    def __init__(self, radius):
        Shape.__init__(self, "circle")
        self.radius = radius

    def area(self):
        return math.pi * self.radius ** 2

    def perimeter(self):
        return 2 * math.pi * self.radius

class Rectangle(Shape):
    def __init__(self, width, height):
        super().__init__("rectangle")
        self.width = width
        self.height = height

    def area(self):
        return self.width * self.height

    def perimeter(self):
        return 2 * (self.width + self.height)

class Square(Rectangle):
    def __init__(self, side):
        super().__init__(side, side)
        self.name = "square"

class Triangle(Shape):
    def __init__(self, a, b, c):
        super().__init__("triangle")
        if a + b <= c or a + c <= b or b + c <= a:
            raise ValueError("not a triangle: " + str((a, b, c)))
        self.sides = [a, b, c]

    def perimeter(self):
        return sum(self.sides)

    def area(self):
        s = self.perimeter() / 2
        a, b, c = self.sides
        return math.sqrt(s * (s - a) * (s - b) * (s - c))

shapes = []
shapes.append(Circle(1))
shapes.append(Circle(2.5))
shapes.append(Rectangle(3, 4))
shapes.append(Square(2))
shapes.append(Triangle(3, 4, 5))
try:
    shapes.append(Triangle(1, 2, 10))
except ValueError as err:
    print("Error:", err)

print("We have", len(shapes), "shapes and made", Shape.count, "objects")
for s in shapes:
    print(s.describe())

print()
print("Sorted by area:")
shapes.sort(key=lambda s: s.area())
for i in range(len(shapes)):
    print(i + 1, ".", shapes[i].name, "%.3f" % shapes[i].area())

total = 0
for s in shapes:
    total += s.area()
print("Total area:", total)
print("Average area: %.4f" % (total / len(shapes)))
biggest = max(shapes, key=lambda s: s.area())
print("Biggest is", biggest, "of type", type(biggest).__name__)
print("Squares are rectangles:", isinstance(Square(1), Rectangle), issubclass(Square, Shape), Square.__mro__)

names = [s.name for s in shapes]
print(names, names.count("circle"), "square" in names, sorted(set(names)))
counts = {}
for n in names:
    if n in counts:
        counts[n] += 1
    else:
        counts[n] = 1
print(counts)

grid = []
for row in range(5):
    line = ""
    for col in range(11):
        x = (col - 5) / 5
        y = (row - 2) / 2
        if x * x + y * y <= 1:
            line += "#"
        else:
            line += "."
    grid.append(line)
print("\n".join(grid))

area_table = [[round(Rectangle(w, h).area()) for w in range(1, 6)] for h in range(1, 4)]
for row in area_table:
    print(" ".join(str(v).rjust(3) for v in row))

answer = input("Enter a radius: ")
r = float(answer)
c = Circle(r)
print("A circle of radius", r, "has area", round(c.area(), 3))
print("Its diameter is", c.diamter)
