//! Code objects and the bytecode instruction set.
//!
//! The compiler (`gilvm-compiler`) produces these; the interpreter (`gilvm-vm`) runs them.
//! The bytecode is a stack machine in the style of CPython 3.11: exception handling is a
//! static exception table (no runtime block stack), `finally` bodies are duplicated on each
//! exit path by the compiler, and method calls use `LoadMethod`/`CallMethod`.
//!
//! Stack notation below: `[a, b]` means `b` is on top.
use crate::objref::ObjRef;
use crate::value::Value;

/// Binary operators (`BinaryOp`/`InplaceOp` argument).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum BinOp {
    Add,
    Sub,
    Mul,
    TrueDiv,
    FloorDiv,
    Mod,
    Pow,
    LShift,
    RShift,
    And,
    Or,
    Xor,
    MatMul,
}

impl BinOp {
    pub const ALL: [BinOp; 13] = [
        BinOp::Add,
        BinOp::Sub,
        BinOp::Mul,
        BinOp::TrueDiv,
        BinOp::FloorDiv,
        BinOp::Mod,
        BinOp::Pow,
        BinOp::LShift,
        BinOp::RShift,
        BinOp::And,
        BinOp::Or,
        BinOp::Xor,
        BinOp::MatMul,
    ];
    /// The operator as written (`+`).
    pub fn symbol(self) -> &'static str {
        match self {
            BinOp::Add => "+",
            BinOp::Sub => "-",
            BinOp::Mul => "*",
            BinOp::TrueDiv => "/",
            BinOp::FloorDiv => "//",
            BinOp::Mod => "%",
            BinOp::Pow => "**",
            BinOp::LShift => "<<",
            BinOp::RShift => ">>",
            BinOp::And => "&",
            BinOp::Or => "|",
            BinOp::Xor => "^",
            BinOp::MatMul => "@",
        }
    }
    /// The special method (`__add__`), its reflection (`__radd__`) and in-place form.
    pub fn dunders(self) -> (&'static str, &'static str, &'static str) {
        match self {
            BinOp::Add => ("__add__", "__radd__", "__iadd__"),
            BinOp::Sub => ("__sub__", "__rsub__", "__isub__"),
            BinOp::Mul => ("__mul__", "__rmul__", "__imul__"),
            BinOp::TrueDiv => ("__truediv__", "__rtruediv__", "__itruediv__"),
            BinOp::FloorDiv => ("__floordiv__", "__rfloordiv__", "__ifloordiv__"),
            BinOp::Mod => ("__mod__", "__rmod__", "__imod__"),
            BinOp::Pow => ("__pow__", "__rpow__", "__ipow__"),
            BinOp::LShift => ("__lshift__", "__rlshift__", "__ilshift__"),
            BinOp::RShift => ("__rshift__", "__rrshift__", "__irshift__"),
            BinOp::And => ("__and__", "__rand__", "__iand__"),
            BinOp::Or => ("__or__", "__ror__", "__ior__"),
            BinOp::Xor => ("__xor__", "__rxor__", "__ixor__"),
            BinOp::MatMul => ("__matmul__", "__rmatmul__", "__imatmul__"),
        }
    }
}

/// Rich comparison operators.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum CmpOp {
    Lt,
    Le,
    Eq,
    Ne,
    Gt,
    Ge,
}

impl CmpOp {
    pub fn symbol(self) -> &'static str {
        match self {
            CmpOp::Lt => "<",
            CmpOp::Le => "<=",
            CmpOp::Eq => "==",
            CmpOp::Ne => "!=",
            CmpOp::Gt => ">",
            CmpOp::Ge => ">=",
        }
    }
    /// The operator with its operands swapped (`a < b` is `b > a`).
    pub fn swapped(self) -> CmpOp {
        match self {
            CmpOp::Lt => CmpOp::Gt,
            CmpOp::Le => CmpOp::Ge,
            CmpOp::Eq => CmpOp::Eq,
            CmpOp::Ne => CmpOp::Ne,
            CmpOp::Gt => CmpOp::Lt,
            CmpOp::Ge => CmpOp::Le,
        }
    }
    pub fn dunder(self) -> &'static str {
        match self {
            CmpOp::Lt => "__lt__",
            CmpOp::Le => "__le__",
            CmpOp::Eq => "__eq__",
            CmpOp::Ne => "__ne__",
            CmpOp::Gt => "__gt__",
            CmpOp::Ge => "__ge__",
        }
    }
}

