//! The instruction set, defined once: every CPython 3.14 instruction, pseudo-instruction and
//! uop, with everything the rest of rpy needs to agree on.
//!
//! This file is data. `uop.rs` and `opcode.rs` run the two tables below through the
//! generators in `define.rs`; `Opcode`, `Uop`, names, numbers, flags, stack effects, cache
//! layouts and offsets, families, the deopt and instrumentation maps, tier-1 bodies and the
//! tier-2 expansion are all derived from these rows at compile time. Nothing parallel is kept
//! anywhere else: to change the instruction set, change a row. `vm/tests/isa_facts.rs`
//! checks the rows against the facts read out of CPython 3.14.10
//! (`vm/tests/data/cpython-3.14-isa.json`, `vm/tests/data/stack_effects.json`).
//!
//! The notation follows CPython's `Python/bytecodes.c`.
//!
//! **Uops** (`uop_table!`), one per line:
//!
//! ```text
//! _LOAD_GLOBAL_MODULE = 462 (-- res) cache(version/1, unused/1, index/1) [DEOPT];
//! ```
//!
//! - `= id`: CPython 3.14's uop number (`_` for the `specializing` and `tier1` ops CPython
//!   never numbers). Numbers below 256 are shared with the instruction the uop is the body
//!   of; from 300 they follow the alphabetical order of the names.
//! - `(inputs -- outputs)`: the stack effect, bottom first; `name[formula]` is an array whose
//!   length is a formula of `oparg`.
//! - `cache(name/units, ...)`: operands read from the inline cache (tier 1) or the trace's
//!   operand fields (tier 2), consecutive units, `unused` for gaps.
//! - `[FLAGS]`: CPython's `HAS_*_FLAG` bits (see `flags.rs`) plus `TIER1` (cannot run in a
//!   trace), `TIER2` (only in traces) and `SPECIALIZING` (a family head's counter check).
//! - `replicate(..)`: the oparg-specific copies CPython numbers right after the base.
//! - `replaced(..)`: tier-2 uops that projection puts in place of this tier-1-only one (one,
//!   or for a conditional branch the uop for "not taken" then "taken").
//!
//! **Instructions** (`instruction_table!`):
//!
//! ```text
//! LOAD_ATTR = 80 Real oparg(NameAndBit) cache(LoadAttrCache)
//!     = _SPECIALIZE_LOAD_ATTR[counter] + _LOAD_ATTR;
//! LOAD_ATTR_SLOT = 188 Specialized(LOAD_ATTR)
//!     = _GUARD_TYPE_VERSION[version] + _LOAD_ATTR_SLOT[keys_version] + _PUSH_NULL_CONDITIONAL;
//! ```
//!
//! - `= number`: CPython's opcode. The kind is `Real`, `Specialized(FAMILY_HEAD)` or
//!   `Instrumented[(BASE)]`; specialized and instrumented rows share their head's or base's
//!   oparg meaning and cache layout.
//! - `oparg(Kind)`: what the oparg means (`oparg.rs`); `cache(Layout)`: the inline cache, one
//!   of the layouts in the `caches` section.
//! - `= uop + uop ...`: the tier-1 body, executed in order. `_UOP[field]` makes the uop read
//!   its `cache(...)` entries starting at that field of the layout; a binding to a field that
//!   does not exist fails the build. The instruction's flags and stack effect are composed
//!   from these uops.
//! - `super(A, B)`: a super-instruction whose tier-2 expansion is `A`'s body on the oparg's
//!   high nibble followed by `B`'s on its low nibble.
//! - `[registers]`: the tier-1 eval loop runs the body on its register copy of the context
//!   (`Opcode::on_registers`, `exec/dispatch.rs`): every uop of the body is generic over
//!   that copy and returns `Flow::Escape` before changing anything when its slow path needs
//!   the memory-resident context. Worth it for short, frequent instructions whose common
//!   path stays inline.
//!
//! **Pseudo-instructions** (`pseudo` section): `NAME = number OneOf(..)|Sequence(..)` names
//! the real instructions it lowers to, followed by its stack effect, the different effect on
//! the jump to its target if any (`jump(..)`, the `SETUP_*` block pushes), and flags declared
//! on top of its targets'.
//!
//! Sources: the uop numbers, flags, replication and tier-2 expansions were read out of the
//! 3.14.10 binary (`../shared/reference/cpython-3.14-isa.json`); stack effects, cache
//! entries, bodies and the flags of uops CPython does not expose come from
//! `Python/bytecodes.c` of the 3.14 branch.

