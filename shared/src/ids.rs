//! Opaque identifiers. Every resource is addressed by a UUID (never a sequential number);
//! the newtypes keep a school id from being passed where a user id is expected.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};
use uuid::Uuid;

macro_rules! id_type {
    ($($(#[$doc:meta])* $name:ident),+ $(,)?) => {$(
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(value_type = String, format = Uuid))]
        #[serde(transparent)]
        pub struct $name(pub Uuid);

        impl $name {
            pub fn as_uuid(&self) -> Uuid {
                self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt(f)
            }
        }

        impl FromStr for $name {
            type Err = uuid::Error;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Uuid::parse_str(s).map(Self)
            }
        }

        impl From<Uuid> for $name {
            fn from(value: Uuid) -> Self {
                Self(value)
            }
        }
    )+};
}

id_type!(
    /// A samenwerkingsverband (the tenant).
    PartnershipId,
    /// A schoolbestuur.
    SchoolBoardId,
    /// A school of a board.
    SchoolId,
    /// An executor organisation (arrangementsuitvoerder).
    ExecutorId,
    /// A user account.
    UserId,
    /// A pupil (leerling).
    PupilId,
    /// An arrangement (one dossier).
    ArrangementId,
    /// An entry in a dossier's history.
    EventId,
    /// A pupil's development plan (ontwikkelingsperspectiefplan).
    OppId,
    /// A goal of a development plan, stable across its versions.
    GoalId,
);
