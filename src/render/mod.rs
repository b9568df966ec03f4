//! Renderers turn a `Report` into text. Only they know miette's graphical
//! handler; they return strings and leave writing to the binary.

mod excerpt;
pub mod human;
pub mod json;
