//! The route of one arrangement as a state machine: statuses, actions, who may take them.
//!
//! [`apply`] is the only place that knows the transitions. For every action it matches all
//! statuses without a wildcard arm, so adding a status forces each transition to be
//! reconsidered; [`allowed_actions`] is derived from it, so the server's checks, the
//! `allowedActions` it sends and the buttons the web app shows cannot disagree.

use serde::{Deserialize, Serialize};

use crate::kinds::ArrangementKind;
use crate::policy::{DecidingBody, Policy};
use crate::role::Role;

vocabulary! {
    /// Where an arrangement stands.
    Status {
        /// The school is writing the proposal.
        Draft = "draft",
        /// Waiting for the consultant's review.
        Submitted = "submitted",
        /// The consultant asked for additions or changes; the school reworks it.
        ChangesRequested = "changes_requested",
        /// The consultant agreed; the school may make the application definitive.
        Approved = "approved",
        /// Complete and definitive; waiting for the formal decision.
        Definitive = "definitive",
        Granted = "granted",
        Rejected = "rejected",
        /// The school confirmed that the support started.
        InExecution = "in_execution",
        /// Evaluated and closed: read-only from now on.
        Closed = "closed",
        /// Stopped early (pupil moved, support no longer needed, fewer hours).
        Terminated = "terminated",
        /// Withdrawn by the school before a decision.
        Withdrawn = "withdrawn",
    }
}

vocabulary! {
    /// A status change, requested as `POST /arrangements/{id}/actions/{action}`.
    Action {
        Submit = "submit",
        RequestChanges = "request-changes",
        Approve = "approve",
        MakeDefinitive = "make-definitive",
        Grant = "grant",
        Reject = "reject",
        Start = "start",
        Terminate = "terminate",
        Close = "close",
        Withdraw = "withdraw",
    }
}

impl Status {
    /// No further changes of any kind are allowed.
    pub fn is_final(self) -> bool {
        match self {
            Status::Closed | Status::Rejected | Status::Withdrawn | Status::Terminated => true,
            Status::Draft
            | Status::Submitted
            | Status::ChangesRequested
            | Status::Approved
            | Status::Definitive
            | Status::Granted
            | Status::InExecution => false,
        }
    }

    /// The school may still edit the proposal.
    pub fn proposal_editable(self) -> bool {
        matches!(self, Status::Draft | Status::ChangesRequested)
    }
}

/// The per-partnership part of the route: who takes the formal decision.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct WorkflowConfig {
    /// The role that grants or rejects (Utrecht individual: the SWV's admissions board, i.e.
    /// `swv_admin`; Utrecht cluster: the consultant on behalf of the SWV).
    pub decider: Role,
}

impl WorkflowConfig {
    /// The route for one kind of arrangement under a partnership's policy. A decision of the
    /// admissions board (TLC) or the director is recorded by the SWV office; the consultant
    /// decides on behalf of the SWV, and records the agreement of a broad meeting they chair.
    pub fn for_kind(policy: &Policy, kind: ArrangementKind) -> Self {
        let decider = match policy.rule_set(kind).map(|rules| rules.decision.decided_by) {
            Some(DecidingBody::Tlc | DecidingBody::Director) | None => Role::SwvAdmin,
            Some(DecidingBody::Consultant | DecidingBody::BroadMeeting) => Role::Consultant,
        };
        WorkflowConfig { decider }
    }
}