/// Unary operators.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum UnOp {
    Neg,
    Pos,
    Invert,
    Not,
}

/// One instruction. Jump targets are instruction indices.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Instr {
    Nop,
    /// `[a]` → `[]`
    Pop,
    /// `[.., x_n, .., x_1]` → push a copy of `x_n` (1 = top).
    Copy(u32),
    /// Swap the top with the n-th item (2 = the one below the top).
    Swap(u32),
    LoadConst(u32),
    LoadFast(u32),
    StoreFast(u32),
    DeleteFast(u32),
    /// Cells and free variables: index into the frame's cell slots.
    LoadDeref(u32),
    StoreDeref(u32),
    DeleteDeref(u32),
    /// Push the cell object itself (for building closures).
    LoadClosure(u32),
    /// In a class body: look the name up in the class namespace, then in the cell.
    LoadClassDeref(u32),
    LoadGlobal(u32),
    StoreGlobal(u32),
    DeleteGlobal(u32),
    /// Module and class bodies: locals dict, then globals, then builtins.
    LoadName(u32),
    StoreName(u32),
    DeleteName(u32),
    LoadAttr(u32),
    StoreAttr(u32),
    DeleteAttr(u32),
    /// `[obj]` → `[meth, obj]` when the attribute is a plain function found on the type,
    /// else `[attr, Undef]`.
    LoadMethod(u32),
    /// `[f, self_or_undef, a1..an]` → `[result]`
    CallMethod(u32),
    /// `[f, a1..an]` → `[result]`
    Call(u32),
    /// `[f, a1..an, names]` → `[result]`; `names` is a tuple of the last len(names) args'
    /// keyword names.
    CallKw(u32),
    /// `[f, args_tuple]` or `[f, args_tuple, kwargs_dict]` (arg = 1 when kwargs present).
    CallEx(u32),
    BinaryOp(BinOp),
    InplaceOp(BinOp),
    UnaryOp(UnOp),
    CompareOp(CmpOp),
    /// `is` (arg 0) / `is not` (arg 1).
    IsOp(u32),
    /// `in` (arg 0) / `not in` (arg 1): `[item, container]`.
    ContainsOp(u32),
    /// `[container, key]` → `[item]`
    BinarySubscr,
    /// `[value, container, key]` → `[]`
    StoreSubscr,
    /// `[container, key]` → `[]`
    DeleteSubscr,
    BuildTuple(u32),
    BuildList(u32),
    BuildSet(u32),
    /// `[k1, v1, .., kn, vn]` → `[dict]`
    BuildMap(u32),
    /// Concatenate n strings.
    BuildString(u32),
    /// 2 or 3 items → slice.
    BuildSlice(u32),
    /// Pop `x`, append it to the list at depth n (1 = the new top after the pop).
    ListAppend(u32),
    SetAdd(u32),
    /// Pop `[k, v]`, store in the dict at depth n.
    MapAdd(u32),
    /// Pop an iterable, extend the list at depth n.
    ListExtend(u32),
    SetUpdate(u32),
    /// Pop a mapping, update the dict at depth n.
    DictUpdate(u32),
    /// Like DictUpdate but raises on duplicate keys (`f(**a, **b)`); the callee is at depth
    /// n + 2 for the error message.
    DictMerge(u32),
    ListToTuple,
    /// f-string conversion: arg & 3 = 0 none, 1 str, 2 repr, 3 ascii; arg & 4 = a format spec
    /// is on top: `[value, spec]` → `[str]`.
    FormatValue(u32),
    UnpackSequence(u32),
    /// Starred unpacking: arg = before | after << 8.
    UnpackEx(u32),
    Jump(u32),
    PopJumpIfFalse(u32),
    PopJumpIfTrue(u32),
    /// If top is false jump (keeping it), else pop it.
    JumpIfFalseOrPop(u32),
    JumpIfTrueOrPop(u32),
    /// `[iterable]` → `[iterator]`
    GetIter,
    /// `[it]` → `[it, next]`, or pop `it` and jump when exhausted.
    ForIter(u32),
    /// `[defaults?, kwdefaults?, closure?, code]` → `[function]`; the operand's bits say
    /// which are there ([`make_function`]: `DEFAULTS`, `KWDEFAULTS`, `CLOSURE`).
    MakeFunction(u32),
    ReturnValue,
    /// `[value]` → yield it; on resume the sent value is pushed.
    YieldValue,
    /// `[iterable]` → `[iterator]` (generators pass through; others via iter()).
    GetYieldFromIter,
    /// `[subiter, value]`: send `value` into `subiter`; if it yields, the frame yields that
    /// value and re-executes this instruction on resume with the sent value on top; when it
    /// returns, `[result]`.
    YieldFrom,
    /// 0: re-raise the exception being handled; 1: `[exc]`; 2: `[exc, cause]`.
    Raise(u32),
    /// `[exc]` → re-raise it, keeping its traceback.
    Reraise,
    /// Handler entry: `[exc]` → `[prev_handled, exc]` and make `exc` the handled exception.
    PushExcInfo,
    /// `[prev_handled]` → `[]` and restore it as the handled exception.
    PopExcept,
    /// `[exc, type]` → `[exc, bool]`
    CheckExcMatch,
    /// `[exit, prev, exc]` → `[exit, prev, exc, result of exit(type, exc, tb)]`
    WithExceptStart,
    /// `[mgr]` → `[exit, enter_result]`
    BeforeWith,
    /// `[level, fromlist]` → `[module]`, name = names[arg]
    ImportName(u32),
    /// `[module]` → `[module, attr]`
    ImportFrom(u32),
    /// `[module]` → `[]`, star-import into the locals.
    ImportStar,
    LoadBuildClass,
    LoadAssertionError,
    /// Push `locals()` of a class body onto the stack (for `__classcell__`).
    LoadLocals,
    /// `[value]` → `[]`: `sys.displayhook(value)` (expression statements of code compiled
    /// in `'single'` mode, CPython's PRINT_EXPR).
    PrintExpr,
    /// Set up the `__class__` cell of a class body: store the cell into the namespace as
    /// `__classcell__` (arg = cell index).
    StoreClassCell(u32),
    /// Raise `UnboundLocalError` if local `i` is unbound; pushes nothing. Paired with a
    /// later `BinarySubscrFast(i)` (`x[key]` for a fast local `x`).
    CheckFast(u32),
    /// `[key]` → `[fast[i][key]]`: the container is read from local slot `i` (bound, by
    /// the preceding `CheckFast`) without counting a reference on it.
    BinarySubscrFast(u32),
    // Pattern matching (the `match` statement; the VM's `matching.rs`).
    /// `[obj]` → `[obj, len(obj)]`
    GetLen,
    /// `[subject]` → `[subject, bool]`: is it a sequence for a sequence pattern (a list,
    /// tuple, range, deque or a subclass; never str, bytes or bytearray)?
    MatchSequence,
    /// `[subject]` → `[subject, bool]`: is it a mapping for a mapping pattern?
    MatchMapping,
    /// `[subject, keys]` → `[subject, keys, values]`: the tuple of the subject's values
    /// for the keys (looked up with `get`, so no key is created), or `None` if one is
    /// missing.
    MatchKeys,
    /// `[subject, cls, names]` → `[attributes]`: if `subject` is an instance of `cls`, the
    /// tuple of its attributes for the `arg` positional sub-patterns (through
    /// `cls.__match_args__`) and the keyword `names`; else `None`.
    MatchClass(u32),
    // Superinstructions, made by the compiler's last pass (`peephole` in gilvm-compiler's
    // builder.rs). Each replaces the first instruction of a pair and also does the work of
    // the second, which stays in place, so a jump to it still runs it alone, and is skipped.
    /// `LoadFast(a); LoadFast(b)` (a, b < 65536): arg = a | b << 16.
    LoadFastLoadFast(u32),
    /// `LoadFast(a); LoadConst(c)` (a, c < 65536): arg = a | c << 16.
    LoadFastLoadConst(u32),
    /// `CompareOp(op); PopJumpIfFalse(target)`.
    CompareOpJumpIfFalse(CmpOp, u32),
    /// `BinaryOp(op); StoreFast(i)`.
    BinaryOpStoreFast(BinOp, u32),
    /// `InplaceOp(op); StoreFast(i)`.
    InplaceOpStoreFast(BinOp, u32),
    /// `LoadFast(a); LoadAttr(n)` (a, n < 65536): arg = a | n << 16. The object is read in
    /// its local slot, not pushed: `self.x` counts no reference on `self`.
    LoadFastLoadAttr(u32),
    /// `LoadFast(a); LoadMethod(n)` (a, n < 65536): arg = a | n << 16.
    LoadFastLoadMethod(u32),
    /// `LoadFast(a); StoreAttr(n)` (a, n < 65536): arg = a | n << 16; `[v]` → `[]`, with
    /// `fast[a].n = v` (the object read in its slot, as for `LoadFastLoadAttr`).
    LoadFastStoreAttr(u32),
    /// `IsOp(neg); PopJumpIfFalse(target)` (`neg` is 0 or 1).
    IsOpJumpIfFalse(u8, u32),
    // PEP 695 type parameters, PEP 750 template strings (branch `pep`).
    /// `[args × (arg & 0xff)]` → the result of intrinsic number `arg >> 8` (gilvm-vm's
    /// `intrinsics.rs`: the `_typing`/`_templatelib` helpers the syntax is compiled to).
    CallIntrinsic(u32),
    /// `[mapping]` → `names[i]` looked up in the mapping, else as a global or builtin: a
    /// name read by an annotation scope of a class body, through its `__classdict__`.
    LoadFromDictOrGlobals(u32),
    /// `[mapping]` → the name of cell `i` looked up in the mapping, else the cell's value.
    LoadFromDictOrDeref(u32),
    // Coroutines (`async def`, `await`, `async for`, `async with`; the VM's coro.rs and
    // asyncgen.rs).
    /// `[obj]` → `[awaitable iterator]`: a coroutine, a generator-based coroutine, or what
    /// `obj.__await__()` returns. arg: 0 `await`, 1 after `__aenter__`, 2 after
    /// `__aexit__` (for the error message).
    GetAwaitable(u32),
    /// `[obj]` → `[type(obj).__aiter__(obj)]` (`async for`).
    GetAIter,
    /// `[aiter]` → `[aiter, awaitable of aiter.__anext__()]`.
    GetANext,
    /// Handler of `async for`'s `__anext__` await: `[aiter, exc]` → `[]` when `exc` is a
    /// StopAsyncIteration, else re-raise it.
    EndAsyncFor,
    /// `[mgr]` → `[bound __aexit__, mgr.__aenter__()]` (`async with`).
    BeforeAsyncWith,
    /// `[v]` → `[wrapped v]`: the value of a `yield` in an async generator, told apart
    /// from the values its `await`s pass through.
    AsyncGenWrap,
}

