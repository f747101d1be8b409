class Animal:
    sound = "..."
    def __init__(self, name):
        self.name = name
    def speak(self):
        return f"{self.name} says {self.sound}"
class Dog(Animal):
    sound = "woof"
class Puppy(Dog):
    def speak(self):
        return super().speak() + "!"
class Cat(Animal):
    def __init__(self, name, indoor):
        super().__init__(name)
        self.indoor = indoor
for a in (Animal("generic"), Dog("rex"), Puppy("bit"), Cat("tom", True)):
    print(type(a).__name__, a.speak())
print(issubclass(Puppy, Animal), isinstance(Puppy("p"), Dog), issubclass(Cat, Dog))
print(Puppy.__bases__[0].__name__, [c.__name__ for c in Puppy.__mro__])
print(Cat("c", False).indoor, Cat.__init__ is Animal.__init__, Dog.__init__ is Animal.__init__)
print(issubclass(bool, int), issubclass(int, object), issubclass(type, object), isinstance(type, type))
