//! The builtin type objects, created once per VM: the core types the interpreter itself
//! needs (`vm.types`) and the builtin exception hierarchy (`vm.exc`).
//!
//! Creation happens in two steps: `create` allocates every type object with its base, MRO,
//! payload kind and layout; then each type's module fills its dict and slots
//! (`crate::types::init_all`), and `finish` adds slot wrappers and inherits the slots a
//! type does not define. Native modules that define more types keep them themselves.

use std::rc::Rc;

use crate::object::core::{
    Bootstrap, dealloc_extended_fn, dealloc_fn, ext_offset, gc_ops, gc_ops_extended,
};
use crate::object::typeobj::{InstanceLayout, TypeInit, flags};
use crate::object::{Py, PyPayload, Type};
use crate::stdlib::builtins::Namespace;
use crate::stdlib::builtins_iter::{Enumerate, Filter, Map, Reversed, Zip};
use crate::types::dict::Dict;
use crate::types::{
    async_gen::{AnextAwaitable, AsyncGenASend, AsyncGenAThrow, AsyncGenWrapped},
    bytes::{ByteArray, Bytes},
    code::Code,
    complex::Complex,
    descr::{
        ClassMethod, GetSetDescr, MemberDescr, MethodDescr, Property, SlotWrapper, StaticMethod,
    },
    exception::BaseException,
    float::Float,
    function::{BoundMethod, CellObj, Function, NativeFunction},
    generator::{CoroWrapper, Generator},
    int::Int,
    iter::{CallIter, DictIter, DictView, MappingProxy, RangeIter, SeqIter, SetIter},
    list::List,
    memoryview::MemoryView,
    method_wrapper::MethodWrapper,
    module::Module,
    object::ObjectBase,
    range::Range,
    set::Set,
    slice::Slice,
    str::Str,
    super_::Super,
    traceback::{FrameObj, Traceback},
    tuple::Tuple,
    union::{GenericAlias, Union},
};

/// Creates a builtin type object. `meta` is `type`; slots are filled later.
pub(crate) fn new_builtin_type<T: PyPayload>(
    meta: &Py<Type>,
    dict_type: &Py<Type>,
    name: &'static str,
    module: &'static str,
    base: Option<&Py<Type>>,
    extra_flags: u32,
) -> Py<Type> {
    let dict = crate::object::core::alloc(dict_type, Dict::new());
    let init = type_init::<T>(name, module, base, extra_flags, dict);
    let ty = crate::object::core::alloc(meta, Type::new(init));
    finish_mro(&ty, base);
    ty.as_obj().make_immortal();
    ty
}

fn type_init<T: PyPayload>(
    name: &'static str,
    module: &'static str,
    base: Option<&Py<Type>>,
    extra_flags: u32,
    dict: Py<Dict>,
) -> TypeInit {
    let bases: Rc<[Py<Type>]> = base.into_iter().cloned().collect();
    TypeInit {
        name: Rc::from(name),
        qualname: Rc::from(name),
        builtin_module: module,
        base: base.cloned(),
        bases,
        dict,
        flags: flags::IMMUTABLE | flags::BUILTIN | extra_flags,
        kind: T::KIND,
        dealloc: dealloc_fn::<T>(),
        ext_offset: None,
        sub_dealloc: dealloc_extended_fn::<T>(),
        sub_ext_offset: ext_offset::<T>(),
        gc: gc_ops::<T>(),
        sub_gc: gc_ops_extended::<T>(),
        layout: InstanceLayout {
            slot_names: Rc::from(Vec::new()),
        },
    }
}

fn finish_mro(ty: &Py<Type>, base: Option<&Py<Type>>) {
    let mut mro = vec![ty.clone()];
    if let Some(b) = base {
        mro.extend(b.mro().iter().cloned());
        b.add_subclass(ty);
    }
    ty.set_mro(Rc::from(mro));
}

