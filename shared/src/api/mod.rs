//! Request and response types of the REST API, used by the server and the web app alike.

pub mod arrangements;
pub mod attachments;
pub mod audit;
pub mod auth;
pub mod consultations;
pub mod costs;
pub mod deadlines;
pub mod evaluations;
pub mod integral_actions;
pub mod invitations;
pub mod opps;
pub mod page;
pub mod payments;
pub mod policy;
pub mod preconditions;
pub mod problem;
pub mod pupils;
pub mod quotes;
pub mod reductions;
pub mod schools;
pub mod totp;
pub mod users;
