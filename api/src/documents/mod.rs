//! Documents the server writes itself: the decision letter (besluit) as PDF/A.
//!
//! Typst runs as a library in a closed world ([`world::SealedWorld`]): the template is compiled
//! into the binary, so are the fonts, there is no file system and no network, and any
//! `#import "@preview/…"` fails. User text never becomes markup: the data travels as one JSON
//! document in `sys.inputs` and the template reads it with `json(bytes(…))`, so a name like
//! `#set page(fill: red)` is printed as those characters.

pub mod decision_letter;
pub mod world;