/// The uop rows, passed to `$generate` (`define_uops`).
macro_rules! uop_table {
    ($generate:ident) => {
        $generate! {
            oparg;

            // --- Uops sharing their number with a tier-1 instruction (the body of an `inst`) ---
            _BUILD_TEMPLATE = 2 (strings, interpolations -- template) [ERROR, ESCAPES];
            _CHECK_EG_MATCH = 5 (exc_value_st, match_type_st -- rest, match) [ERROR, ESCAPES];
            _CHECK_EXC_MATCH = 6 (left, right -- left, b) [ERROR, ESCAPES, ERROR_NO_POP];
            _DELETE_SUBSCR = 8 (container, sub --) [ERROR, ESCAPES];
            _END_FOR = 9 (value --) [ESCAPES, NO_SAVE_IP];
            _END_SEND = 10 (receiver, value -- val) [ESCAPES, PURE];
            _EXIT_INIT_CHECK = 11 (should_be_none --) [ERROR, ESCAPES, ERROR_NO_POP];
            _FORMAT_SIMPLE = 12 (value -- res) [ERROR, ESCAPES];
            _FORMAT_WITH_SPEC = 13 (value, fmt_spec -- res) [ERROR, ESCAPES];
            _GET_AITER = 14 (obj -- iter) [ERROR, ESCAPES];
            _GET_ANEXT = 15 (aiter -- aiter, awaitable) [ERROR, ESCAPES, ERROR_NO_POP];
            _GET_ITER = 16 (iterable -- iter) [ERROR, ESCAPES];
            _GET_LEN = 18 (obj -- obj, len) [ERROR, ESCAPES];
            _GET_YIELD_FROM_ITER = 19 (iterable -- iter) [ERROR, ESCAPES, ERROR_NO_POP];
            _LOAD_BUILD_CLASS = 21 (-- bc) [ERROR, ESCAPES];
            _LOAD_LOCALS = 22 (-- locals) [ERROR, ESCAPES];
            _MAKE_FUNCTION = 23 (codeobj_st -- func) [ERROR, ESCAPES];
            _MATCH_KEYS = 24 (subject, keys -- subject, keys, values_or_none) [ERROR, ESCAPES];
            _MATCH_MAPPING = 25 (subject -- subject, res) [];
            _MATCH_SEQUENCE = 26 (subject -- subject, res) [];
            _NOP = 27 (--) [PURE];
            _POP_EXCEPT = 29 (exc_value --) [ESCAPES];
            _POP_TOP = 31 (value --) [ESCAPES, PURE];
            _PUSH_EXC_INFO = 32 (exc -- prev_exc, new_exc) [];
            _PUSH_NULL = 33 (-- res) [PURE];
            _RETURN_GENERATOR = 34 (-- res) [ERROR, ESCAPES];
            _RETURN_VALUE = 35 (retval -- res) [ESCAPES];
            _SETUP_ANNOTATIONS = 36 (--) [ERROR, ESCAPES];
            _UNARY_INVERT = 40 (value -- res) [ERROR, ESCAPES];
            _UNARY_NEGATIVE = 41 (value -- res) [ERROR, ESCAPES];
            _UNARY_NOT = 42 (value -- res) [PURE];
            _WITH_EXCEPT_START = 43 (exit_func, exit_self, lasti, unused, val
                    -- exit_func, exit_self, lasti, unused, val, res)
                [ERROR, ESCAPES];
            _BUILD_INTERPOLATION = 45 (value, str, format[oparg & 1] -- interpolation)
                [ARG, ERROR, ESCAPES];
            _BUILD_LIST = 46 (values[oparg] -- list) [ARG, ERROR, ESCAPES, ERROR_NO_POP];
            _BUILD_MAP = 47 (values[oparg * 2] -- map) [ARG, ERROR, ESCAPES];
            _BUILD_SET = 48 (values[oparg] -- set) [ARG, ERROR, ESCAPES];
            _BUILD_SLICE = 49 (args[oparg] -- slice) [ARG, ERROR];
            _BUILD_STRING = 50 (pieces[oparg] -- str) [ARG, ERROR];
            _BUILD_TUPLE = 51 (values[oparg] -- tup) [ARG, ERROR, ERROR_NO_POP];
            _CALL_INTRINSIC_1 = 53 (value -- res) [ARG, ERROR, ESCAPES];
            _CALL_INTRINSIC_2 = 54 (value2_st, value1_st -- res) [ARG, ERROR, ESCAPES];
            _CONVERT_VALUE = 58 (value -- result) [ARG, ERROR, ESCAPES];
            _COPY = 59 (bottom, unused[oparg - 1] -- bottom, unused[oparg - 1], top)
                [ARG, PURE];
            _COPY_FREE_VARS = 60 (--) [ARG];
            _DELETE_ATTR = 61 (owner --) [ARG, NAME, ERROR, ESCAPES];
            _DELETE_DEREF = 62 (--) [ARG, FREE, ERROR, ESCAPES, ERROR_NO_POP];
            _DELETE_FAST = 63 (--) [ARG, LOCAL, ERROR, ESCAPES];
            _DELETE_GLOBAL = 64 (--) [ARG, NAME, ERROR, ESCAPES, ERROR_NO_POP];
            _DELETE_NAME = 65 (--) [ARG, NAME, ERROR, ESCAPES, ERROR_NO_POP];
            _DICT_MERGE = 66 (callable, unused, unused, dict, unused[oparg - 1], update
                    -- callable, unused, unused, dict, unused[oparg - 1])
                [ARG, ERROR, ESCAPES];
            _DICT_UPDATE = 67 (dict, unused[oparg - 1], update -- dict, unused[oparg - 1])
                [ARG, ERROR, ESCAPES];
            _GET_AWAITABLE = 71 (iterable -- iter) [ARG, ERROR, ESCAPES];
            _IMPORT_FROM = 72 (from -- from, res) [ARG, NAME, ERROR, ESCAPES];
            _IMPORT_NAME = 73 (level, fromlist -- res) [ARG, NAME, ERROR, ESCAPES];
            _IS_OP = 74 (left, right -- b) [ARG];
            _LIST_APPEND = 78 (list, unused[oparg - 1], v -- list, unused[oparg - 1])
                [ARG, ERROR];
            _LIST_EXTEND = 79 (list_st, unused[oparg - 1], iterable_st
                    -- list_st, unused[oparg - 1])
                [ARG, ERROR, ESCAPES];
            _LOAD_COMMON_CONSTANT = 81 (-- value) [ARG];
            _LOAD_CONST = 82 (-- value) [ARG, CONST, TIER1];
            _LOAD_DEREF = 83 (-- value) [ARG, LOCAL, ERROR, ESCAPES];
            _LOAD_FAST_AND_CLEAR = 85 (-- value) [ARG, LOCAL];
            _LOAD_FAST_BORROW_LOAD_FAST_BORROW = 87 (-- value1, value2) [ARG, LOCAL];
            _LOAD_FAST_CHECK = 88 (-- value) [ARG, LOCAL, ERROR, ESCAPES];
            _LOAD_FAST_LOAD_FAST = 89 (-- value1, value2) [ARG, LOCAL];
            _LOAD_FROM_DICT_OR_DEREF = 90 (class_dict_st -- value)
                [ARG, FREE, ERROR, ESCAPES, ERROR_NO_POP];
            _LOAD_FROM_DICT_OR_GLOBALS = 91 (mod_or_class_dict -- v)
                [ARG, NAME, ERROR, ESCAPES, ERROR_NO_POP, TIER1];
            _LOAD_NAME = 93 (-- v) [ARG, NAME, ERROR, ESCAPES];
            _MAKE_CELL = 97 (--) [ARG, FREE, ERROR, ESCAPES, ERROR_NO_POP];
            _MAP_ADD = 98 (dict_st, unused[oparg - 1], key, value -- dict_st, unused[oparg - 1])
                [ARG, ERROR, ESCAPES];
            _MATCH_CLASS = 99 (subject, type, names -- attrs) [ARG, ERROR, ESCAPES];
            _SET_ADD = 107 (set, unused[oparg - 1], v -- set, unused[oparg - 1])
                [ARG, ERROR, ESCAPES];
            _SET_FUNCTION_ATTRIBUTE = 108 (attr_st, func_in -- func_out) [ARG, ERROR, ESCAPES];
            _SET_UPDATE = 109 (set, unused[oparg - 1], iterable -- set, unused[oparg - 1])
                [ARG, ERROR, ESCAPES];
            _STORE_DEREF = 111 (v --) [ARG, FREE, ESCAPES];
            _STORE_FAST_LOAD_FAST = 113 (value1 -- value2) [ARG, LOCAL, ESCAPES];
            _STORE_FAST_STORE_FAST = 114 (value2, value1 --) [ARG, LOCAL, ESCAPES];
            _STORE_GLOBAL = 115 (v --) [ARG, NAME, ERROR, ESCAPES];
            _STORE_NAME = 116 (v --) [ARG, NAME, ERROR, ESCAPES];
            _SWAP = 117 (bottom, unused[oparg - 2], top -- bottom, unused[oparg - 2], top)
                [ARG, PURE];
            _UNPACK_EX = 118 (seq -- unused[oparg & 0xFF], unused, unused[oparg >> 8], top[0])
                [ARG, ERROR, ESCAPES];
            _YIELD_VALUE = 120 (retval -- value) [ARG, ESCAPES];
            _CALL_ISINSTANCE = 150 (callable, self_or_null, args[oparg] -- res)
                [ARG, DEOPT, ERROR, ESCAPES, ERROR_NO_POP];
            _CALL_LIST_APPEND = 155 (callable, self, arg --) [ARG, DEOPT, ERROR, ESCAPES];
            _LOAD_ATTR_GETATTRIBUTE_OVERRIDDEN = 179 (owner -- unused)
                cache(type_version/2, func_version/2, getattribute/4)
                [ARG, NAME, DEOPT, TIER1];
            _LOAD_CONST_IMMORTAL = 190 (-- value) [ARG, CONST];
            _LOAD_CONST_MORTAL = 191 (-- value) [ARG, CONST];
            _LOAD_SUPER_ATTR_ATTR = 194 (global_super_st, class_st, self_st -- attr_st)
                [ARG, NAME, DEOPT, ERROR, ESCAPES];
            _LOAD_SUPER_ATTR_METHOD = 195 (global_super_st, class_st, self_st
                    -- attr, self_or_null)
                [ARG, NAME, DEOPT, ERROR, ESCAPES, ERROR_NO_POP];
            _RESUME_CHECK = 196 (--) [DEOPT];
            _TO_BOOL_BOOL = 204 (value -- value) [EXIT];
            _TO_BOOL_INT = 205 (value -- res) [ESCAPES, EXIT];
            _TO_BOOL_NONE = 207 (value -- res) [EXIT];
            _INSTRUMENTED_FOR_ITER = 237 (iter -- iter, next)
                [ARG, JUMP, ERROR, ESCAPES, ERROR_NO_POP, TIER1];
            _INSTRUMENTED_INSTRUCTION = 238 (--) [ERROR, ESCAPES, TIER1];
            _INSTRUMENTED_JUMP_FORWARD = 239 (--) [ARG, TIER1];
            _INSTRUMENTED_NOT_TAKEN = 240 (--) [TIER1];
            _INSTRUMENTED_POP_JUMP_IF_TRUE = 241 (cond --) [ARG, TIER1];
            _INSTRUMENTED_POP_JUMP_IF_FALSE = 242 (cond --) [ARG, TIER1];
            _INSTRUMENTED_POP_JUMP_IF_NONE = 243 (value --) [ARG, ESCAPES, TIER1];
            _INSTRUMENTED_POP_JUMP_IF_NOT_NONE = 244 (value --) [ARG, ESCAPES, TIER1];
            _INSTRUMENTED_LINE = 254 (--) [ESCAPES, TIER1];

            // --- Uops numbered from 300, in CPython's (alphabetical) order ---
            _EXIT_TRACE = 300 (--) cache(exit_p/4) [ESCAPES, TIER2];
            _SET_IP = 301 (--) cache(instr_ptr/4) [TIER2];
            _BINARY_OP = 302 (lhs, rhs -- res) [ARG, ERROR, ESCAPES, ERROR_NO_POP];
            _BINARY_OP_ADD_FLOAT = 303 (left, right -- res) [ERROR, PURE];
            _BINARY_OP_ADD_INT = 304 (left, right -- res) [ERROR, ESCAPES, PURE];
            _BINARY_OP_ADD_UNICODE = 305 (left, right -- res) [ERROR, PURE];
            _BINARY_OP_EXTEND = 306 (left, right -- res) cache(descr/4) [ERROR, ESCAPES, PURE];
            _BINARY_OP_INPLACE_ADD_UNICODE = 307 (left, right --)
                [LOCAL, DEOPT, ERROR, ESCAPES];
            _BINARY_OP_MULTIPLY_FLOAT = 308 (left, right -- res) [ERROR, PURE];
            _BINARY_OP_MULTIPLY_INT = 309 (left, right -- res) [ERROR, ESCAPES, PURE];
            _BINARY_OP_SUBSCR_CHECK_FUNC = 310 (container, unused -- container, unused, getitem)
                [DEOPT];
            _BINARY_OP_SUBSCR_DICT = 311 (dict_st, sub_st -- res) [ERROR, ESCAPES];
            _BINARY_OP_SUBSCR_INIT_CALL = 312 (container, sub, getitem -- new_frame) [];
            _BINARY_OP_SUBSCR_LIST_INT = 313 (list_st, sub_st -- res) [DEOPT, ESCAPES];
            _BINARY_OP_SUBSCR_LIST_SLICE = 314 (list_st, sub_st -- res) [ERROR, ESCAPES];
            _BINARY_OP_SUBSCR_STR_INT = 315 (str_st, sub_st -- res) [DEOPT, ESCAPES];
            _BINARY_OP_SUBSCR_TUPLE_INT = 316 (tuple_st, sub_st -- res) [DEOPT];
            _BINARY_OP_SUBTRACT_FLOAT = 317 (left, right -- res) [ERROR, PURE];
            _BINARY_OP_SUBTRACT_INT = 318 (left, right -- res) [ERROR, ESCAPES, PURE];
            _BINARY_SLICE = 319 (container, start, stop -- res) [ERROR, ESCAPES];
            _CALL_BUILTIN_CLASS = 320 (callable, self_or_null, args[oparg] -- res)
                [ARG, DEOPT, ERROR, ESCAPES];
            _CALL_BUILTIN_FAST = 321 (callable, self_or_null, args[oparg] -- res)
                [ARG, DEOPT, ERROR, ESCAPES];
            _CALL_BUILTIN_FAST_WITH_KEYWORDS = 322 (callable, self_or_null, args[oparg] -- res)
                [ARG, DEOPT, ERROR, ESCAPES];
            _CALL_BUILTIN_O = 323 (callable, self_or_null, args[oparg] -- res)
                [ARG, ERROR, ESCAPES, EXIT];
            _CALL_KW_NON_PY = 324 (callable, self_or_null, args[oparg], kwnames -- res)
                [ARG, ERROR, ESCAPES];
            _CALL_LEN = 325 (callable, null, arg -- res) [ERROR, ESCAPES, ERROR_NO_POP];
            _CALL_METHOD_DESCRIPTOR_FAST = 326 (callable, self_or_null, args[oparg] -- res)
                [ARG, ERROR, ESCAPES, EXIT];
            _CALL_METHOD_DESCRIPTOR_FAST_WITH_KEYWORDS = 327 (callable, self_or_null, args[oparg]
                    -- res)
                [ARG, ERROR, ESCAPES, EXIT];
            _CALL_METHOD_DESCRIPTOR_NOARGS = 328 (callable, self_or_null, args[oparg] -- res)
                [ARG, ERROR, ESCAPES, EXIT];
            _CALL_METHOD_DESCRIPTOR_O = 329 (callable, self_or_null, args[oparg] -- res)
                [ARG, ERROR, ESCAPES, EXIT];
            _CALL_NON_PY_GENERAL = 330 (callable, self_or_null, args[oparg] -- res)
                [ARG, ERROR, ESCAPES];
            _CALL_STR_1 = 331 (callable, null, arg -- res) [ARG, ERROR, ESCAPES];
            _CALL_TUPLE_1 = 332 (callable, null, arg -- res) [ARG, ERROR, ESCAPES];
            _CALL_TYPE_1 = 333 (callable, null, arg -- res) [ARG, ESCAPES];
            _CHECK_AND_ALLOCATE_OBJECT = 334 (callable, self_or_null, unused[oparg]
                    -- callable, self_or_null, unused[oparg])
                cache(type_version/2)
                [ARG, DEOPT, ERROR, ESCAPES, ERROR_NO_POP];
            _CHECK_ATTR_CLASS = 335 (owner -- owner) cache(type_version/2) [EXIT];
            _CHECK_ATTR_METHOD_LAZY_DICT = 336 (owner -- owner) cache(dictoffset/1) [DEOPT];
            _CHECK_CALL_BOUND_METHOD_EXACT_ARGS = 337 (callable, null, unused[oparg]
                    -- callable, null, unused[oparg])
                [ARG, EXIT];
            _CHECK_FUNCTION = 338 (--) cache(func_version/2) [DEOPT, TIER2];
            _CHECK_FUNCTION_EXACT_ARGS = 339 (callable, self_or_null, unused[oparg]
                    -- callable, self_or_null, unused[oparg])
                [ARG, EXIT];
            _CHECK_FUNCTION_VERSION = 340 (callable, unused, unused[oparg]
                    -- callable, unused, unused[oparg])
                cache(func_version/2)
                [ARG, EXIT];
            _CHECK_FUNCTION_VERSION_INLINE = 341 (--)
                cache(func_version/2, callable_o/4)
                [EXIT, TIER2];
            _CHECK_FUNCTION_VERSION_KW = 342 (callable, unused, unused[oparg], unused
                    -- callable, unused, unused[oparg], unused)
                cache(func_version/2)
                [ARG, EXIT];
            _CHECK_IS_NOT_PY_CALLABLE = 343 (callable, unused, unused[oparg]
                    -- callable, unused, unused[oparg])
                [ARG, EXIT];
            _CHECK_IS_NOT_PY_CALLABLE_KW = 344 (callable, unused, unused[oparg], unused
                    -- callable, unused, unused[oparg], unused)
                [ARG, EXIT];
            _CHECK_MANAGED_OBJECT_HAS_VALUES = 345 (owner -- owner) [DEOPT];
            _CHECK_METHOD_VERSION = 346 (callable, null, unused[oparg]
                    -- callable, null, unused[oparg])
                cache(func_version/2)
                [ARG, EXIT];
            _CHECK_METHOD_VERSION_KW = 347 (callable, null, unused[oparg], unused
                    -- callable, null, unused[oparg], unused)
                cache(func_version/2)
                [ARG, EXIT];
            _CHECK_PEP_523 = 348 (--) [DEOPT];
            _CHECK_PERIODIC = 349 (--) [EVAL_BREAK, ERROR, ESCAPES];
            _CHECK_PERIODIC_IF_NOT_YIELD_FROM = 350 (--) [ARG, EVAL_BREAK, ERROR, ESCAPES];
            _CHECK_RECURSION_REMAINING = 351 (--) [DEOPT];
            _CHECK_STACK_SPACE = 352 (callable, unused, unused[oparg]
                    -- callable, unused, unused[oparg])
                [ARG, DEOPT];
            _CHECK_STACK_SPACE_OPERAND = 353 (--) cache(framesize/2) [DEOPT, TIER2];
            _CHECK_VALIDITY = 354 (--) [DEOPT, TIER2];
            _COMPARE_OP = 355 (left, right -- res) [ARG, ERROR, ESCAPES];
            _COMPARE_OP_FLOAT = 356 (left, right -- res) [ARG];
            _COMPARE_OP_INT = 357 (left, right -- res) [ARG, DEOPT];
            _COMPARE_OP_STR = 358 (left, right -- res) [ARG];
            _CONTAINS_OP = 359 (left, right -- b) [ARG, ERROR, ESCAPES];
            _CONTAINS_OP_DICT = 360 (left, right -- b) [ARG, ERROR, ESCAPES];
            _CONTAINS_OP_SET = 361 (left, right -- b) [ARG, ERROR, ESCAPES];
            _CREATE_INIT_FRAME = 362 (init, self, args[oparg] -- init_frame)
                [ARG, ERROR, ESCAPES, ERROR_NO_POP];
            _DEOPT = 363 (--) [TIER2];
            _DO_CALL = 364 (callable, self_or_null, args[oparg] -- res)
                [ARG, ERROR, ESCAPES, ERROR_NO_POP, TIER1];
            _DO_CALL_FUNCTION_EX = 365 (func_st, null, callargs_st, kwargs_st -- result)
                [ERROR, ESCAPES, ERROR_NO_POP, TIER1];
            _DO_CALL_KW = 366 (callable, self_or_null, args[oparg], kwnames -- res)
                [ARG, ERROR, ESCAPES, ERROR_NO_POP, TIER1];
            _ERROR_POP_N = 367 (--) cache(target/2) [ARG, TIER2];
            _EXPAND_METHOD = 368 (callable, self_or_null, unused[oparg]
                    -- callable, self_or_null, unused[oparg])
                [ARG, ESCAPES];
            _EXPAND_METHOD_KW = 369 (callable, self_or_null, unused[oparg], unused
                    -- callable, self_or_null, unused[oparg], unused)
                [ARG, ESCAPES];
            _FATAL_ERROR = 370 (--) [TIER2];
            _FOR_ITER = 371 (iter -- iter, next)
                [ARG, JUMP, ERROR, ESCAPES, ERROR_NO_POP, TIER1]
                replaced(_FOR_ITER_TIER_TWO);
            _FOR_ITER_GEN_FRAME = 372 (iter -- iter, gen_frame) [ARG, DEOPT];
            _FOR_ITER_TIER_TWO = 373 (iter -- iter, next)
                [ERROR, ESCAPES, EXIT, ERROR_NO_POP, TIER2];
            _GUARD_BINARY_OP_EXTEND = 374 (left, right -- left, right)
                cache(descr/4)
                [DEOPT, ESCAPES];
            _GUARD_CALLABLE_LEN = 375 (callable, unused, unused -- callable, unused, unused)
                [DEOPT];
            _GUARD_CALLABLE_STR_1 = 376 (callable, unused, unused -- callable, unused, unused)
                [DEOPT];
            _GUARD_CALLABLE_TUPLE_1 = 377 (callable, unused, unused -- callable, unused, unused)
                [DEOPT];
            _GUARD_CALLABLE_TYPE_1 = 378 (callable, unused, unused -- callable, unused, unused)
                [DEOPT];
            _GUARD_DORV_NO_DICT = 379 (owner -- owner) [EXIT];
            _GUARD_DORV_VALUES_INST_ATTR_FROM_DICT = 380 (owner -- owner) [DEOPT];
            _GUARD_GLOBALS_VERSION = 381 (--) cache(version/1) [DEOPT];
            _GUARD_IS_FALSE_POP = 382 (flag --) [EXIT, TIER2];
            _GUARD_IS_NONE_POP = 383 (val --) [ESCAPES, EXIT, TIER2];
            _GUARD_IS_NOT_NONE_POP = 384 (val --) [ESCAPES, EXIT, TIER2];
            _GUARD_IS_TRUE_POP = 385 (flag --) [EXIT, TIER2];
            _GUARD_KEYS_VERSION = 386 (owner -- owner) cache(keys_version/2) [DEOPT];
            _GUARD_NOS_DICT = 387 (nos, unused -- nos, unused) [EXIT];
            _GUARD_NOS_FLOAT = 388 (left, unused -- left, unused) [EXIT];
            _GUARD_NOS_INT = 389 (left, unused -- left, unused) [EXIT];
            _GUARD_NOS_LIST = 390 (nos, unused -- nos, unused) [EXIT];
            _GUARD_NOS_NULL = 391 (null, unused -- null, unused) [DEOPT];
            _GUARD_NOS_TUPLE = 392 (nos, unused -- nos, unused) [EXIT];
            _GUARD_NOS_UNICODE = 393 (nos, unused -- nos, unused) [EXIT];
            _GUARD_NOT_EXHAUSTED_LIST = 394 (iter -- iter) [EXIT, TIER2];
            _GUARD_NOT_EXHAUSTED_RANGE = 395 (iter -- iter) [EXIT, TIER2];
            _GUARD_NOT_EXHAUSTED_TUPLE = 396 (iter -- iter) [EXIT, TIER2];
            _GUARD_TOS_ANY_SET = 397 (tos -- tos) [DEOPT];
            _GUARD_TOS_DICT = 398 (tos -- tos) [EXIT];
            _GUARD_TOS_FLOAT = 399 (value -- value) [EXIT];
            _GUARD_TOS_INT = 400 (value -- value) [EXIT];
            _GUARD_TOS_LIST = 401 (tos -- tos) [EXIT];
            _GUARD_TOS_SLICE = 402 (tos -- tos) [EXIT];
            _GUARD_TOS_TUPLE = 403 (tos -- tos) [EXIT];
            _GUARD_TOS_UNICODE = 404 (value -- value) [EXIT];
            _GUARD_TYPE_VERSION = 405 (owner -- owner) cache(type_version/2) [EXIT];
            _GUARD_TYPE_VERSION_AND_LOCK = 406 (owner -- owner) cache(type_version/2) [EXIT];
            _INIT_CALL_BOUND_METHOD_EXACT_ARGS = 407 (callable, self_or_null, unused[oparg]
                    -- callable, self_or_null, unused[oparg])
                [ARG, ESCAPES];
            _INIT_CALL_PY_EXACT_ARGS = 408 (callable, self_or_null, args[oparg] -- new_frame)
                [ARG, PURE]
                replicate(
                    _INIT_CALL_PY_EXACT_ARGS_0, _INIT_CALL_PY_EXACT_ARGS_1,
                    _INIT_CALL_PY_EXACT_ARGS_2, _INIT_CALL_PY_EXACT_ARGS_3,
                    _INIT_CALL_PY_EXACT_ARGS_4
                );
            _INSERT_NULL = 414 (self -- method_and_self[2]) [];
            _IS_NONE = 415 (value -- b) [];
            _ITER_CHECK_LIST = 416 (iter -- iter) [EXIT];
            _ITER_CHECK_RANGE = 417 (iter -- iter) [EXIT];
            _ITER_CHECK_TUPLE = 418 (iter -- iter) [EXIT];
            _ITER_JUMP_LIST = 419 (iter -- iter)
                [ARG, JUMP, ESCAPES, TIER1]
                replaced(_GUARD_NOT_EXHAUSTED_LIST);
            _ITER_JUMP_RANGE = 420 (iter -- iter)
                [ARG, JUMP, TIER1]
                replaced(_GUARD_NOT_EXHAUSTED_RANGE);
            _ITER_JUMP_TUPLE = 421 (iter -- iter)
                [ARG, JUMP, ESCAPES, TIER1]
                replaced(_GUARD_NOT_EXHAUSTED_TUPLE);
            _ITER_NEXT_LIST = 422 (iter -- iter, next)
                [ARG, JUMP, DEOPT, TIER1]
                replaced(_ITER_NEXT_LIST_TIER_TWO);
            _ITER_NEXT_LIST_TIER_TWO = 423 (iter -- iter, next) [ESCAPES, EXIT, TIER2];
            _ITER_NEXT_RANGE = 424 (iter -- iter, next) [ERROR];
            _ITER_NEXT_TUPLE = 425 (iter -- iter, next) [];
            _JUMP_TO_TOP = 426 (--) [TIER2];
            _LOAD_ATTR = 427 (owner -- attr, self_or_null[oparg & 1])
                [ARG, NAME, ERROR, ESCAPES];
            _LOAD_ATTR_CLASS = 428 (owner -- attr) cache(descr/4) [];
            _LOAD_ATTR_INSTANCE_VALUE = 429 (owner -- attr) cache(offset/1) [DEOPT, ESCAPES];
            _LOAD_ATTR_METHOD_LAZY_DICT = 430 (owner -- attr, self) cache(descr/4) [ARG];
            _LOAD_ATTR_METHOD_NO_DICT = 431 (owner -- attr, self) cache(descr/4) [ARG];
            _LOAD_ATTR_METHOD_WITH_VALUES = 432 (owner -- attr, self) cache(descr/4) [ARG];
            _LOAD_ATTR_MODULE = 433 (owner -- attr)
                cache(dict_version/2, index/1)
                [DEOPT, ESCAPES];
            _LOAD_ATTR_NONDESCRIPTOR_NO_DICT = 434 (owner -- attr)
                cache(descr/4)
                [ARG, ESCAPES];
            _LOAD_ATTR_NONDESCRIPTOR_WITH_VALUES = 435 (owner -- attr)
                cache(descr/4)
                [ARG, ESCAPES];
            _LOAD_ATTR_PROPERTY_FRAME = 436 (owner -- new_frame) cache(fget/4) [ARG, DEOPT];
            _LOAD_ATTR_SLOT = 437 (owner -- attr) cache(index/1) [DEOPT];
            _LOAD_ATTR_WITH_HINT = 438 (owner -- attr)
                cache(hint/1)
                [ARG, NAME, DEOPT, ESCAPES];
            _LOAD_BYTECODE = 439 (--) [ERROR, ESCAPES, TIER1];
            _LOAD_CONST_INLINE = 440 (-- value) cache(ptr/4) [PURE, TIER2];
            _LOAD_CONST_INLINE_BORROW = 441 (-- value) cache(ptr/4) [PURE, TIER2];
            _LOAD_FAST = 442 (-- value)
                [ARG, LOCAL, PURE]
                replicate(
                    _LOAD_FAST_0, _LOAD_FAST_1, _LOAD_FAST_2, _LOAD_FAST_3, _LOAD_FAST_4,
                    _LOAD_FAST_5, _LOAD_FAST_6, _LOAD_FAST_7
                );
            _LOAD_FAST_BORROW = 451 (-- value)
                [ARG, LOCAL, PURE]
                replicate(
                    _LOAD_FAST_BORROW_0, _LOAD_FAST_BORROW_1, _LOAD_FAST_BORROW_2,
                    _LOAD_FAST_BORROW_3, _LOAD_FAST_BORROW_4, _LOAD_FAST_BORROW_5,
                    _LOAD_FAST_BORROW_6, _LOAD_FAST_BORROW_7
                );
            _LOAD_GLOBAL = 460 (-- res[1]) [ARG, NAME, ERROR, ESCAPES];
            _LOAD_GLOBAL_BUILTINS = 461 (-- res) cache(version/1, index/1) [DEOPT];
            _LOAD_GLOBAL_MODULE = 462 (-- res) cache(version/1, unused/1, index/1) [DEOPT];
            _LOAD_SMALL_INT = 463 (-- value)
                [ARG]
                replicate(
                    _LOAD_SMALL_INT_0, _LOAD_SMALL_INT_1, _LOAD_SMALL_INT_2, _LOAD_SMALL_INT_3
                );
            _LOAD_SPECIAL = 468 (method_and_self[2] -- method_and_self[2])
                [ARG, ERROR, ESCAPES, ERROR_NO_POP];
            _MAKE_CALLARGS_A_TUPLE = 469 (func, unused, callargs, kwargs
                    -- func, unused, callargs, kwargs)
                [ERROR, ESCAPES, ERROR_NO_POP];
            _MAKE_WARM = 470 (--) [TIER2];
            _MAYBE_EXPAND_METHOD = 471 (callable, self_or_null, unused[oparg]
                    -- callable, self_or_null, unused[oparg])
                [ARG, ESCAPES];
            _MAYBE_EXPAND_METHOD_KW = 472 (callable, self_or_null, unused[oparg], unused
                    -- callable, self_or_null, unused[oparg], unused)
                [ARG, ESCAPES];
            _MONITOR_CALL = 473 (func, maybe_self, args[oparg] -- func, maybe_self, args[oparg])
                [ARG, ERROR, ESCAPES, TIER1];
            _MONITOR_CALL_KW = 474 (callable, self_or_null, args[oparg], unused
                    -- callable, self_or_null, args[oparg], unused)
                [ARG, ERROR, ESCAPES, TIER1];
            _MONITOR_JUMP_BACKWARD = 475 (--) [ARG, TIER1];
            _MONITOR_RESUME = 476 (--) [ARG, ERROR, ESCAPES, TIER1];
            _POP_JUMP_IF_FALSE = 477 (cond --)
                [ARG, JUMP, TIER1]
                replaced(_GUARD_IS_TRUE_POP, _GUARD_IS_FALSE_POP);
            _POP_JUMP_IF_TRUE = 478 (cond --)
                [ARG, JUMP, TIER1]
                replaced(_GUARD_IS_FALSE_POP, _GUARD_IS_TRUE_POP);
            _POP_TOP_LOAD_CONST_INLINE = 479 (pop -- value) cache(ptr/4) [ESCAPES, PURE, TIER2];
            _POP_TOP_LOAD_CONST_INLINE_BORROW = 480 (pop -- value)
                cache(ptr/4)
                [ESCAPES, PURE, TIER2];
            _POP_TWO_LOAD_CONST_INLINE_BORROW = 481 (pop1, pop2 -- value)
                cache(ptr/4)
                [ESCAPES, PURE, TIER2];
            _PUSH_FRAME = 482 (new_frame --) [];
            _PUSH_NULL_CONDITIONAL = 483 (-- null[oparg & 1]) [ARG];
            _PY_FRAME_GENERAL = 484 (callable, self_or_null, args[oparg] -- new_frame)
                [ARG, ERROR, ESCAPES, ERROR_NO_POP];
            _PY_FRAME_KW = 485 (callable, self_or_null, args[oparg], kwnames -- new_frame)
                [ARG, ERROR, ESCAPES];
            _QUICKEN_RESUME = 486 (--) [TIER1];
            _REPLACE_WITH_TRUE = 487 (value -- res) [ESCAPES];
            _SAVE_RETURN_OFFSET = 488 (--) [ARG];
            _SEND = 489 (receiver, v -- receiver, retval) [ARG, JUMP, ERROR, ESCAPES, TIER1];
            _SEND_GEN_FRAME = 490 (receiver, v -- receiver, gen_frame) [ARG, DEOPT];
            _START_EXECUTOR = 491 (--) cache(executor/4) [TIER2];
            _STORE_ATTR = 492 (v, owner --) [ARG, NAME, ERROR, ESCAPES];
            _STORE_ATTR_INSTANCE_VALUE = 493 (value, owner --) cache(offset/1) [ESCAPES];
            _STORE_ATTR_SLOT = 494 (value, owner --) cache(index/1) [DEOPT, ESCAPES];
            _STORE_ATTR_WITH_HINT = 495 (value, owner --)
                cache(hint/1)
                [ARG, NAME, DEOPT, ESCAPES];
            _STORE_FAST = 496 (value --)
                [ARG, LOCAL, ESCAPES]
                replicate(
                    _STORE_FAST_0, _STORE_FAST_1, _STORE_FAST_2, _STORE_FAST_3, _STORE_FAST_4,
                    _STORE_FAST_5, _STORE_FAST_6, _STORE_FAST_7
                );
            _STORE_SLICE = 505 (v, container, start, stop --) [ERROR, ESCAPES];
            _STORE_SUBSCR = 506 (v, container, sub --) [ERROR, ESCAPES];
            _STORE_SUBSCR_DICT = 507 (value, dict_st, sub --) [ERROR, ESCAPES];
            _STORE_SUBSCR_LIST_INT = 508 (value, list_st, sub_st --) [DEOPT, ESCAPES];
            _TIER2_RESUME_CHECK = 509 (--) [DEOPT, TIER2];
            _TO_BOOL = 510 (value -- res) [ERROR, ESCAPES];
            _TO_BOOL_LIST = 511 (value -- res) [];
            _TO_BOOL_STR = 512 (value -- res) [ESCAPES];
            _UNPACK_SEQUENCE = 513 (seq -- unused[oparg], top[0]) [ARG, ERROR, ESCAPES];
            _UNPACK_SEQUENCE_LIST = 514 (seq -- values[oparg]) [ARG, DEOPT];
            _UNPACK_SEQUENCE_TUPLE = 515 (seq -- values[oparg]) [ARG, DEOPT];
            _UNPACK_SEQUENCE_TWO_TUPLE = 516 (seq -- val1, val0) [ARG, DEOPT, ESCAPES];

            // --- Tier-1-only uops CPython never numbers (`specializing` and `tier1` ops) ---
            _SPECIALIZE_BINARY_OP = _ (lhs, rhs -- lhs, rhs)
                cache(counter/1)
                [ARG, ESCAPES, SPECIALIZING, TIER1];
            _SPECIALIZE_BINARY_SLICE = _ (container, start, stop -- container, start, stop)
                [SPECIALIZING, TIER1];
            _SPECIALIZE_CALL = _ (callable, self_or_null, unused[oparg]
                    -- callable, self_or_null, unused[oparg])
                cache(counter/1)
                [ARG, ESCAPES, SPECIALIZING, TIER1];
            _SPECIALIZE_CALL_KW = _ (callable, self_or_null, unused[oparg], unused
                    -- callable, self_or_null, unused[oparg], unused)
                cache(counter/1)
                [ARG, ESCAPES, SPECIALIZING, TIER1];
            _SPECIALIZE_COMPARE_OP = _ (left, right -- left, right)
                cache(counter/1)
                [ARG, ESCAPES, SPECIALIZING, TIER1];
            _SPECIALIZE_CONTAINS_OP = _ (left, right -- left, right)
                cache(counter/1)
                [ESCAPES, SPECIALIZING, TIER1];
            _SPECIALIZE_FOR_ITER = _ (iter -- iter)
                cache(counter/1)
                [ARG, ESCAPES, SPECIALIZING, TIER1];
            _SPECIALIZE_LOAD_ATTR = _ (owner -- owner)
                cache(counter/1)
                [ARG, NAME, ESCAPES, SPECIALIZING, TIER1];
            _SPECIALIZE_LOAD_GLOBAL = _ (--)
                cache(counter/1)
                [ARG, NAME, ESCAPES, SPECIALIZING, TIER1];
            _SPECIALIZE_LOAD_SUPER_ATTR = _ (global_super_st, class_st, unused
                    -- global_super_st, class_st, unused)
                cache(counter/1)
                [ARG, ESCAPES, SPECIALIZING, TIER1];
            _SPECIALIZE_SEND = _ (receiver, unused -- receiver, unused)
                cache(counter/1)
                [ESCAPES, SPECIALIZING, TIER1];
            _SPECIALIZE_STORE_ATTR = _ (owner -- owner)
                cache(counter/1)
                [ARG, NAME, ESCAPES, SPECIALIZING, TIER1];
            _SPECIALIZE_STORE_SLICE = _ (v, container, start, stop -- v, container, start, stop)
                [SPECIALIZING, TIER1];
            _SPECIALIZE_STORE_SUBSCR = _ (container, sub -- container, sub)
                cache(counter/1)
                [ESCAPES, SPECIALIZING, TIER1];
            _SPECIALIZE_TO_BOOL = _ (value -- value)
                cache(counter/1)
                [ESCAPES, SPECIALIZING, TIER1];
            _SPECIALIZE_UNPACK_SEQUENCE = _ (seq -- seq)
                cache(counter/1)
                [ARG, ESCAPES, SPECIALIZING, TIER1];
            _SPECIALIZE_JUMP_BACKWARD = _ (--) [TIER1];
            _JIT = _ (--) [ERROR, ESCAPES, TIER1];
            _MAYBE_INSTRUMENT = _ (--) [ERROR, ESCAPES, ERROR_NO_POP, TIER1];
            _RETURN_VALUE_EVENT = _ (val -- val) [ERROR, ESCAPES, TIER1];
            _YIELD_VALUE_EVENT = _ (val -- val) [ERROR, ESCAPES, ERROR_NO_POP, TIER1];
            _END_ASYNC_FOR = _ (awaitable_st, exc_st --)
                [ARG, JUMP, ERROR, ESCAPES, ERROR_NO_POP, TIER1];
            _MONITOR_END_ASYNC_FOR = _ (--) [ARG, TIER1];
            _LOAD_SUPER_ATTR = _ (global_super_st, class_st, self_st -- attr, self_or_null[oparg & 1])
                [ARG, NAME, ERROR, ESCAPES, TIER1];
            _INSTRUMENTED_END_FOR = _ (receiver, value -- receiver)
                [ERROR, ESCAPES, ERROR_NO_POP, NO_SAVE_IP, TIER1];
            _INSTRUMENTED_POP_ITER = _ (iter --) [ESCAPES, TIER1];
            _INSTRUMENTED_END_SEND = _ (receiver, value -- val)
                [ERROR, ESCAPES, ERROR_NO_POP, TIER1];
            _RAISE_VARARGS = _ (args[oparg] --) [ARG, ERROR, ESCAPES, ERROR_NO_POP, TIER1];
            _RERAISE = _ (values[oparg], exc_st -- values[oparg])
                [ARG, ERROR, ESCAPES, ERROR_NO_POP, TIER1];
            _CLEANUP_THROW = _ (sub_iter, last_sent_val, exc_value_st -- none, value)
                [ERROR, ESCAPES, ERROR_NO_POP, TIER1];
            _INTERPRETER_EXIT = _ (retval --) [ESCAPES, TIER1];
            _JUMP_FORWARD = _ (--) [ARG, JUMP, TIER1];
            _JUMP_BACKWARD_NO_INTERRUPT = _ (--) [ARG, JUMP, TIER1];
            _ENTER_EXECUTOR = _ (--) [ARG, TIER1];
            _EXTENDED_ARG = _ (--) [ARG, TIER1];
            _CACHE = _ (--) [TIER1];
            _RESERVED = _ (--) [TIER1];

        }
    };
}

