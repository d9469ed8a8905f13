//! Script-level reading of text, before and around conversion: telling which script a text
//! is in and which publisher style its tote follows ([`detect`]), bringing tote in any
//! encoding habit to one clean form ([`normalize`]), and cutting text into words and the
//! gaps between them ([`segment`]). Nothing here converts a letter from one script to the
//! other.

pub(crate) mod detect;
pub(crate) mod normalize;
pub(crate) mod segment;
