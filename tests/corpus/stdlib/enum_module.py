# The Lib's enum: Enum, IntEnum, Flag, IntFlag, StrEnum, auto, unique, members, aliases.
import enum
from enum import Enum, IntEnum, Flag, IntFlag, StrEnum, auto, unique

class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1

print(Color.RED, repr(Color.GREEN), Color(3), Color['BLUE'], Color.CRIMSON is Color.RED)
print(list(Color), len(Color), Color.RED.name, Color.RED.value, Color.RED in Color)
print(list(Color.__members__), type(Color.__members__).__name__)
print(isinstance(Color.RED, Color), type(Color).__name__, Color.RED == 1, hash(Color.RED) == hash(Color.RED))
try:
    Color(7)
except ValueError as e:
    print('ValueError', e)
try:
    Color.RED = 5
except AttributeError as e:
    print('AttributeError', e)

class Num(IntEnum):
    ONE = 1
    TWO = 2
print(Num.ONE + 1, Num.TWO > Num.ONE, int(Num.TWO), Num(2), f'{Num.ONE}', sorted([Num.TWO, Num.ONE]))

class Perm(Flag):
    R = auto()
    W = auto()
    X = auto()
rw = Perm.R | Perm.W
print(rw, Perm.R in rw, Perm.X in rw, list(rw), ~Perm.R, Perm(0), bool(Perm(0)))

class IP(IntFlag):
    A = 1
    B = 2
print(IP.A | IP.B, IP.A | 4, int(IP.A | IP.B), repr(IP.A | IP.B))

class S(StrEnum):
    X = auto()
    Y = 'why'
print(S.X, S.Y, S.X.upper(), S('why') is S.Y)

class Auto(Enum):
    A = auto()
    B = auto()
print(Auto.A.value, Auto.B.value)

try:
    @unique
    class Dup(Enum):
        A = 1
        B = 1
except ValueError as e:
    print('ValueError', e)

class Planet(Enum):
    MERCURY = (3.303e+23, 2.4397e6)
    EARTH = (5.976e+24, 6.37814e6)
    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius
    @property
    def gravity(self):
        return 6.673e-11 * self.mass / (self.radius * self.radius)
print(round(Planet.EARTH.gravity, 3), Planet.MERCURY.mass)

class Shape(Enum):
    SQUARE = 2
    def describe(self):
        return f'{self.name} with {self.value}'
    @classmethod
    def default(cls):
        return cls.SQUARE
print(Shape.default().describe())

Animal = Enum('Animal', 'ANT BEE CAT')
print(list(Animal), Animal.BEE.value)
Functional = IntEnum('Functional', [('X', 10), ('Y', 20)])
print(Functional.Y + 1)

class Mood(Enum):
    HAPPY = 'h'
    @classmethod
    def _missing_(cls, value):
        if value == 'H':
            return cls.HAPPY
print(Mood('H'))
print(enum.Enum.__members__ if False else 'ok', Color.RED.__class__.__mro__)
match Color.GREEN:
    case Color.RED:
        print('red')
    case Color.GREEN:
        print('green')
