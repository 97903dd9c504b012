//! The five roles. Every account has exactly one.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// School staff (IB'er, teacher, management): owns the dossier.
    School,
    /// SWV consultant: analyses, advises, checks; assigned to schools.
    Consultant,
    /// Executor (arrangementsuitvoerder): delivers the support.
    Executor,
    /// Parent or guardian: sees their own child only.
    Parent,
    /// SWV office, director, admissions board: configures and decides.
    SwvAdmin,
}

impl Role {
    pub const ALL: [Role; 5] = [Role::School, Role::Consultant, Role::Executor, Role::Parent, Role::SwvAdmin];

    /// The stored and wire form (`swv_admin`).
    pub fn as_str(self) -> &'static str {
        match self {
            Role::School => "school",
            Role::Consultant => "consultant",
            Role::Executor => "executor",
            Role::Parent => "parent",
            Role::SwvAdmin => "swv_admin",
        }
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("unknown role `{0}`")]
pub struct UnknownRole(pub String);

impl FromStr for Role {
    type Err = UnknownRole;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Role::ALL.into_iter().find(|r| r.as_str() == s).ok_or_else(|| UnknownRole(s.to_owned()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_role_round_trips_through_its_wire_name() {
        for role in Role::ALL {
            assert_eq!(role.as_str().parse::<Role>(), Ok(role));
            let json = serde_json::to_string(&role).expect("serialise");
            assert_eq!(json, format!("\"{}\"", role.as_str()));
        }
    }

    #[test]
    fn unknown_role_is_rejected() {
        assert_eq!("admin".parse::<Role>(), Err(UnknownRole("admin".into())));
    }
}