// One instruction is two words' worth of bytes at most: a tag byte, a byte operand and a
// 32-bit one. The loop loads one per step; a 12-byte instruction costs a multiply there.
const _: () = assert!(std::mem::size_of::<Instr>() == 8);

/// Code flags.
pub mod flags {
    pub const VARARGS: u32 = 1;
    pub const VARKEYWORDS: u32 = 2;
    pub const GENERATOR: u32 = 4;
    /// Module or class body: names resolve through a locals dict.
    pub const NAME_SCOPE: u32 = 8;
    pub const NESTED: u32 = 16;
    /// A list/set/dict comprehension at the top level of code compiled by `compile()`:
    /// runs with its caller's locals mapping (for the names it reads by LoadName), as
    /// CPython's inlined comprehensions do.
    pub const INHERIT_LOCALS: u32 = 32;
    /// `async def` (and async list/set/dict comprehensions): calling makes a coroutine.
    pub const COROUTINE: u32 = 64;
    /// `async def` with `yield` (and async generator expressions).
    pub const ASYNC_GENERATOR: u32 = 128;
    /// A generator that `await` accepts (`types.coroutine`).
    pub const ITERABLE_COROUTINE: u32 = 256;
}

/// One exception-table entry: an exception raised at an instruction in `start..end`
/// truncates the value stack to `depth`, pushes the exception and jumps to `target`.
#[derive(Clone, Copy, Debug)]
pub struct ExcEntry {
    pub start: u32,
    pub end: u32,
    pub target: u32,
    pub depth: u32,
}

