//! The language grammar every reader and rule shares: numbers written in
//! digits or words, amounts of money, periods of time, references to
//! sections, acts and annexes, and length-keeping lower case. Pure parsers
//! over `&str`; they know nothing of documents, profiles or reports.

pub mod amount;
pub mod case;
pub mod duration;
pub mod numbers;
pub mod reference;