impl Default for WorkflowConfig {
    fn default() -> Self {
        WorkflowConfig { decider: Role::SwvAdmin }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum TransitionError {
    /// The role may never take this action (403).
    #[error("the role `{role}` may not {action} an arrangement")]
    RoleMayNot { role: Role, action: Action },
    /// Not in this status (409); `allowed` is what this caller may do now.
    #[error("cannot {action} an arrangement that is {status}")]
    NotInStatus { status: Status, action: Action, allowed: Vec<Action> },
}

/// Who may take `action` under `config`.
pub fn actor_for(action: Action, config: &WorkflowConfig) -> Role {
    match action {
        Action::Submit
        | Action::MakeDefinitive
        | Action::Start
        | Action::Terminate
        | Action::Close
        | Action::Withdraw => Role::School,
        Action::RequestChanges | Action::Approve => Role::Consultant,
        Action::Grant | Action::Reject => config.decider,
    }
}

/// The status `action` leads to from `status`, ignoring who asks.
fn target(status: Status, action: Action) -> Option<Status> {
    use Status::*;
    match action {
        Action::Submit => match status {
            Draft | ChangesRequested => Some(Submitted),
            Submitted | Approved | Definitive | Granted | Rejected | InExecution | Closed | Terminated
            | Withdrawn => None,
        },
        Action::RequestChanges => match status {
            Submitted | Approved => Some(ChangesRequested),
            Draft | ChangesRequested | Definitive | Granted | Rejected | InExecution | Closed
            | Terminated | Withdrawn => None,
        },
        Action::Approve => match status {
            Submitted => Some(Approved),
            Draft | ChangesRequested | Approved | Definitive | Granted | Rejected | InExecution | Closed
            | Terminated | Withdrawn => None,
        },
        Action::MakeDefinitive => match status {
            Approved => Some(Definitive),
            Draft | Submitted | ChangesRequested | Definitive | Granted | Rejected | InExecution | Closed
            | Terminated | Withdrawn => None,
        },
        Action::Grant => match status {
            Definitive => Some(Granted),
            Draft | Submitted | ChangesRequested | Approved | Granted | Rejected | InExecution | Closed
            | Terminated | Withdrawn => None,
        },
        Action::Reject => match status {
            Definitive => Some(Rejected),
            Draft | Submitted | ChangesRequested | Approved | Granted | Rejected | InExecution | Closed
            | Terminated | Withdrawn => None,
        },
        Action::Start => match status {
            Granted => Some(InExecution),
            Draft | Submitted | ChangesRequested | Approved | Definitive | Rejected | InExecution
            | Closed | Terminated | Withdrawn => None,
        },
        Action::Terminate => match status {
            Granted | InExecution => Some(Terminated),
            Draft | Submitted | ChangesRequested | Approved | Definitive | Rejected | Closed | Terminated
            | Withdrawn => None,
        },
        Action::Close => match status {
            InExecution => Some(Closed),
            Draft | Submitted | ChangesRequested | Approved | Definitive | Granted | Rejected | Closed
            | Terminated | Withdrawn => None,
        },
        Action::Withdraw => match status {
            Draft | Submitted | ChangesRequested | Approved | Definitive => Some(Withdrawn),
            Granted | Rejected | InExecution | Closed | Terminated | Withdrawn => None,
        },
    }
}

/// Takes `action` on an arrangement in `status` as `actor`.
pub fn apply(
    status: Status,
    action: Action,
    actor: Role,
    config: &WorkflowConfig,
) -> Result<Status, TransitionError> {
    if actor_for(action, config) != actor {
        return Err(TransitionError::RoleMayNot { role: actor, action });
    }
    target(status, action).ok_or_else(|| TransitionError::NotInStatus {
        status,
        action,
        allowed: allowed_actions(status, actor, config),
    })
}

/// Everything `actor` may do now, in a stable order.
pub fn allowed_actions(status: Status, actor: Role, config: &WorkflowConfig) -> Vec<Action> {
    Action::ALL
        .iter()
        .copied()
        .filter(|&a| actor_for(a, config) == actor && target(status, a).is_some())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use Action::*;
    use Status::*;

    const CFG: WorkflowConfig = WorkflowConfig { decider: Role::SwvAdmin };

    /// The whole table: (from, action, actor, to). Everything not listed must fail.
    const TABLE: &[(Status, Action, Role, Status)] = &[
        (Draft, Submit, Role::School, Submitted),
        (ChangesRequested, Submit, Role::School, Submitted),
        (Submitted, RequestChanges, Role::Consultant, ChangesRequested),
        (Approved, RequestChanges, Role::Consultant, ChangesRequested),
        (Submitted, Approve, Role::Consultant, Approved),
        (Approved, MakeDefinitive, Role::School, Definitive),
        (Definitive, Grant, Role::SwvAdmin, Granted),
        (Definitive, Reject, Role::SwvAdmin, Rejected),
        (Granted, Start, Role::School, InExecution),
        (Granted, Terminate, Role::School, Terminated),
        (InExecution, Terminate, Role::School, Terminated),
        (InExecution, Close, Role::School, Closed),
        (Draft, Withdraw, Role::School, Withdrawn),
        (Submitted, Withdraw, Role::School, Withdrawn),
        (ChangesRequested, Withdraw, Role::School, Withdrawn),
        (Approved, Withdraw, Role::School, Withdrawn),
        (Definitive, Withdraw, Role::School, Withdrawn),
    ];

    #[test]
    fn every_status_action_and_role_behaves_as_the_table_says() {
        for &status in Status::ALL {
            for &action in Action::ALL {
                for role in Role::ALL {
                    let expected = TABLE
                        .iter()
                        .find(|(s, a, r, _)| *s == status && *a == action && *r == role)
                        .map(|(_, _, _, to)| *to);
                    match (apply(status, action, role, &CFG), expected) {
                        (Ok(to), Some(want)) => assert_eq!(to, want, "{status} --{action}/{role}-->"),
                        (Err(_), None) => {}
                        (got, want) => panic!("{status} --{action}/{role}: got {got:?}, want {want:?}"),
                    }
                }
            }
        }
    }

    #[test]
    fn the_wrong_role_is_refused_before_the_status_is_considered() {
        assert_eq!(
            apply(Definitive, Grant, Role::School, &CFG),
            Err(TransitionError::RoleMayNot { role: Role::School, action: Grant })
        );
        assert_eq!(
            apply(Draft, Submit, Role::Parent, &CFG),
            Err(TransitionError::RoleMayNot { role: Role::Parent, action: Submit })
        );
    }

    #[test]
    fn an_illegal_action_names_what_is_allowed() {
        assert_eq!(
            apply(Draft, Approve, Role::Consultant, &CFG),
            Err(TransitionError::NotInStatus { status: Draft, action: Approve, allowed: vec![] })
        );
        assert_eq!(
            apply(Granted, Close, Role::School, &CFG),
            Err(TransitionError::NotInStatus {
                status: Granted,
                action: Close,
                allowed: vec![Start, Terminate]
            })
        );
    }

    #[test]
    fn the_decider_comes_from_the_partnerships_configuration() {
        let consultant_decides = WorkflowConfig { decider: Role::Consultant };
        assert_eq!(apply(Definitive, Grant, Role::Consultant, &consultant_decides), Ok(Granted));
        assert!(apply(Definitive, Grant, Role::SwvAdmin, &consultant_decides).is_err());
        assert_eq!(allowed_actions(Definitive, Role::Consultant, &consultant_decides), vec![Grant, Reject]);
    }

    #[test]
    fn the_presets_name_their_deciders() {
        let utrecht = Policy::utrecht_po();
        let decider = |p: &Policy, k| WorkflowConfig::for_kind(p, k).decider;
        assert_eq!(decider(&utrecht, ArrangementKind::Individual), Role::SwvAdmin);
        assert_eq!(decider(&utrecht, ArrangementKind::Cluster), Role::Consultant);
        assert_eq!(decider(&Policy::de_liemers(), ArrangementKind::Individual), Role::SwvAdmin);
        assert_eq!(decider(&Policy::holland_rijnland(), ArrangementKind::Integral), Role::Consultant);
    }

    #[test]
    fn final_statuses_allow_nothing() {
        for &status in Status::ALL.iter().filter(|s| s.is_final()) {
            for role in Role::ALL {
                assert!(allowed_actions(status, role, &CFG).is_empty(), "{status} {role}");
            }
        }
    }

    #[test]
    fn wire_names_are_snake_case_statuses_and_kebab_case_actions() {
        assert_eq!(serde_json::to_string(&ChangesRequested).expect("json"), "\"changes_requested\"");
        assert_eq!(Action::parse("make-definitive"), Some(MakeDefinitive));
        assert_eq!(Status::parse("in_execution"), Some(InExecution));
    }
}