/// The operand bits of `Instr::MakeFunction`: which optional items precede the code object
/// on the stack (pushed in this order, popped in reverse).
pub mod make_function {
    /// A tuple of positional defaults.
    pub const DEFAULTS: u32 = 1;
    /// A dict of keyword-only defaults.
    pub const KWDEFAULTS: u32 = 2;
    /// The closure: a tuple of cells.
    pub const CLOSURE: u32 = 8;
}

/// Slots of a function's attribute cache per name (`CodeObject::attr_cache`).
pub const ATTR_WAYS: usize = 4;

/// A compiled code object.
pub struct CodeObject {
    pub name: ObjRef,
    pub qualname: ObjRef,
    pub filename: ObjRef,
    pub firstlineno: u32,
    pub instrs: Box<[Instr]>,
    /// Source line of each instruction.
    pub lines: Box<[u32]>,
    /// (start column, end column) of each instruction on its line, 0-based, for caret lines.
    pub cols: Box<[(u32, u32)]>,
    pub consts: Box<[Value]>,
    /// Names used by global/name/attribute instructions (interned strs).
    pub names: Box<[ObjRef]>,
    /// Local variable names; the first ones are the parameters.
    pub varnames: Box<[ObjRef]>,
    /// Names of cells created by this frame, then of free variables received in the closure.
    pub cellvars: Box<[ObjRef]>,
    pub freevars: Box<[ObjRef]>,
    /// For each cell variable that is also a parameter, its argument index.
    pub cell2arg: Box<[Option<u32>]>,
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub flags: u32,
    pub exc_table: Box<[ExcEntry]>,
    /// Upper bound of the value stack depth.
    pub stacksize: u32,
    /// Lock-free cache of global-name lookups, one slot per entry of `names`:
    /// [globals dict address, globals version, builtins version, value word 0 | hint << 8,
    /// value word 1], where the hint is 1 + the name's entry index in the globals (0: found
    /// in the builtins). An entry whose value cannot be cached keeps only the hint, with
    /// `u64::MAX` as its globals version, which no dict reaches.
    pub global_cache: Box<[crate::dict::SeqSlot<5>]>,
    /// Lock-free cache of instance-attribute accesses (`LoadAttr`/`StoreAttr`/`LoadMethod`),
    /// `attr_ways` slots per entry of `names` (entry `i` owns slots `i * attr_ways ..`), each
    /// [class address, type epoch, shared-key index | flags, function address]: one
    /// class per slot, so a site that sees a few classes (a base-class method run on
    /// instances of its subclasses) keeps one entry each. See the VM's `attrcache.rs`.
    pub attr_cache: Box<[crate::dict::SeqSlot<4>]>,
    /// Slots of `attr_cache` per name: [`ATTR_WAYS`] in functions, 1 in module and class
    /// bodies (which run once).
    pub attr_ways: usize,
    /// Lock-free cache of `globals['__name__']` for the functions this code creates
    /// (`MakeFunction` records it as their `__module__`): [globals dict address, globals
    /// version, 0, value words 0, 1]. Without it every function creation would read the
    /// shared module dict under its lock.
    pub module_name_cache: crate::dict::SeqSlot<5>,
}

impl CodeObject {
    /// Number of local slots (parameters and other locals).
    #[inline(always)]
    pub fn nlocals(&self) -> usize {
        self.varnames.len()
    }
    /// Number of cell + free slots.
    #[inline(always)]
    pub fn ncells(&self) -> usize {
        self.cellvars.len() + self.freevars.len()
    }
    pub fn is_generator(&self) -> bool {
        self.flags & flags::GENERATOR != 0
    }
    /// Total positional parameters incl. varargs etc.
    pub fn total_args(&self) -> usize {
        let mut n = (self.argcount + self.kwonlyargcount) as usize;
        if self.flags & flags::VARARGS != 0 {
            n += 1;
        }
        if self.flags & flags::VARKEYWORDS != 0 {
            n += 1;
        }
        n
    }
    /// The handler for an exception at `pc`, innermost first.
    pub fn handler_for(&self, pc: usize) -> Option<ExcEntry> {
        let pc = pc as u32;
        self.exc_table
            .iter()
            .find(|e| e.start <= pc && pc < e.end)
            .copied()
    }
}