macro_rules! builtin_types {
    ($($(#[doc = $doc:literal])* $field:ident : $payload:ty = $name:literal
        $(, base $base:ident)? $(, module $module:literal)? $(, flags $flags:expr)?;)*) => {
        /// The core builtin types.
        pub struct BuiltinTypes {
            /// `type`
            pub type_: Py<Type>,
            /// `object`
            pub object: Py<Type>,
            /// `dict`
            pub dict: Py<Type>,
            $($(#[doc = $doc])* pub $field: Py<Type>,)*
        }

        impl BuiltinTypes {
            /// Allocates every core type (dicts and slots empty).
            pub(crate) fn create() -> BuiltinTypes {
                let (type_, object, dict) = bootstrap();
                $(
                    let $field = new_builtin_type::<$payload>(
                        &type_,
                        &dict,
                        $name,
                        builtin_types!(@module $($module)?),
                        Some(builtin_types!(@base object $($base)?)),
                        builtin_types!(@flags $($flags)?),
                    );
                )*
                BuiltinTypes { type_, object, dict, $($field,)* }
            }

            /// Every core type, in creation order (bases before subclasses).
            pub fn all(&self) -> Vec<&Py<Type>> {
                vec![&self.object, &self.type_, &self.dict, $(&self.$field,)*]
            }
        }
    };
    (@flags) => { flags::BASETYPE };
    (@flags $f:expr) => { $f };
    (@module) => { "builtins" };
    (@module $m:literal) => { $m };
    (@base $object:ident) => { &$object };
    (@base $object:ident $base:ident) => { &$base };
}

// `flags X` replaces the default `BASETYPE` with X (use 0 for final types).
builtin_types! {
    /// `int`
    int: Int = "int", flags flags::BASETYPE | flags::MATCH_SELF;
    /// `bool`
    bool: Int = "bool", base int, flags flags::MATCH_SELF;
    /// `float`
    float: Float = "float", flags flags::BASETYPE | flags::MATCH_SELF;
    /// `complex`
    complex: Complex = "complex";
    /// `str`
    str: Str = "str", flags flags::BASETYPE | flags::MATCH_SELF;
    /// `bytes`
    bytes: Bytes = "bytes", flags flags::BASETYPE | flags::MATCH_SELF;
    /// `bytearray`
    bytearray: ByteArray = "bytearray", flags flags::BASETYPE | flags::MATCH_SELF;
    /// `list`
    list: List = "list", flags flags::BASETYPE | flags::MATCH_SELF | flags::SEQUENCE;
    /// `tuple`
    tuple: Tuple = "tuple", flags flags::BASETYPE | flags::MATCH_SELF | flags::SEQUENCE;
    /// `set`
    set: Set = "set", flags flags::BASETYPE | flags::MATCH_SELF;
    /// `frozenset`
    frozenset: Set = "frozenset", flags flags::BASETYPE | flags::MATCH_SELF;
    /// `range`
    range: Range = "range", flags flags::SEQUENCE;
    /// `memoryview`
    memoryview: MemoryView = "memoryview", flags flags::SEQUENCE;
    /// `slice`
    slice: Slice = "slice", flags 0;
    /// `NoneType`
    none_type: ObjectBase = "NoneType", flags 0;
    /// `NotImplementedType`
    not_implemented_type: ObjectBase = "NotImplementedType", flags 0;
    /// `ellipsis`
    ellipsis_type: ObjectBase = "ellipsis", flags 0;
    /// `function`
    function: Function = "function", flags 0;
    /// `builtin_function_or_method`
    builtin_function: NativeFunction = "builtin_function_or_method", flags 0;
    /// `method_descriptor`
    method_descriptor: MethodDescr = "method_descriptor", flags 0;
    /// `classmethod_descriptor`
    classmethod_descriptor: MethodDescr = "classmethod_descriptor", flags 0;
    /// `wrapper_descriptor`
    wrapper_descriptor: SlotWrapper = "wrapper_descriptor", flags 0;
    /// `getset_descriptor`
    getset_descriptor: GetSetDescr = "getset_descriptor", flags 0;
    /// `member_descriptor`
    member_descriptor: MemberDescr = "member_descriptor", flags 0;
    /// `method`
    method: BoundMethod = "method", flags 0;
    /// `method-wrapper`
    method_wrapper: MethodWrapper = "method-wrapper", flags 0;
    /// `cell`
    cell: CellObj = "cell", flags 0;
    /// `code`
    code: Code = "code", flags 0;
    /// `module`
    module: Module = "module";
    /// `property`
    property: Property = "property";
    /// `staticmethod`
    staticmethod: StaticMethod = "staticmethod";
    /// `classmethod`
    classmethod: ClassMethod = "classmethod";
    /// `super`
    super_: Super = "super";
    /// `generator`
    generator: Generator = "generator", flags 0;
    /// `coroutine`
    coroutine: Generator = "coroutine", flags 0;
    /// `async_generator`
    async_generator: Generator = "async_generator", flags 0;
    /// `async_generator_asend`
    async_generator_asend: AsyncGenASend = "async_generator_asend", flags 0;
    /// `async_generator_athrow`
    async_generator_athrow: AsyncGenAThrow = "async_generator_athrow", flags 0;
    /// `async_generator_wrapped_value`
    async_generator_wrapped_value: AsyncGenWrapped = "async_generator_wrapped_value", flags 0;
    /// `anext_awaitable`
    anext_awaitable: AnextAwaitable = "anext_awaitable", flags 0;
    /// `coroutine_wrapper` (`coroutine.__await__()`)
    coroutine_wrapper: CoroWrapper = "coroutine_wrapper", flags 0;
    /// `frame`
    frame: FrameObj = "frame", flags 0;
    /// `traceback`
    traceback: Traceback = "traceback", flags 0;
    /// `list_iterator`
    list_iterator: SeqIter = "list_iterator", flags 0;
    /// `list_reverseiterator`
    list_reverseiterator: SeqIter = "list_reverseiterator", flags 0;
    /// `tuple_iterator`
    tuple_iterator: SeqIter = "tuple_iterator", flags 0;
    /// `str_ascii_iterator`
    str_iterator: SeqIter = "str_ascii_iterator", flags 0;
    /// `bytes_iterator`
    bytes_iterator: SeqIter = "bytes_iterator", flags 0;
    /// `iterator` (the `__getitem__` protocol)
    seq_iterator: SeqIter = "iterator", flags 0;
    /// `memory_iterator`
    memory_iterator: SeqIter = "memory_iterator", flags 0;
    /// `range_iterator`
    range_iterator: RangeIter = "range_iterator", flags 0;
    /// `callable_iterator`
    callable_iterator: CallIter = "callable_iterator", flags 0;
    /// `dict_keys`
    dict_keys: DictView = "dict_keys", flags 0;
    /// `dict_values`
    dict_values: DictView = "dict_values", flags 0;
    /// `dict_items`
    dict_items: DictView = "dict_items", flags 0;
    /// `dict_keyiterator`
    dict_keyiterator: DictIter = "dict_keyiterator", flags 0;
    /// `dict_valueiterator`
    dict_valueiterator: DictIter = "dict_valueiterator", flags 0;
    /// `dict_itemiterator`
    dict_itemiterator: DictIter = "dict_itemiterator", flags 0;
    /// `set_iterator`
    set_iterator: SetIter = "set_iterator", flags 0;
    /// `mappingproxy`
    mappingproxy: MappingProxy = "mappingproxy", flags 0;
    /// `types.GenericAlias`
    generic_alias: GenericAlias = "GenericAlias", module "types", flags 0;
    /// `types.UnionType`
    union: Union = "UnionType", module "types", flags 0;
    /// `enumerate`
    enumerate: Enumerate = "enumerate";
    /// `zip`
    zip: Zip = "zip";
    /// `map`
    map_: Map = "map";
    /// `filter`
    filter: Filter = "filter";
    /// `reversed`
    reversed: Reversed = "reversed";
    /// `types.SimpleNamespace` (also `sys.implementation`)
    simple_namespace: Namespace = "SimpleNamespace", module "types";
}

/// Creates `type`, `object` and `dict`, which refer to each other.
fn bootstrap() -> (Py<Type>, Py<Type>, Py<Type>) {
    let mut boot = Bootstrap::new();
    // Allocation order: 0 object's dict, 1 type's dict, 2 dict's dict, 3 object, 4 type,
    // 5 dict.
    let object_dict = boot.alloc(Dict::new());
    let type_dict = boot.alloc(Dict::new());
    let dict_dict = boot.alloc(Dict::new());
    let object = boot.alloc(Type::new(type_init::<ObjectBase>(
        "object",
        "builtins",
        None,
        flags::BASETYPE,
        object_dict,
    )));
    object.set_mro(Rc::from(vec![object.clone()]));
    let type_ = boot.alloc(Type::new(type_init::<Type>(
        "type",
        "builtins",
        Some(&object),
        flags::BASETYPE,
        type_dict,
    )));
    let dict = boot.alloc(Type::new(type_init::<Dict>(
        "dict",
        "builtins",
        Some(&object),
        flags::BASETYPE | flags::MATCH_SELF | flags::MAPPING,
        dict_dict,
    )));
    let (t, d, o) = (type_.clone(), dict.clone(), object.clone());
    boot.finish(move |i| if i < 3 { d.clone() } else { t.clone() });
    drop(o);
    for ty in [&type_, &dict] {
        ty.set_mro(Rc::from(vec![ty.clone(), object.clone()]));
        object.add_subclass(ty);
    }
    for ty in [&object, &type_, &dict] {
        ty.as_obj().make_immortal();
        ty.dict().as_obj().make_immortal();
    }
    (type_, object, dict)
}

macro_rules! exception_types {
    (root $root:ident = $root_name:literal;
     $($field:ident = $name:literal : $base:ident $(+ $base2:ident)?;)*) => {
        /// The builtin exception classes.
        pub struct ExcTypes {
            #[doc = concat!("`", $root_name, "`")]
            pub $root: Py<Type>,
            $(#[doc = concat!("`", $name, "`")] pub $field: Py<Type>,)*
        }

        impl ExcTypes {
            pub(crate) fn create(types: &BuiltinTypes) -> ExcTypes {
                let $root = new_builtin_type::<BaseException>(
                    &types.type_, &types.dict, $root_name, "builtins",
                    Some(&types.object), flags::BASETYPE,
                );
                $(
                    let $field = new_builtin_type::<BaseException>(
                        &types.type_, &types.dict, $name, "builtins",
                        Some(&$base), flags::BASETYPE,
                    );
                    $(add_second_base(&$field, &$base2);)?
                )*
                ExcTypes { $root, $($field,)* }
            }

            /// Every exception class, bases first, with its name.
            pub fn all(&self) -> Vec<(&'static str, &Py<Type>)> {
                vec![($root_name, &self.$root), $(($name, &self.$field),)*]
            }
        }
    };
}

/// Gives a builtin exception a second base (`ExceptionGroup(BaseExceptionGroup, Exception)`).
fn add_second_base(ty: &Py<Type>, second: &Py<Type>) {
    let mut bases: Vec<Py<Type>> = ty.bases().to_vec();
    bases.push(second.clone());
    let bases: Rc<[Py<Type>]> = Rc::from(bases);
    if let Ok(mro) = crate::object::typeobj::c3_mro(ty, &bases) {
        ty.set_mro(Rc::from(mro));
    }
    ty.set_bases(bases, ty.base());
    second.add_subclass(ty);
}

exception_types! {
    root base_exception = "BaseException";
    base_exception_group = "BaseExceptionGroup": base_exception;
    generator_exit = "GeneratorExit": base_exception;
    keyboard_interrupt = "KeyboardInterrupt": base_exception;
    system_exit = "SystemExit": base_exception;
    exception = "Exception": base_exception;
    exception_group = "ExceptionGroup": base_exception_group + exception;
    arithmetic_error = "ArithmeticError": exception;
    floating_point_error = "FloatingPointError": arithmetic_error;
    overflow_error = "OverflowError": arithmetic_error;
    zero_division_error = "ZeroDivisionError": arithmetic_error;
    assertion_error = "AssertionError": exception;
    attribute_error = "AttributeError": exception;
    buffer_error = "BufferError": exception;
    eof_error = "EOFError": exception;
    import_error = "ImportError": exception;
    module_not_found_error = "ModuleNotFoundError": import_error;
    lookup_error = "LookupError": exception;
    index_error = "IndexError": lookup_error;
    key_error = "KeyError": lookup_error;
    memory_error = "MemoryError": exception;
    name_error = "NameError": exception;
    unbound_local_error = "UnboundLocalError": name_error;
    os_error = "OSError": exception;
    blocking_io_error = "BlockingIOError": os_error;
    child_process_error = "ChildProcessError": os_error;
    connection_error = "ConnectionError": os_error;
    broken_pipe_error = "BrokenPipeError": connection_error;
    connection_aborted_error = "ConnectionAbortedError": connection_error;
    connection_refused_error = "ConnectionRefusedError": connection_error;
    connection_reset_error = "ConnectionResetError": connection_error;
    file_exists_error = "FileExistsError": os_error;
    file_not_found_error = "FileNotFoundError": os_error;
    interrupted_error = "InterruptedError": os_error;
    is_a_directory_error = "IsADirectoryError": os_error;
    not_a_directory_error = "NotADirectoryError": os_error;
    permission_error = "PermissionError": os_error;
    process_lookup_error = "ProcessLookupError": os_error;
    timeout_error = "TimeoutError": os_error;
    reference_error = "ReferenceError": exception;
    runtime_error = "RuntimeError": exception;
    not_implemented_error = "NotImplementedError": runtime_error;
    python_finalization_error = "PythonFinalizationError": runtime_error;
    recursion_error = "RecursionError": runtime_error;
    stop_async_iteration = "StopAsyncIteration": exception;
    stop_iteration = "StopIteration": exception;
    syntax_error = "SyntaxError": exception;
    indentation_error = "IndentationError": syntax_error;
    tab_error = "TabError": indentation_error;
    incomplete_input_error = "_IncompleteInputError": syntax_error;
    system_error = "SystemError": exception;
    type_error = "TypeError": exception;
    value_error = "ValueError": exception;
    unicode_error = "UnicodeError": value_error;
    unicode_decode_error = "UnicodeDecodeError": unicode_error;
    unicode_encode_error = "UnicodeEncodeError": unicode_error;
    unicode_translate_error = "UnicodeTranslateError": unicode_error;
    warning = "Warning": exception;
    bytes_warning = "BytesWarning": warning;
    deprecation_warning = "DeprecationWarning": warning;
    encoding_warning = "EncodingWarning": warning;
    future_warning = "FutureWarning": warning;
    import_warning = "ImportWarning": warning;
    pending_deprecation_warning = "PendingDeprecationWarning": warning;
    resource_warning = "ResourceWarning": warning;
    runtime_warning = "RuntimeWarning": warning;
    syntax_warning = "SyntaxWarning": warning;
    unicode_warning = "UnicodeWarning": warning;
    user_warning = "UserWarning": warning;
}
