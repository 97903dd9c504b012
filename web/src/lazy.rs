//! Pages loaded on demand: each group of heavier pages is a WASM chunk of its own, fetched the
//! first time the user goes there (see README, "Size of the web app").
//!
//! A chunk is marked by `#[wasm_split(name)]` functions that return the group's render
//! function. The build links the app with its relocations (`--emit-relocs`, set in build.rs),
//! and `wasm-split-cli` moves everything that only such functions reach into
//! `split_<name>.<build>.wasm`, and code that several chunks (but not the main module) use into
//! `chunk_<n>.<build>.wasm`, loaded along with them. The main module keeps an import that loads
//! a chunk and then calls into it. On the host (unit tests, clippy) the functions are plain
//! calls.
//!
//! Only the page components may be reached from here: anything `app::switch` or the shell
//! names directly stays in the main module, and so does what it uses.

use std::cell::RefCell;

use wasm_split_helpers::{SplitLoaderError, wasm_split};
use yew::prelude::*;

use crate::api::ClientError;
use crate::app::Route;
use crate::components::feedback::{ErrorBoxProps, LoadingProps, error_box, loading};
use crate::hooks::{use_effect_on, use_value};
use crate::session::use_app;

/// Renders a route of a chunk's group.
pub type Render = fn(&Route) -> Html;

/// A chunk could not be fetched or instantiated (the network, usually); the helper logs the
/// cause to the browser console.
pub struct ChunkError;

impl From<SplitLoaderError> for ChunkError {
    fn from(_: SplitLoaderError) -> Self {
        ChunkError
    }
}

/// The groups of pages that are loaded on demand, each a chunk of its own. Grouped by who
/// uses them together: every further group adds small chunks of the code that two groups share
/// (see README, "Size of the web app").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Chunk {
    /// The case work of schools, consultants and executors: dossiers (list, new, one),
    /// consultations (list, new, one) and a pupil's development plan.
    Dossiers,
    /// A parent's view of the child's development plan (`/mijn-kind`).
    MyChild,
    /// "Mijn termijnen".
    Deadlines,
    /// The SWV office's policy editor, payments and statistics.
    Office,
    /// The account page (two-factor authentication) and the invitation of a guardian.
    Account,
}

const CHUNKS: usize = 5;

impl Chunk {
    fn index(self) -> usize {
        self as usize
    }

    async fn load(self) -> Result<Render, ChunkError> {
        match self {
            Chunk::Dossiers => dossiers().await,
            Chunk::MyChild => my_child().await,
            Chunk::Deadlines => deadlines().await,
            Chunk::Office => office().await,
            Chunk::Account => account().await,
        }
    }
}

// Each function below is the one way into its chunk: what only it reaches (the pages, their
// components, decoders and texts) is cut out of the main module. A render function is only
// called with the routes that `app::switch` gives to its chunk; any other renders nothing.

#[wasm_split(dossiers, fallible)]
fn dossiers() -> Result<Render, ChunkError> {
    use crate::pages::consultation::ConsultationPage;
    use crate::pages::opp_editor::OppEditorPage;
    use crate::pages::{consultation_list::ConsultationListPage, consultation_new::NewConsultationPage};
    use crate::pages::{dossier::DossierPage, dossier_list::DossierListPage, dossier_new::NewDossierPage};
    Ok(|route| match route {
        Route::Dossiers => html! { <DossierListPage /> },
        Route::NewDossier => html! { <NewDossierPage /> },
        // keyed, so that going from one dossier (or plan) to another starts the page afresh
        Route::Dossier { id } => html! { <DossierPage key={id.to_string()} id={*id} /> },
        Route::Consultations => html! { <ConsultationListPage /> },
        Route::NewConsultation => html! { <NewConsultationPage /> },
        Route::Consultation { id } => html! { <ConsultationPage key={id.clone()} id={id.clone()} /> },
        Route::PupilOpp { pupil } => html! { <OppEditorPage key={pupil.to_string()} pupil={*pupil} /> },
        _ => Html::default(),
    })
}

#[wasm_split(my_child, fallible)]
fn my_child() -> Result<Render, ChunkError> {
    Ok(|_| html! { <crate::pages::opp_parent::ParentOppPage /> })
}

#[wasm_split(deadlines, fallible)]
fn deadlines() -> Result<Render, ChunkError> {
    Ok(|_| html! { <crate::pages::deadlines::DeadlinesPage /> })
}

#[wasm_split(office, fallible)]
fn office() -> Result<Render, ChunkError> {
    Ok(|route| match route {
        Route::Policy => html! { <crate::pages::policy_editor::PolicyEditorPage /> },
        Route::Payments => html! { <crate::pages::payments::PaymentsPage /> },
        Route::Statistics => html! { <crate::pages::statistics::StatisticsPage /> },
        _ => Html::default(),
    })
}

#[wasm_split(account, fallible)]
fn account() -> Result<Render, ChunkError> {
    Ok(|route| match route {
        Route::Account => html! { <crate::pages::account::AccountPage /> },
        Route::Invitation => html! { <crate::pages::invitation::InvitationPage /> },
        _ => Html::default(),
    })
}

thread_local! {
    /// The render functions of the chunks loaded so far.
    static LOADED: RefCell<[Option<Render>; CHUNKS]> = const { RefCell::new([None; CHUNKS]) };
}

fn loaded(chunk: Chunk) -> Option<Render> {
    LOADED.with(|l| l.borrow()[chunk.index()])
}

#[derive(Properties, PartialEq)]
pub struct LazyProps {
    pub chunk: Chunk,
    pub route: Route,
}

/// A page of a chunk: "Bezig met laden…" while the chunk loads, then the page; the network
/// error with "Opnieuw proberen" when it cannot be loaded.
#[component]
pub fn Lazy(props: &LazyProps) -> Html {
    let lang = use_app().lang;
    // what became of the last attempt: (chunk, failed); changes render the component again
    let outcome = use_value(|| None::<(Chunk, bool)>);
    let round = use_value(|| 0u32);
    let chunk = props.chunk;
    {
        let outcome = outcome.clone();
        use_effect_on((chunk, *round), move |&(chunk, _)| {
            if loaded(chunk).is_none() {
                crate::spawn(async move {
                    let failed = match chunk.load().await {
                        Ok(render) => {
                            LOADED.with(|l| l.borrow_mut()[chunk.index()] = Some(render));
                            false
                        }
                        Err(ChunkError) => true,
                    };
                    outcome.set(Some((chunk, failed)));
                });
            }
        });
    }
    if let Some(render) = loaded(chunk) {
        return render(&props.route);
    }
    if *outcome == Some((chunk, true)) {
        let retry = {
            let (round, outcome) = (round.clone(), outcome.clone());
            Callback::from(move |_: MouseEvent| {
                outcome.set(None);
                round.set(*round + 1);
            })
        };
        let error = ClientError::Network(String::new());
        return error_box(&yew::props!(ErrorBoxProps { lang: lang, error: error, on_retry: retry }));
    }
    loading(&yew::props!(LoadingProps { lang: lang }))
}