/// The cache layouts, instruction rows and pseudo-instruction rows, passed to `$generate`
/// (`define_instructions`).
macro_rules! instruction_table {
    ($generate:ident) => {
        $generate! {
            oparg;

            caches {
                /// A lone adaptive counter; for `POP_JUMP_IF_*`, the 16-bit branch history.
                CounterCache { counter/1 }
                /// `TO_BOOL`: the type version for `TO_BOOL_ALWAYS_TRUE`.
                ToBoolCache { counter/1, version/2 }
                /// `BINARY_OP`: a pointer to a `BINARY_OP_EXTEND` descriptor.
                BinaryOpCache { counter/1, descr/4 }
                /// `LOAD_GLOBAL`, in physical order (`opcode._cache_format` lists `index`
                /// second, so
                /// `dis` mislabels these units).
                LoadGlobalCache {
                    counter/1, module_keys_version/1, builtin_keys_version/1, index/1
                }
                /// `LOAD_ATTR`; specializations read `keys_version` units as an offset, slot index
                /// or hint, and `version` as a module dict version.
                LoadAttrCache { counter/1, version/2, keys_version/2, descr/4 }
                /// `STORE_ATTR`: type version, then an offset, slot index or hint.
                StoreAttrCache { counter/1, version/2, index/1 }
                /// `CALL` and `CALL_KW`: a function, method or type version.
                CallCache { counter/1, func_version/2 }
            }

            instructions {
                // --- No oparg (below HAVE_ARGUMENT) ---
                CACHE = 0 Real = _CACHE;
                BINARY_SLICE = 1 Real [registers] = _SPECIALIZE_BINARY_SLICE + _BINARY_SLICE;
                BUILD_TEMPLATE = 2 Real = _BUILD_TEMPLATE;
                CALL_FUNCTION_EX = 4 Real
                    = _MAKE_CALLARGS_A_TUPLE + _DO_CALL_FUNCTION_EX + _CHECK_PERIODIC;
                CHECK_EG_MATCH = 5 Real = _CHECK_EG_MATCH;
                CHECK_EXC_MATCH = 6 Real = _CHECK_EXC_MATCH;
                CLEANUP_THROW = 7 Real = _CLEANUP_THROW;
                DELETE_SUBSCR = 8 Real = _DELETE_SUBSCR;
                END_FOR = 9 Real [registers] = _END_FOR;
                END_SEND = 10 Real [registers] = _END_SEND;
                EXIT_INIT_CHECK = 11 Real = _EXIT_INIT_CHECK;
                FORMAT_SIMPLE = 12 Real = _FORMAT_SIMPLE;
                FORMAT_WITH_SPEC = 13 Real = _FORMAT_WITH_SPEC;
                GET_AITER = 14 Real = _GET_AITER;
                GET_ANEXT = 15 Real = _GET_ANEXT;
                GET_ITER = 16 Real [registers] = _GET_ITER;
                RESERVED = 17 Real = _RESERVED;
                GET_LEN = 18 Real = _GET_LEN;
                GET_YIELD_FROM_ITER = 19 Real = _GET_YIELD_FROM_ITER;
                INTERPRETER_EXIT = 20 Real = _INTERPRETER_EXIT;
                LOAD_BUILD_CLASS = 21 Real = _LOAD_BUILD_CLASS;
                LOAD_LOCALS = 22 Real = _LOAD_LOCALS;
                MAKE_FUNCTION = 23 Real = _MAKE_FUNCTION;
                MATCH_KEYS = 24 Real = _MATCH_KEYS;
                MATCH_MAPPING = 25 Real = _MATCH_MAPPING;
                MATCH_SEQUENCE = 26 Real = _MATCH_SEQUENCE;
                NOP = 27 Real [registers] = _NOP;
                NOT_TAKEN = 28 Real [registers] = _NOP;
                POP_EXCEPT = 29 Real = _POP_EXCEPT;
                POP_ITER = 30 Real [registers] = _POP_TOP;
                POP_TOP = 31 Real [registers] = _POP_TOP;
                PUSH_EXC_INFO = 32 Real = _PUSH_EXC_INFO;
                PUSH_NULL = 33 Real [registers] = _PUSH_NULL;
                RETURN_GENERATOR = 34 Real = _RETURN_GENERATOR;
                RETURN_VALUE = 35 Real [registers] = _RETURN_VALUE;
                SETUP_ANNOTATIONS = 36 Real = _SETUP_ANNOTATIONS;
                STORE_SLICE = 37 Real [registers] = _SPECIALIZE_STORE_SLICE + _STORE_SLICE;
                UNARY_INVERT = 40 Real [registers] = _UNARY_INVERT;
                UNARY_NEGATIVE = 41 Real [registers] = _UNARY_NEGATIVE;
                UNARY_NOT = 42 Real [registers] = _UNARY_NOT;
                WITH_EXCEPT_START = 43 Real = _WITH_EXCEPT_START;

                // --- STORE_SUBSCR family ---
                STORE_SUBSCR = 38 Real cache(CounterCache) [registers]
                    = _SPECIALIZE_STORE_SUBSCR[counter] + _STORE_SUBSCR;
                STORE_SUBSCR_DICT = 201 Specialized(STORE_SUBSCR)
                    = _GUARD_NOS_DICT + _STORE_SUBSCR_DICT;
                STORE_SUBSCR_LIST_INT = 202 Specialized(STORE_SUBSCR)
                    = _GUARD_TOS_INT + _GUARD_NOS_LIST + _STORE_SUBSCR_LIST_INT;

                // --- TO_BOOL family ---
                TO_BOOL = 39 Real cache(ToBoolCache) [registers]
                    = _SPECIALIZE_TO_BOOL[counter] + _TO_BOOL;
                TO_BOOL_ALWAYS_TRUE = 203 Specialized(TO_BOOL)
                    = _GUARD_TYPE_VERSION[version] + _REPLACE_WITH_TRUE;
                TO_BOOL_BOOL = 204 Specialized(TO_BOOL) = _TO_BOOL_BOOL;
                TO_BOOL_INT = 205 Specialized(TO_BOOL) = _TO_BOOL_INT;
                TO_BOOL_LIST = 206 Specialized(TO_BOOL) = _GUARD_TOS_LIST + _TO_BOOL_LIST;
                TO_BOOL_NONE = 207 Specialized(TO_BOOL) = _TO_BOOL_NONE;
                TO_BOOL_STR = 208 Specialized(TO_BOOL) = _GUARD_TOS_UNICODE + _TO_BOOL_STR;

                // --- BINARY_OP family ---
                BINARY_OP = 44 Real oparg(BinaryOp) cache(BinaryOpCache) [registers]
                    = _SPECIALIZE_BINARY_OP[counter] + _BINARY_OP;
                BINARY_OP_ADD_FLOAT = 129 Specialized(BINARY_OP)
                    = _GUARD_TOS_FLOAT + _GUARD_NOS_FLOAT + _BINARY_OP_ADD_FLOAT;
                BINARY_OP_ADD_INT = 130 Specialized(BINARY_OP)
                    = _GUARD_TOS_INT + _GUARD_NOS_INT + _BINARY_OP_ADD_INT;
                BINARY_OP_ADD_UNICODE = 131 Specialized(BINARY_OP)
                    = _GUARD_TOS_UNICODE + _GUARD_NOS_UNICODE + _BINARY_OP_ADD_UNICODE;
                BINARY_OP_EXTEND = 132 Specialized(BINARY_OP)
                    = _GUARD_BINARY_OP_EXTEND[descr] + _BINARY_OP_EXTEND[descr];
                /// `BINARY_OP_ADD_UNICODE` fused with the `STORE_FAST` that follows it.
                BINARY_OP_INPLACE_ADD_UNICODE = 3 Specialized(BINARY_OP)
                    = _GUARD_TOS_UNICODE + _GUARD_NOS_UNICODE + _BINARY_OP_INPLACE_ADD_UNICODE;
                BINARY_OP_MULTIPLY_FLOAT = 133 Specialized(BINARY_OP)
                    = _GUARD_TOS_FLOAT + _GUARD_NOS_FLOAT + _BINARY_OP_MULTIPLY_FLOAT;
                BINARY_OP_MULTIPLY_INT = 134 Specialized(BINARY_OP)
                    = _GUARD_TOS_INT + _GUARD_NOS_INT + _BINARY_OP_MULTIPLY_INT;
                BINARY_OP_SUBSCR_DICT = 135 Specialized(BINARY_OP)
                    = _GUARD_NOS_DICT + _BINARY_OP_SUBSCR_DICT;
                BINARY_OP_SUBSCR_GETITEM = 136 Specialized(BINARY_OP)
                    = _CHECK_PEP_523 + _BINARY_OP_SUBSCR_CHECK_FUNC + _BINARY_OP_SUBSCR_INIT_CALL
                    + _PUSH_FRAME;
                BINARY_OP_SUBSCR_LIST_INT = 137 Specialized(BINARY_OP)
                    = _GUARD_TOS_INT + _GUARD_NOS_LIST + _BINARY_OP_SUBSCR_LIST_INT;
                BINARY_OP_SUBSCR_LIST_SLICE = 138 Specialized(BINARY_OP)
                    = _GUARD_TOS_SLICE + _GUARD_NOS_LIST + _BINARY_OP_SUBSCR_LIST_SLICE;
                BINARY_OP_SUBSCR_STR_INT = 139 Specialized(BINARY_OP)
                    = _GUARD_TOS_INT + _GUARD_NOS_UNICODE + _BINARY_OP_SUBSCR_STR_INT;
                BINARY_OP_SUBSCR_TUPLE_INT = 140 Specialized(BINARY_OP)
                    = _GUARD_TOS_INT + _GUARD_NOS_TUPLE + _BINARY_OP_SUBSCR_TUPLE_INT;
                BINARY_OP_SUBTRACT_FLOAT = 141 Specialized(BINARY_OP)
                    = _GUARD_TOS_FLOAT + _GUARD_NOS_FLOAT + _BINARY_OP_SUBTRACT_FLOAT;
                BINARY_OP_SUBTRACT_INT = 142 Specialized(BINARY_OP)
                    = _GUARD_TOS_INT + _GUARD_NOS_INT + _BINARY_OP_SUBTRACT_INT;

                // --- Building and container updates ---
                BUILD_INTERPOLATION = 45 Real oparg(Interpolation) = _BUILD_INTERPOLATION;
                BUILD_LIST = 46 Real oparg(Count) [registers] = _BUILD_LIST;
                BUILD_MAP = 47 Real oparg(Count) = _BUILD_MAP;
                BUILD_SET = 48 Real oparg(Count) = _BUILD_SET;
                BUILD_SLICE = 49 Real oparg(Count) [registers] = _BUILD_SLICE;
                BUILD_STRING = 50 Real oparg(Count) = _BUILD_STRING;
                BUILD_TUPLE = 51 Real oparg(Count) [registers] = _BUILD_TUPLE;
                CALL_INTRINSIC_1 = 53 Real oparg(Intrinsic1) = _CALL_INTRINSIC_1;
                CALL_INTRINSIC_2 = 54 Real oparg(Intrinsic2) = _CALL_INTRINSIC_2;
                CONVERT_VALUE = 58 Real oparg(Conversion) = _CONVERT_VALUE;
                COPY = 59 Real oparg(Depth) [registers] = _COPY;
                COPY_FREE_VARS = 60 Real oparg(Count) = _COPY_FREE_VARS;
                DICT_MERGE = 66 Real oparg(Depth) = _DICT_MERGE;
                DICT_UPDATE = 67 Real oparg(Depth) = _DICT_UPDATE;
                LIST_APPEND = 78 Real oparg(Depth) [registers] = _LIST_APPEND;
                LIST_EXTEND = 79 Real oparg(Depth) = _LIST_EXTEND;
                MAP_ADD = 98 Real oparg(Depth) = _MAP_ADD;
                MATCH_CLASS = 99 Real oparg(Count) = _MATCH_CLASS;
                SET_ADD = 107 Real oparg(Depth) = _SET_ADD;
                SET_FUNCTION_ATTRIBUTE = 108 Real oparg(FunctionAttribute)
                    = _SET_FUNCTION_ATTRIBUTE;
                SET_UPDATE = 109 Real oparg(Depth) = _SET_UPDATE;
                SWAP = 117 Real oparg(Depth) [registers] = _SWAP;
                UNPACK_EX = 118 Real oparg(UnpackEx) = _UNPACK_EX;

                // --- CALL family ---
                CALL = 52 Real oparg(Count) cache(CallCache) [registers]
                    = _SPECIALIZE_CALL[counter] + _MAYBE_EXPAND_METHOD + _DO_CALL + _CHECK_PERIODIC;
                CALL_ALLOC_AND_ENTER_INIT = 143 Specialized(CALL)
                    = _CHECK_PEP_523 + _CHECK_AND_ALLOCATE_OBJECT[func_version] + _CREATE_INIT_FRAME
                    + _PUSH_FRAME;
                CALL_BOUND_METHOD_EXACT_ARGS = 144 Specialized(CALL)
                    = _CHECK_PEP_523 + _CHECK_CALL_BOUND_METHOD_EXACT_ARGS
                    + _INIT_CALL_BOUND_METHOD_EXACT_ARGS + _CHECK_FUNCTION_VERSION[func_version]
                    + _CHECK_FUNCTION_EXACT_ARGS + _CHECK_STACK_SPACE + _CHECK_RECURSION_REMAINING
                    + _INIT_CALL_PY_EXACT_ARGS + _SAVE_RETURN_OFFSET + _PUSH_FRAME;
                CALL_BOUND_METHOD_GENERAL = 145 Specialized(CALL)
                    = _CHECK_PEP_523 + _CHECK_METHOD_VERSION[func_version] + _EXPAND_METHOD
                    + _CHECK_RECURSION_REMAINING + _PY_FRAME_GENERAL + _SAVE_RETURN_OFFSET
                    + _PUSH_FRAME;
                CALL_BUILTIN_CLASS = 146 Specialized(CALL) = _CALL_BUILTIN_CLASS + _CHECK_PERIODIC;
                CALL_BUILTIN_FAST = 147 Specialized(CALL) = _CALL_BUILTIN_FAST + _CHECK_PERIODIC;
                CALL_BUILTIN_FAST_WITH_KEYWORDS = 148 Specialized(CALL)
                    = _CALL_BUILTIN_FAST_WITH_KEYWORDS + _CHECK_PERIODIC;
                CALL_BUILTIN_O = 149 Specialized(CALL) = _CALL_BUILTIN_O + _CHECK_PERIODIC;
                CALL_ISINSTANCE = 150 Specialized(CALL) = _CALL_ISINSTANCE;
                CALL_LEN = 154 Specialized(CALL)
                    = _GUARD_NOS_NULL + _GUARD_CALLABLE_LEN + _CALL_LEN;
                /// Fused with the `POP_TOP` that follows it.
                CALL_LIST_APPEND = 155 Specialized(CALL) = _CALL_LIST_APPEND;
                CALL_METHOD_DESCRIPTOR_FAST = 156 Specialized(CALL)
                    = _CALL_METHOD_DESCRIPTOR_FAST + _CHECK_PERIODIC;
                CALL_METHOD_DESCRIPTOR_FAST_WITH_KEYWORDS = 157 Specialized(CALL)
                    = _CALL_METHOD_DESCRIPTOR_FAST_WITH_KEYWORDS + _CHECK_PERIODIC;
                CALL_METHOD_DESCRIPTOR_NOARGS = 158 Specialized(CALL)
                    = _CALL_METHOD_DESCRIPTOR_NOARGS + _CHECK_PERIODIC;
                CALL_METHOD_DESCRIPTOR_O = 159 Specialized(CALL)
                    = _CALL_METHOD_DESCRIPTOR_O + _CHECK_PERIODIC;
                CALL_NON_PY_GENERAL = 160 Specialized(CALL)
                    = _CHECK_IS_NOT_PY_CALLABLE + _CALL_NON_PY_GENERAL + _CHECK_PERIODIC;
                CALL_PY_EXACT_ARGS = 161 Specialized(CALL)
                    = _CHECK_PEP_523 + _CHECK_FUNCTION_VERSION[func_version]
                    + _CHECK_FUNCTION_EXACT_ARGS
                    + _CHECK_STACK_SPACE + _CHECK_RECURSION_REMAINING + _INIT_CALL_PY_EXACT_ARGS
                    + _SAVE_RETURN_OFFSET + _PUSH_FRAME;
                CALL_PY_GENERAL = 162 Specialized(CALL)
                    = _CHECK_PEP_523 + _CHECK_FUNCTION_VERSION[func_version]
                    + _CHECK_RECURSION_REMAINING
                    + _PY_FRAME_GENERAL + _SAVE_RETURN_OFFSET + _PUSH_FRAME;
                CALL_STR_1 = 163 Specialized(CALL)
                    = _GUARD_NOS_NULL + _GUARD_CALLABLE_STR_1 + _CALL_STR_1 + _CHECK_PERIODIC;
                CALL_TUPLE_1 = 164 Specialized(CALL)
                    = _GUARD_NOS_NULL + _GUARD_CALLABLE_TUPLE_1 + _CALL_TUPLE_1 + _CHECK_PERIODIC;
                CALL_TYPE_1 = 165 Specialized(CALL)
                    = _GUARD_NOS_NULL + _GUARD_CALLABLE_TYPE_1 + _CALL_TYPE_1;

                // --- CALL_KW family ---
                CALL_KW = 55 Real oparg(Count) cache(CallCache)
                    = _SPECIALIZE_CALL_KW[counter] + _MAYBE_EXPAND_METHOD_KW + _DO_CALL_KW;
                CALL_KW_BOUND_METHOD = 151 Specialized(CALL_KW)
                    = _CHECK_PEP_523 + _CHECK_METHOD_VERSION_KW[func_version] + _EXPAND_METHOD_KW
                    + _PY_FRAME_KW + _SAVE_RETURN_OFFSET + _PUSH_FRAME;
                CALL_KW_NON_PY = 152 Specialized(CALL_KW)
                    = _CHECK_IS_NOT_PY_CALLABLE_KW + _CALL_KW_NON_PY + _CHECK_PERIODIC;
                CALL_KW_PY = 153 Specialized(CALL_KW)
                    = _CHECK_PEP_523 + _CHECK_FUNCTION_VERSION_KW[func_version]
                    + _CHECK_RECURSION_REMAINING
                    + _PY_FRAME_KW + _SAVE_RETURN_OFFSET + _PUSH_FRAME;

                // --- COMPARE_OP, CONTAINS_OP and IS_OP ---
                COMPARE_OP = 56 Real oparg(CompareOp) cache(CounterCache) [registers]
                    = _SPECIALIZE_COMPARE_OP[counter] + _COMPARE_OP;
                COMPARE_OP_FLOAT = 166 Specialized(COMPARE_OP)
                    = _GUARD_TOS_FLOAT + _GUARD_NOS_FLOAT + _COMPARE_OP_FLOAT;
                COMPARE_OP_INT = 167 Specialized(COMPARE_OP)
                    = _GUARD_TOS_INT + _GUARD_NOS_INT + _COMPARE_OP_INT;
                COMPARE_OP_STR = 168 Specialized(COMPARE_OP)
                    = _GUARD_TOS_UNICODE + _GUARD_NOS_UNICODE + _COMPARE_OP_STR;
                CONTAINS_OP = 57 Real oparg(Invert) cache(CounterCache) [registers]
                    = _SPECIALIZE_CONTAINS_OP[counter] + _CONTAINS_OP;
                CONTAINS_OP_DICT = 169 Specialized(CONTAINS_OP)
                    = _GUARD_TOS_DICT + _CONTAINS_OP_DICT;
                CONTAINS_OP_SET = 170 Specialized(CONTAINS_OP)
                    = _GUARD_TOS_ANY_SET + _CONTAINS_OP_SET;
                IS_OP = 74 Real oparg(Invert) [registers] = _IS_OP;

                // --- Names, locals, cells and constants ---
                DELETE_ATTR = 61 Real oparg(Name) = _DELETE_ATTR;
                DELETE_DEREF = 62 Real oparg(Cell) = _DELETE_DEREF;
                DELETE_FAST = 63 Real oparg(Local) = _DELETE_FAST;
                DELETE_GLOBAL = 64 Real oparg(Name) = _DELETE_GLOBAL;
                DELETE_NAME = 65 Real oparg(Name) = _DELETE_NAME;
                IMPORT_FROM = 72 Real oparg(Name) = _IMPORT_FROM;
                IMPORT_NAME = 73 Real oparg(Name) = _IMPORT_NAME;
                LOAD_COMMON_CONSTANT = 81 Real oparg(CommonConstant) = _LOAD_COMMON_CONSTANT;
                LOAD_DEREF = 83 Real oparg(Cell) [registers] = _LOAD_DEREF;
                LOAD_FAST = 84 Real oparg(Local) [registers] = _LOAD_FAST;
                LOAD_FAST_AND_CLEAR = 85 Real oparg(Local) [registers] = _LOAD_FAST_AND_CLEAR;
                LOAD_FAST_BORROW = 86 Real oparg(Local) [registers] = _LOAD_FAST_BORROW;
                LOAD_FAST_BORROW_LOAD_FAST_BORROW = 87 Real oparg(LocalPair)
                    super(LOAD_FAST_BORROW, LOAD_FAST_BORROW) [registers]
                    = _LOAD_FAST_BORROW_LOAD_FAST_BORROW;
                LOAD_FAST_CHECK = 88 Real oparg(Local) [registers] = _LOAD_FAST_CHECK;
                LOAD_FAST_LOAD_FAST = 89 Real oparg(LocalPair) super(LOAD_FAST, LOAD_FAST)
                    [registers] = _LOAD_FAST_LOAD_FAST;
                LOAD_FROM_DICT_OR_DEREF = 90 Real oparg(Cell) = _LOAD_FROM_DICT_OR_DEREF;
                LOAD_FROM_DICT_OR_GLOBALS = 91 Real oparg(Name) = _LOAD_FROM_DICT_OR_GLOBALS;
                LOAD_NAME = 93 Real oparg(Name) = _LOAD_NAME;
                LOAD_SMALL_INT = 94 Real oparg(SmallInt) [registers] = _LOAD_SMALL_INT;
                MAKE_CELL = 97 Real oparg(Cell) = _MAKE_CELL;
                STORE_DEREF = 111 Real oparg(Cell) [registers] = _STORE_DEREF;
                STORE_FAST = 112 Real oparg(Local) [registers] = _STORE_FAST;
                STORE_FAST_LOAD_FAST = 113 Real oparg(LocalPair) super(STORE_FAST, LOAD_FAST)
                    [registers] = _STORE_FAST_LOAD_FAST;
                STORE_FAST_STORE_FAST = 114 Real oparg(LocalPair) super(STORE_FAST, STORE_FAST)
                    [registers] = _STORE_FAST_STORE_FAST;
                STORE_GLOBAL = 115 Real oparg(Name) = _STORE_GLOBAL;
                STORE_NAME = 116 Real oparg(Name) = _STORE_NAME;

                // --- LOAD_CONST family (rewritten on first execution, no counter) ---
                LOAD_CONST = 82 Real oparg(Const) [registers] = _LOAD_CONST;
                LOAD_CONST_IMMORTAL = 190 Specialized(LOAD_CONST) = _LOAD_CONST_IMMORTAL;
                LOAD_CONST_MORTAL = 191 Specialized(LOAD_CONST) = _LOAD_CONST_MORTAL;

                // --- LOAD_GLOBAL family ---
                LOAD_GLOBAL = 92 Real oparg(NameAndBit) cache(LoadGlobalCache) [registers]
                    = _SPECIALIZE_LOAD_GLOBAL[counter] + _LOAD_GLOBAL + _PUSH_NULL_CONDITIONAL;
                LOAD_GLOBAL_BUILTIN = 192 Specialized(LOAD_GLOBAL)
                    = _GUARD_GLOBALS_VERSION[module_keys_version]
                    + _LOAD_GLOBAL_BUILTINS[builtin_keys_version] + _PUSH_NULL_CONDITIONAL;
                /// The leading `_NOP` is where the tier-2 optimizer may put a `_CHECK_FUNCTION`.
                LOAD_GLOBAL_MODULE = 193 Specialized(LOAD_GLOBAL)
                    = _NOP + _LOAD_GLOBAL_MODULE[module_keys_version] + _PUSH_NULL_CONDITIONAL;

                // --- LOAD_ATTR family ---
                LOAD_ATTR = 80 Real oparg(NameAndBit) cache(LoadAttrCache) [registers]
                    = _SPECIALIZE_LOAD_ATTR[counter] + _LOAD_ATTR;
                LOAD_ATTR_CLASS = 177 Specialized(LOAD_ATTR)
                    = _CHECK_ATTR_CLASS[version] + _LOAD_ATTR_CLASS[descr] + _PUSH_NULL_CONDITIONAL;
                LOAD_ATTR_CLASS_WITH_METACLASS_CHECK = 178 Specialized(LOAD_ATTR)
                    = _CHECK_ATTR_CLASS[version] + _GUARD_TYPE_VERSION[keys_version]
                    + _LOAD_ATTR_CLASS[descr] + _PUSH_NULL_CONDITIONAL;
                LOAD_ATTR_GETATTRIBUTE_OVERRIDDEN = 179 Specialized(LOAD_ATTR)
                    = _LOAD_ATTR_GETATTRIBUTE_OVERRIDDEN[version];
                LOAD_ATTR_INSTANCE_VALUE = 180 Specialized(LOAD_ATTR)
                    = _GUARD_TYPE_VERSION[version] + _CHECK_MANAGED_OBJECT_HAS_VALUES
                    + _LOAD_ATTR_INSTANCE_VALUE[keys_version] + _PUSH_NULL_CONDITIONAL;
                LOAD_ATTR_METHOD_LAZY_DICT = 181 Specialized(LOAD_ATTR)
                    = _GUARD_TYPE_VERSION[version] + _CHECK_ATTR_METHOD_LAZY_DICT[keys_version]
                    + _LOAD_ATTR_METHOD_LAZY_DICT[descr];
                LOAD_ATTR_METHOD_NO_DICT = 182 Specialized(LOAD_ATTR)
                    = _GUARD_TYPE_VERSION[version] + _LOAD_ATTR_METHOD_NO_DICT[descr];
                LOAD_ATTR_METHOD_WITH_VALUES = 183 Specialized(LOAD_ATTR)
                    = _GUARD_TYPE_VERSION[version] + _GUARD_DORV_VALUES_INST_ATTR_FROM_DICT
                    + _GUARD_KEYS_VERSION[keys_version] + _LOAD_ATTR_METHOD_WITH_VALUES[descr];
                LOAD_ATTR_MODULE = 184 Specialized(LOAD_ATTR)
                    = _LOAD_ATTR_MODULE[version] + _PUSH_NULL_CONDITIONAL;
                LOAD_ATTR_NONDESCRIPTOR_NO_DICT = 185 Specialized(LOAD_ATTR)
                    = _GUARD_TYPE_VERSION[version] + _LOAD_ATTR_NONDESCRIPTOR_NO_DICT[descr];
                LOAD_ATTR_NONDESCRIPTOR_WITH_VALUES = 186 Specialized(LOAD_ATTR)
                    = _GUARD_TYPE_VERSION[version] + _GUARD_DORV_VALUES_INST_ATTR_FROM_DICT
                    + _GUARD_KEYS_VERSION[keys_version]
                    + _LOAD_ATTR_NONDESCRIPTOR_WITH_VALUES[descr];
                LOAD_ATTR_PROPERTY = 187 Specialized(LOAD_ATTR)
                    = _CHECK_PEP_523 + _GUARD_TYPE_VERSION[version]
                    + _LOAD_ATTR_PROPERTY_FRAME[descr]
                    + _SAVE_RETURN_OFFSET + _PUSH_FRAME;
                LOAD_ATTR_SLOT = 188 Specialized(LOAD_ATTR)
                    = _GUARD_TYPE_VERSION[version] + _LOAD_ATTR_SLOT[keys_version]
                    + _PUSH_NULL_CONDITIONAL;
                LOAD_ATTR_WITH_HINT = 189 Specialized(LOAD_ATTR)
                    = _GUARD_TYPE_VERSION[version] + _LOAD_ATTR_WITH_HINT[keys_version]
                    + _PUSH_NULL_CONDITIONAL;

                // --- LOAD_SUPER_ATTR family and LOAD_SPECIAL ---
                LOAD_SUPER_ATTR = 96 Real oparg(NameAndSuperBits) cache(CounterCache)
                    = _SPECIALIZE_LOAD_SUPER_ATTR[counter] + _LOAD_SUPER_ATTR;
                LOAD_SUPER_ATTR_ATTR = 194 Specialized(LOAD_SUPER_ATTR) = _LOAD_SUPER_ATTR_ATTR;
                LOAD_SUPER_ATTR_METHOD = 195 Specialized(LOAD_SUPER_ATTR) = _LOAD_SUPER_ATTR_METHOD;
                LOAD_SPECIAL = 95 Real oparg(SpecialMethod) = _INSERT_NULL + _LOAD_SPECIAL;

                // --- STORE_ATTR family ---
                STORE_ATTR = 110 Real oparg(Name) cache(StoreAttrCache) [registers]
                    = _SPECIALIZE_STORE_ATTR[counter] + _STORE_ATTR;
                STORE_ATTR_INSTANCE_VALUE = 198 Specialized(STORE_ATTR)
                    = _GUARD_TYPE_VERSION_AND_LOCK[version] + _GUARD_DORV_NO_DICT
                    + _STORE_ATTR_INSTANCE_VALUE[index];
                STORE_ATTR_SLOT = 199 Specialized(STORE_ATTR)
                    = _GUARD_TYPE_VERSION[version] + _STORE_ATTR_SLOT[index];
                STORE_ATTR_WITH_HINT = 200 Specialized(STORE_ATTR)
                    = _GUARD_TYPE_VERSION[version] + _STORE_ATTR_WITH_HINT[index];

                // --- UNPACK_SEQUENCE family ---
                UNPACK_SEQUENCE = 119 Real oparg(Count) cache(CounterCache) [registers]
                    = _SPECIALIZE_UNPACK_SEQUENCE[counter] + _UNPACK_SEQUENCE;
                UNPACK_SEQUENCE_LIST = 209 Specialized(UNPACK_SEQUENCE)
                    = _GUARD_TOS_LIST + _UNPACK_SEQUENCE_LIST;
                UNPACK_SEQUENCE_TUPLE = 210 Specialized(UNPACK_SEQUENCE)
                    = _GUARD_TOS_TUPLE + _UNPACK_SEQUENCE_TUPLE;
                UNPACK_SEQUENCE_TWO_TUPLE = 211 Specialized(UNPACK_SEQUENCE)
                    = _GUARD_TOS_TUPLE + _UNPACK_SEQUENCE_TWO_TUPLE;

                // --- Iteration: FOR_ITER family ---
                FOR_ITER = 70 Real oparg(JumpForward) cache(CounterCache) [registers]
                    = _SPECIALIZE_FOR_ITER[counter] + _FOR_ITER;
                FOR_ITER_GEN = 171 Specialized(FOR_ITER)
                    = _CHECK_PEP_523 + _FOR_ITER_GEN_FRAME + _PUSH_FRAME;
                FOR_ITER_LIST = 172 Specialized(FOR_ITER)
                    = _ITER_CHECK_LIST + _ITER_JUMP_LIST + _ITER_NEXT_LIST;
                FOR_ITER_RANGE = 173 Specialized(FOR_ITER)
                    = _ITER_CHECK_RANGE + _ITER_JUMP_RANGE + _ITER_NEXT_RANGE;
                FOR_ITER_TUPLE = 174 Specialized(FOR_ITER)
                    = _ITER_CHECK_TUPLE + _ITER_JUMP_TUPLE + _ITER_NEXT_TUPLE;

                // --- Generators and coroutines: SEND family ---
                SEND = 106 Real oparg(JumpForward) cache(CounterCache)
                    = _SPECIALIZE_SEND[counter] + _SEND;
                SEND_GEN = 197 Specialized(SEND) = _CHECK_PEP_523 + _SEND_GEN_FRAME + _PUSH_FRAME;
                END_ASYNC_FOR = 68 Real oparg(JumpBackward) = _END_ASYNC_FOR;
                GET_AWAITABLE = 71 Real oparg(Await) = _GET_AWAITABLE;
                YIELD_VALUE = 120 Real oparg(Yield) = _YIELD_VALUE;

                // --- Control flow ---
                EXTENDED_ARG = 69 Real oparg(Extended) = _EXTENDED_ARG;
                JUMP_BACKWARD = 75 Real oparg(JumpBackward) cache(CounterCache) [registers]
                    = _SPECIALIZE_JUMP_BACKWARD + _CHECK_PERIODIC + _JUMP_BACKWARD_NO_INTERRUPT;
                JUMP_BACKWARD_JIT = 175 Specialized(JUMP_BACKWARD)
                    = _CHECK_PERIODIC + _JUMP_BACKWARD_NO_INTERRUPT + _JIT;
                JUMP_BACKWARD_NO_JIT = 176 Specialized(JUMP_BACKWARD) [registers]
                    = _CHECK_PERIODIC + _JUMP_BACKWARD_NO_INTERRUPT;
                JUMP_BACKWARD_NO_INTERRUPT = 76 Real oparg(JumpBackward) [registers]
                    = _JUMP_BACKWARD_NO_INTERRUPT;
                JUMP_FORWARD = 77 Real oparg(JumpForward) [registers] = _JUMP_FORWARD;
                POP_JUMP_IF_FALSE = 100 Real oparg(JumpForward) cache(CounterCache) [registers]
                    = _POP_JUMP_IF_FALSE;
                POP_JUMP_IF_NONE = 101 Real oparg(JumpForward) cache(CounterCache) [registers]
                    = _IS_NONE + _POP_JUMP_IF_TRUE;
                POP_JUMP_IF_NOT_NONE = 102 Real oparg(JumpForward) cache(CounterCache) [registers]
                    = _IS_NONE + _POP_JUMP_IF_FALSE;
                POP_JUMP_IF_TRUE = 103 Real oparg(JumpForward) cache(CounterCache) [registers]
                    = _POP_JUMP_IF_TRUE;
                RAISE_VARARGS = 104 Real oparg(Count) = _RAISE_VARARGS;
                RERAISE = 105 Real oparg(Reraise) = _RERAISE;

                // --- RESUME family (rewritten on first execution, no counter) ---
                RESUME = 128 Real oparg(Resume) [registers]
                    = _LOAD_BYTECODE + _MAYBE_INSTRUMENT + _QUICKEN_RESUME
                    + _CHECK_PERIODIC_IF_NOT_YIELD_FROM;
                RESUME_CHECK = 196 Specialized(RESUME) = _RESUME_CHECK;

                // --- Instrumented forms (written by sys.monitoring over their base) ---
                INSTRUMENTED_END_FOR = 234 Instrumented(END_FOR) = _INSTRUMENTED_END_FOR;
                INSTRUMENTED_POP_ITER = 235 Instrumented(POP_ITER) = _INSTRUMENTED_POP_ITER;
                INSTRUMENTED_END_SEND = 236 Instrumented(END_SEND) = _INSTRUMENTED_END_SEND;
                INSTRUMENTED_FOR_ITER = 237 Instrumented(FOR_ITER) = _INSTRUMENTED_FOR_ITER;
                INSTRUMENTED_INSTRUCTION = 238 Instrumented = _INSTRUMENTED_INSTRUCTION;
                INSTRUMENTED_JUMP_FORWARD = 239 Instrumented(JUMP_FORWARD)
                    = _INSTRUMENTED_JUMP_FORWARD;
                INSTRUMENTED_NOT_TAKEN = 240 Instrumented(NOT_TAKEN) = _INSTRUMENTED_NOT_TAKEN;
                INSTRUMENTED_POP_JUMP_IF_TRUE = 241 Instrumented(POP_JUMP_IF_TRUE)
                    = _INSTRUMENTED_POP_JUMP_IF_TRUE;
                INSTRUMENTED_POP_JUMP_IF_FALSE = 242 Instrumented(POP_JUMP_IF_FALSE)
                    = _INSTRUMENTED_POP_JUMP_IF_FALSE;
                INSTRUMENTED_POP_JUMP_IF_NONE = 243 Instrumented(POP_JUMP_IF_NONE)
                    = _INSTRUMENTED_POP_JUMP_IF_NONE;
                INSTRUMENTED_POP_JUMP_IF_NOT_NONE = 244 Instrumented(POP_JUMP_IF_NOT_NONE)
                    = _INSTRUMENTED_POP_JUMP_IF_NOT_NONE;
                INSTRUMENTED_RESUME = 245 Instrumented(RESUME)
                    = _LOAD_BYTECODE + _MAYBE_INSTRUMENT + _CHECK_PERIODIC_IF_NOT_YIELD_FROM
                    + _MONITOR_RESUME;
                INSTRUMENTED_RETURN_VALUE = 246 Instrumented(RETURN_VALUE)
                    = _RETURN_VALUE_EVENT + _RETURN_VALUE;
                INSTRUMENTED_YIELD_VALUE = 247 Instrumented(YIELD_VALUE)
                    = _YIELD_VALUE_EVENT + _YIELD_VALUE;
                INSTRUMENTED_END_ASYNC_FOR = 248 Instrumented(END_ASYNC_FOR)
                    = _MONITOR_END_ASYNC_FOR + _END_ASYNC_FOR;
                INSTRUMENTED_LOAD_SUPER_ATTR = 249 Instrumented(LOAD_SUPER_ATTR)
                    = _LOAD_SUPER_ATTR;
                INSTRUMENTED_CALL = 250 Instrumented(CALL)
                    = _MAYBE_EXPAND_METHOD + _MONITOR_CALL + _DO_CALL + _CHECK_PERIODIC;
                INSTRUMENTED_CALL_KW = 251 Instrumented(CALL_KW)
                    = _MAYBE_EXPAND_METHOD_KW + _MONITOR_CALL_KW + _DO_CALL_KW;
                INSTRUMENTED_CALL_FUNCTION_EX = 252 Instrumented(CALL_FUNCTION_EX)
                    = _MAKE_CALLARGS_A_TUPLE + _DO_CALL_FUNCTION_EX + _CHECK_PERIODIC;
                INSTRUMENTED_JUMP_BACKWARD = 253 Instrumented(JUMP_BACKWARD)
                    = _CHECK_PERIODIC + _MONITOR_JUMP_BACKWARD;
                INSTRUMENTED_LINE = 254 Instrumented = _INSTRUMENTED_LINE;
                /// Replaces a `JUMP_BACKWARD` with the tier-2 executor installed there.
                ENTER_EXECUTOR = 255 Instrumented oparg(Executor) = _ENTER_EXECUTOR;
            }

            pseudo {
                ANNOTATIONS_PLACEHOLDER = 256 OneOf(NOP) (--) [];
                JUMP = 257 OneOf(JUMP_FORWARD, JUMP_BACKWARD) oparg(Label) (--) [];
                JUMP_IF_FALSE = 258 Sequence(COPY, TO_BOOL, POP_JUMP_IF_FALSE) oparg(Label)
                    (cond -- cond) [];
                JUMP_IF_TRUE = 259 Sequence(COPY, TO_BOOL, POP_JUMP_IF_TRUE) oparg(Label)
                    (cond -- cond) [];
                JUMP_NO_INTERRUPT = 260 OneOf(JUMP_FORWARD, JUMP_BACKWARD_NO_INTERRUPT) oparg(Label)
                    (--) [];
                LOAD_CLOSURE = 261 OneOf(LOAD_FAST) oparg(Local) (-- unused) [];
                POP_BLOCK = 262 OneOf(NOP) (--) [];
                /// Like `SETUP_FINALLY`, but the handler also gets `lasti`.
                SETUP_CLEANUP = 263 OneOf(NOP) oparg(Label) (--) jump(-- unused, unused) [ARG];
                /// The handler gets the exception on top of the stack as it was here.
                SETUP_FINALLY = 264 OneOf(NOP) oparg(Label) (--) jump(-- unused) [ARG];
                /// As `SETUP_FINALLY`, for the context manager protocol.
                SETUP_WITH = 265 OneOf(NOP) oparg(Label) (--) jump(-- unused) [ARG];
                STORE_FAST_MAYBE_NULL = 266 OneOf(STORE_FAST) oparg(Local) (unused --) [];
            }
        }
    };
}

pub(crate) use {instruction_table, uop_table};
