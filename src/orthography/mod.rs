//! Facts of Kazakh orthography that both directions share: the letter table and its byte
//! tables, the UTF-8 lead bytes of each script's letters, vowel harmony and the hamza, the
//! patronymics and the conventions each style writes. Nothing here imports either converter:
//! the writer ([`mod@crate::to_arabic`]) and the reader ([`mod@crate::to_cyrillic`]) both build on it.

pub(crate) mod conventions;
pub(crate) mod hamza;
pub(crate) mod letters;
pub(crate) mod patronyms;
