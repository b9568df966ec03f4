//! The shared vocabulary of every layer: spans; languages, their message
//! catalogues and the neutral messages those put into words; limits; the
//! statuses, severities and contract types that the report names; and the
//! locations findings point at. It imports nothing of the crate's own.

pub mod column;
pub mod lang;
pub mod limits;
pub mod location;
pub mod message;
pub mod output;
pub mod span;
pub mod vocab;
