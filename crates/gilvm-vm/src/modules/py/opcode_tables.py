"""_opcode: what the standard library's opcode and dis modules read about CPython 3.14's
bytecode (which opcodes take an argument, a constant, a name, a jump target, ...).

gilvm runs its own bytecode, not CPython's: these tables describe CPython's instruction
set (the Lib's _opcode_metadata names the opcodes), so that `dis`, `inspect` and
`dataclasses` import; `stack_effect` and `get_executor`, which would need CPython's
bytecode, raise ValueError.
"""

from _opcode_metadata import opmap as _opmap

ENABLE_SPECIALIZATION = False
ENABLE_SPECIALIZATION_FT = False


def _ops(names):
    return frozenset(_opmap[n] for n in names.split() if n in _opmap)


_HAS_CONST = _ops("LOAD_CONST")
_HAS_NAME = _ops("""DELETE_ATTR DELETE_GLOBAL DELETE_NAME IMPORT_FROM IMPORT_NAME
    INSTRUMENTED_LOAD_SUPER_ATTR LOAD_ATTR LOAD_FROM_DICT_OR_GLOBALS LOAD_GLOBAL LOAD_NAME
    LOAD_SUPER_ATTR STORE_ATTR STORE_GLOBAL STORE_NAME""")
_HAS_JUMP = _ops("""END_ASYNC_FOR FOR_ITER INSTRUMENTED_END_ASYNC_FOR INSTRUMENTED_FOR_ITER
    JUMP JUMP_BACKWARD JUMP_BACKWARD_NO_INTERRUPT JUMP_FORWARD JUMP_IF_FALSE JUMP_IF_TRUE
    JUMP_NO_INTERRUPT POP_JUMP_IF_FALSE POP_JUMP_IF_NONE POP_JUMP_IF_NOT_NONE
    POP_JUMP_IF_TRUE SEND""")
_HAS_FREE = _ops("DELETE_DEREF LOAD_FROM_DICT_OR_DEREF MAKE_CELL STORE_DEREF")
_HAS_LOCAL = _ops("""DELETE_FAST LOAD_CLOSURE LOAD_DEREF LOAD_FAST LOAD_FAST_AND_CLEAR
    LOAD_FAST_BORROW LOAD_FAST_BORROW_LOAD_FAST_BORROW LOAD_FAST_CHECK LOAD_FAST_LOAD_FAST
    STORE_FAST STORE_FAST_LOAD_FAST STORE_FAST_MAYBE_NULL STORE_FAST_STORE_FAST""")
_HAS_EXC = _ops("SETUP_CLEANUP SETUP_FINALLY SETUP_WITH")
# Opcodes below HAVE_ARGUMENT take none; neither do these above it.
_NO_ARG_PSEUDO = _ops("""POP_BLOCK ANNOTATIONS_PLACEHOLDER WITH_EXCEPT_START
    INSTRUMENTED_CALL_FUNCTION_EX INSTRUMENTED_END_FOR INSTRUMENTED_END_SEND
    INSTRUMENTED_INSTRUCTION INSTRUMENTED_LINE INSTRUMENTED_NOT_TAKEN INSTRUMENTED_POP_ITER
    INSTRUMENTED_RETURN_VALUE""")
_HAVE_ARGUMENT = 43


def is_valid(opcode):
    return opcode in _opmap.values()


def has_arg(opcode):
    return is_valid(opcode) and opcode >= _HAVE_ARGUMENT and opcode not in _NO_ARG_PSEUDO


def has_const(opcode):
    return opcode in _HAS_CONST


def has_name(opcode):
    return opcode in _HAS_NAME


def has_jump(opcode):
    return opcode in _HAS_JUMP


def has_free(opcode):
    return opcode in _HAS_FREE


def has_local(opcode):
    return opcode in _HAS_LOCAL


def has_exc(opcode):
    return opcode in _HAS_EXC


def stack_effect(opcode, oparg=None, /, *, jump=None):
    raise ValueError("stack_effect() needs CPython's bytecode; gilvm runs its own")


def get_executor(code, offset):
    raise ValueError("no executor: gilvm has no tier-2 optimizer")


def get_specialization_stats():
    return None


def get_intrinsic1_descs():
    return ['INTRINSIC_1_INVALID', 'INTRINSIC_PRINT', 'INTRINSIC_IMPORT_STAR',
            'INTRINSIC_STOPITERATION_ERROR', 'INTRINSIC_ASYNC_GEN_WRAP',
            'INTRINSIC_UNARY_POSITIVE', 'INTRINSIC_LIST_TO_TUPLE', 'INTRINSIC_TYPEVAR',
            'INTRINSIC_PARAMSPEC', 'INTRINSIC_TYPEVARTUPLE', 'INTRINSIC_SUBSCRIPT_GENERIC',
            'INTRINSIC_TYPEALIAS']


def get_intrinsic2_descs():
    return ['INTRINSIC_2_INVALID', 'INTRINSIC_PREP_RERAISE_STAR',
            'INTRINSIC_TYPEVAR_WITH_BOUND', 'INTRINSIC_TYPEVAR_WITH_CONSTRAINTS',
            'INTRINSIC_SET_FUNCTION_TYPE_PARAMS', 'INTRINSIC_SET_TYPEPARAM_DEFAULT']


def get_special_method_names():
    return ['__enter__', '__exit__', '__aenter__', '__aexit__']


def get_nb_ops():
    ops = [('ADD', '+'), ('AND', '&'), ('FLOOR_DIVIDE', '//'), ('LSHIFT', '<<'),
           ('MATRIX_MULTIPLY', '@'), ('MULTIPLY', '*'), ('REMAINDER', '%'), ('OR', '|'),
           ('POWER', '**'), ('RSHIFT', '>>'), ('SUBTRACT', '-'), ('TRUE_DIVIDE', '/'),
           ('XOR', '^')]
    return ([('NB_' + n, s) for n, s in ops] + [('NB_INPLACE_' + n, s + '=') for n, s in ops]
            + [('NB_SUBSCR', '[]')])
