//! The names `dis` prints for small-integer opargs, as CPython 3.14's `opcode` module lists
//! them (`_nb_ops`, `_intrinsic_1_descs`, `cmp_op`, ...). Checked against CPython's tables
//! in `vm/tests/dis_tables.rs`.

/// `BINARY_OP` symbols, indexed by the `NB_*` oparg (`opcode._nb_ops`).
pub const BINARY_OPS: [&str; 27] = [
    "+", "&", "//", "<<", "@", "*", "%", "|", "**", ">>", "-", "/", "^", "+=", "&=", "//=", "<<=",
    "@=", "*=", "%=", "|=", "**=", ">>=", "-=", "/=", "^=", "[]",
];

/// `CALL_INTRINSIC_1` names (`opcode._intrinsic_1_descs`).
pub const INTRINSICS_1: [&str; 12] = [
    "INTRINSIC_1_INVALID",
    "INTRINSIC_PRINT",
    "INTRINSIC_IMPORT_STAR",
    "INTRINSIC_STOPITERATION_ERROR",
    "INTRINSIC_ASYNC_GEN_WRAP",
    "INTRINSIC_UNARY_POSITIVE",
    "INTRINSIC_LIST_TO_TUPLE",
    "INTRINSIC_TYPEVAR",
    "INTRINSIC_PARAMSPEC",
    "INTRINSIC_TYPEVARTUPLE",
    "INTRINSIC_SUBSCRIPT_GENERIC",
    "INTRINSIC_TYPEALIAS",
];

/// `CALL_INTRINSIC_2` names (`opcode._intrinsic_2_descs`).
pub const INTRINSICS_2: [&str; 6] = [
    "INTRINSIC_2_INVALID",
    "INTRINSIC_PREP_RERAISE_STAR",
    "INTRINSIC_TYPEVAR_WITH_BOUND",
    "INTRINSIC_TYPEVAR_WITH_CONSTRAINTS",
    "INTRINSIC_SET_FUNCTION_TYPE_PARAMS",
    "INTRINSIC_SET_TYPEPARAM_DEFAULT",
];

/// `LOAD_SPECIAL` method names (`opcode._special_method_names`).
pub const SPECIAL_METHODS: [&str; 4] = ["__enter__", "__exit__", "__aenter__", "__aexit__"];

/// What `dis` prints for `LOAD_COMMON_CONSTANT` (`opcode._common_constants`: a type's
/// `__name__`, otherwise the object's repr).
pub const COMMON_CONSTANTS: [&str; 5] = [
    "AssertionError",
    "NotImplementedError",
    "tuple",
    "<built-in function all>",
    "<built-in function any>",
];

/// `COMPARE_OP` operators, indexed by `oparg >> 5` (`opcode.cmp_op`).
pub const COMPARISONS: [&str; 6] = ["<", "<=", "==", "!=", ">", ">="];

/// `SET_FUNCTION_ATTRIBUTE` flag names, bit `i` naming entry `i` (`dis.FUNCTION_ATTR_FLAGS`).
pub const FUNCTION_ATTRIBUTES: [&str; 5] = [
    "defaults",
    "kwdefaults",
    "annotations",
    "closure",
    "annotate",
];

/// `CONVERT_VALUE` conversions, indexed by the `FVC_*` oparg.
pub const CONVERSIONS: [&str; 4] = ["", "str", "repr", "ascii"];
