//! One page per route.

pub mod deadlines;
pub mod dossier;
pub mod dossier_list;
pub mod dossier_new;
pub mod home;
pub mod login;
pub mod not_found;
pub mod payments;
pub mod policy_editor;
