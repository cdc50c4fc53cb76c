//! Text utilities shared by the front end and the object model: Python `str` storage and the
//! `repr` of built-in constants.

pub mod float_repr;
pub mod repr;
pub mod similarity;
pub mod unicode_case;
pub mod unicode_printable;
pub mod unicode_props;
pub mod wtf8;

pub use wtf8::Wtf8;
