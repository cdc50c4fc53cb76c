//! Text utilities shared by the front end and the object model: Python `str` storage.

pub mod wtf8;

pub use wtf8::Wtf8;
