//! What an instruction's oparg means: the key `dis` needs to print an argument and the
//! compiler needs to encode one.

/// `BINARY_OP`'s oparg for a subscript `a[b]` (after the `NB_*` operators and their in-place
/// forms); the compiler emits it and the eval loop and dunder dispatch recognize it.
pub const NB_SUBSCR: u32 = 26;

/// The meaning of an oparg. Specialized and instrumented instructions share their base's.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum OpargKind {
    /// The instruction takes no oparg.
    None,
    /// Index into `co_consts`.
    Const,
    /// Index into `co_names`.
    Name,
    /// `name << 1 | flag`: `LOAD_GLOBAL` (push NULL too) and `LOAD_ATTR` (method load).
    NameAndBit,
    /// `name << 2 | two_arg_super << 1 | method`: `LOAD_SUPER_ATTR`.
    NameAndSuperBits,
    /// Index of a fast local in `co_localsplusnames`.
    Local,
    /// Two fast locals packed as `first << 4 | second` (super-instructions).
    LocalPair,
    /// Index of a cell or free variable in `co_localsplusnames`.
    Cell,
    /// Relative jump forward, in code units, from the end of the instruction's caches.
    JumpForward,
    /// Relative jump backward, in code units, from the end of the instruction's caches.
    JumpBackward,
    /// A jump target label, resolved to a direction when the pseudo-instruction is lowered.
    Label,
    /// A number of stack items or arguments.
    Count,
    /// A stack depth (`COPY`, `SWAP`, and the `oparg`-deep container of `LIST_APPEND` and
    /// friends).
    Depth,
    /// `NB_*` index (`_opcode.get_nb_ops()`).
    BinaryOp,
    /// `cmp << 5 | coerce_to_bool << 4 | comparison mask`.
    CompareOp,
    /// 1 to negate the result (`IS_OP`, `CONTAINS_OP`).
    Invert,
    /// `INTRINSIC_1_*` index.
    Intrinsic1,
    /// `INTRINSIC_2_*` index.
    Intrinsic2,
    /// `FVC_*` conversion (`CONVERT_VALUE`).
    Conversion,
    /// `conversion << 2 | has_format_spec` (`BUILD_INTERPOLATION`).
    Interpolation,
    /// Index into the interpreter's common constants (`LOAD_COMMON_CONSTANT`).
    CommonConstant,
    /// Index into the special method table (`LOAD_SPECIAL`).
    SpecialMethod,
    /// The small int itself (`LOAD_SMALL_INT`).
    SmallInt,
    /// `MAKE_FUNCTION_*` flag naming the attribute (`SET_FUNCTION_ATTRIBUTE`).
    FunctionAttribute,
    /// `RESUME` location and flags.
    Resume,
    /// `before | after << 8` (`UNPACK_EX`).
    UnpackEx,
    /// Where the await happens (`GET_AWAITABLE`).
    Await,
    /// 1 when yielding from inside `yield from`/`await` (`YIELD_VALUE`).
    Yield,
    /// 1 when the frame's `lasti` must be restored (`RERAISE`).
    Reraise,
    /// The high bits of the next instruction's oparg (`EXTENDED_ARG`).
    Extended,
    /// Index into the code object's executors (`ENTER_EXECUTOR`).
    Executor,
}
