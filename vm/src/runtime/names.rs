//! Interned identifiers the VM looks up by name (dunders and attribute names), created once
//! per VM so that hot paths compare and hash them without allocating.

use crate::object::Py;
use crate::types::str::Str;

use super::intern::Interner;

macro_rules! names {
    ($($field:ident $(= $text:literal)?),* $(,)?) => {
        /// Interned well-known names: `vm.names.__init__`.
        #[allow(non_snake_case)]
        pub struct Names {
            $(#[doc = concat!("`", names!(@text $field $($text)?), "`")] pub $field: Py<Str>,)*
        }

        impl Names {
            pub(crate) fn new(interner: &Interner, make: impl Fn(&str) -> Py<Str>) -> Names {
                Names { $($field: interner.intern_with(names!(@text $field $($text)?), &make),)* }
            }
        }
    };
    (@text $field:ident) => { stringify!($field) };
    (@text $field:ident $text:literal) => { $text };
}

names! {
    __abs__, __add__, __bases__, __aenter__, __aexit__, __aiter__, __all__, __and__, __anext__,
    __annotations__, __annotate__, __await__, __bool__, __build_class__, __builtins__,
    __call__, __class__, __class_getitem__, __classcell__, __classdictcell__, __contains__,
    __del__, __delattr__, __delete__, __delitem__, __dict__, __dir__, __divmod__, __doc__,
    __enter__, __eq__, __exit__, __file__, __firstlineno__, __float__, __floordiv__,
    __format__, __fspath__, __ge__, __get__, __getattr__, __getattribute__, __getitem__,
    __gt__, __hash__, __iadd__, __import__, __index__, __init__, __init_subclass__,
    __instancecheck__, __int__, __invert__, __iter__, __le__, __len__, __length_hint__,
    __loader__, __lshift__, __lt__, __main__, __match_args__, __missing__, __mod__,
    __module__, __mro__, __mro_entries__, __mul__, __name__, __ne__, __neg__, __new__,
    __next__, __or__, __orig_bases__, __package__, __path__, __pos__, __pow__, __prepare__,
    __qualname__, __repr__, __reversed__, __round__, __rshift__, __set__, __set_name__,
    __setattr__, __setitem__, __slots__, __spec__, __static_attributes__, __str__, __sub__,
    __subclasscheck__, __truediv__, __trunc__, __type_params__, __weakref__, __wrapped__,
    __xor__, __abstractmethods__, __ceil__, __floor__, __copy__, __deepcopy__,
    __reduce__, __reduce_ex__, __getstate__, __bytes__, __complex__, __sizeof__,
    __notes__, __traceback__, __cause__, __context__,
    __matmul__, __radd__, __rsub__, __rmul__, __rmatmul__, __rtruediv__, __rfloordiv__,
    __rmod__, __rdivmod__, __rpow__, __rlshift__, __rrshift__, __rand__, __ror__, __rxor__,
    __isub__, __imul__, __imatmul__, __itruediv__, __ifloordiv__, __imod__, __ipow__,
    __ilshift__, __irshift__, __iand__, __ior__, __ixor__,
    append, args, close, code, decode, encode, end, errno, exceptions, extend, filename,
    get, items, join, keys, message, msg, name, obj, path, send, sep, strerror, throw, text,
    value, values, write, flush, fileno, read, readline, lineno, offset, metaclass, mro,
    update, copy, add, fget, fset, fdel, stdout, stderr, stdin, modules, argv, builtins,
    empty = "",
    main = "__main__",
    lambda_ = "<lambda>",
    module = "<module>",
}
