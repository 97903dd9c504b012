//! One page per route.

pub mod access_log;
pub mod account;
pub mod consultation;
pub mod consultation_list;
pub mod consultation_new;
pub mod deadlines;
pub mod dossier;
pub mod dossier_list;
pub mod dossier_new;
pub mod home;
pub mod login;
pub mod not_found;
pub mod opp_parent;
pub mod opp_status;
pub mod payments;
pub mod policy_editor;
pub mod statistics;

pub mod invitation;
pub mod opp_editor;
