//! The dossier page's state as a reducer, and the requests that feed it.

use std::rc::Rc;

use arrangeer_shared::api::arrangements::{
    ActionRequest, ArrangementEvent, ArrangementResponse, UpdateArrangementRequest,
};
use arrangeer_shared::api::problem::FieldError;
use arrangeer_shared::ids::ArrangementId;
use arrangeer_shared::workflow::{Action, Status};
use yew::prelude::*;

use crate::api::{self, ClientError};
use crate::components::expire_on_401;
use crate::components::proposal_form::values::Parsed;
use crate::session::AppContext;

/// Why saving the proposal failed, other than a field error.
#[derive(Clone, Debug, PartialEq)]
pub enum SaveProblem {
    /// 412: someone else saved in between.
    Stale,
    /// 409: the status no longer allows editing.
    NotEditable,
    Other(ClientError),
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct DossierState {
    pub arrangement: Option<ArrangementResponse>,
    pub history: Vec<ArrangementEvent>,
    pub load_error: Option<ClientError>,
    pub editing: bool,
    pub save_busy: bool,
    pub save_errors: Vec<FieldError>,
    pub save_problem: Option<SaveProblem>,
    pub saved: bool,
    pub action_busy: bool,
    pub action_problem: Option<ClientError>,
    /// The status reached by the last action, numbered so that each success is new.
    pub action_done: Option<(u32, Status)>,
    /// An element to focus after the next render, numbered so that each request is new.
    pub focus: Option<(u32, &'static str)>,
}

pub enum Msg {
    /// The dossier and its history; `reset` also ends editing (a reload after a conflict).
    Loaded {
        arrangement: Box<ArrangementResponse>,
        history: Vec<ArrangementEvent>,
        reset: bool,
    },
    LoadFailed(ClientError),
    Edit,
    CancelEdit,
    Saving,
    Saved(Box<ArrangementResponse>, Vec<ArrangementEvent>),
    SaveFailed(ClientError),
    Acting,
    Acted(Box<ArrangementResponse>, Vec<ArrangementEvent>),
    ActFailed(ClientError),
}

impl DossierState {
    fn focus_on(&mut self, id: &'static str) {
        let n = self.focus.map_or(1, |(n, _)| n + 1);
        self.focus = Some((n, id));
    }

    /// The status before the last action, which places a withdrawn or stopped dossier on the
    /// timeline.
    pub fn previous_status(&self) -> Option<Status> {
        self.history.last().and_then(|e| e.from_status)
    }
}

impl Reducible for DossierState {
    type Action = Msg;

    fn reduce(self: Rc<Self>, msg: Msg) -> Rc<Self> {
        let mut s = (*self).clone();
        match msg {
            Msg::Loaded { arrangement, history, reset } => {
                s.arrangement = Some(*arrangement);
                s.history = history;
                s.load_error = None;
                if reset {
                    s.editing = false;
                    s.save_problem = None;
                    s.save_errors.clear();
                }
            }
            Msg::LoadFailed(err) => s.load_error = Some(err),
            Msg::Edit => {
                s.editing = true;
                s.saved = false;
                s.save_errors.clear();
                s.save_problem = None;
                s.focus_on("title");
            }
            Msg::CancelEdit => {
                s.editing = false;
                s.save_problem = None;
                s.focus_on("edit-proposal");
            }
            Msg::Saving => {
                s.save_busy = true;
                s.save_problem = None;
            }
            Msg::Saved(arrangement, history) => {
                s.arrangement = Some(*arrangement);
                s.history = history;
                s.editing = false;
                s.save_busy = false;
                s.save_errors.clear();
                s.saved = true;
                s.focus_on("proposal-heading");
            }
            Msg::SaveFailed(err) => {
                s.save_busy = false;
                s.save_errors = err.field_errors().to_vec();
                s.save_problem = match err.status() {
                    Some(422) if !s.save_errors.is_empty() => None,
                    Some(412) => Some(SaveProblem::Stale),
                    Some(409) => Some(SaveProblem::NotEditable),
                    _ => Some(SaveProblem::Other(err)),
                };
                if s.save_problem.is_some() {
                    s.focus_on("save-problem");
                }
            }
            Msg::Acting => {
                s.action_busy = true;
                s.action_problem = None;
                s.saved = false;
            }
            Msg::Acted(arrangement, history) => {
                let n = s.action_done.map_or(1, |(n, _)| n + 1);
                s.action_done = Some((n, arrangement.status));
                s.arrangement = Some(*arrangement);
                s.history = history;
                s.action_busy = false;
                s.editing = false;
                s.focus_on("action-result");
            }
            Msg::ActFailed(err) => {
                s.action_busy = false;
                s.action_done = None;
                s.action_problem = Some(err);
                s.focus_on("action-error");
            }
        }
        Rc::new(s)
    }
}

pub type Handle = UseReducerHandle<DossierState>;

/// Loads the dossier and its history.
pub fn load(app: AppContext, state: Handle, token: String, id: ArrangementId, reset: bool) {
    crate::spawn(async move {
        let loaded = async {
            let arrangement = api::get_arrangement(&token, id).await?;
            let history = api::arrangement_history(&token, id).await?;
            Ok::<_, ClientError>((arrangement, history))
        };
        match loaded.await {
            Ok((arrangement, history)) => {
                state.dispatch(Msg::Loaded { arrangement: Box::new(arrangement), history, reset })
            }
            Err(err) => {
                expire_on_401(&app, &err);
                state.dispatch(Msg::LoadFailed(err));
            }
        }
    });
}

/// Takes an action; on a conflict the dossier is reloaded so the buttons match its status.
pub fn act(
    app: AppContext,
    state: Handle,
    token: String,
    id: ArrangementId,
    action: Action,
    body: ActionRequest,
) {
    state.dispatch(Msg::Acting);
    crate::spawn(async move {
        let done = async {
            let arrangement = api::take_action(&token, id, action, &body).await?;
            let history = api::arrangement_history(&token, id).await?;
            Ok::<_, ClientError>((arrangement, history))
        };
        match done.await {
            Ok((arrangement, history)) => state.dispatch(Msg::Acted(Box::new(arrangement), history)),
            Err(err) => {
                expire_on_401(&app, &err);
                let conflict = err.status() == Some(409);
                state.dispatch(Msg::ActFailed(err));
                if conflict {
                    load(app, state, token, id, false);
                }
            }
        }
    });
}

/// Saves the proposal with the version last read (`If-Match`).
pub fn save(app: AppContext, state: Handle, token: String, current: &ArrangementResponse, parsed: Parsed) {
    let (id, version) = (current.id, current.version);
    let body = UpdateArrangementRequest {
        title: parsed.title,
        pupil_ids: parsed.pupil_ids,
        start_route: parsed.start_route,
        care_scope: parsed.care_scope,
        proposal: parsed.proposal,
    };
    state.dispatch(Msg::Saving);
    crate::spawn(async move {
        let saved = async {
            let arrangement = api::update_arrangement(&token, id, version, &body).await?;
            let history = api::arrangement_history(&token, id).await?;
            Ok::<_, ClientError>((arrangement, history))
        };
        match saved.await {
            Ok((arrangement, history)) => state.dispatch(Msg::Saved(Box::new(arrangement), history)),
            Err(err) => {
                expire_on_401(&app, &err);
                state.dispatch(Msg::SaveFailed(err));
            }
        }
    });
}
