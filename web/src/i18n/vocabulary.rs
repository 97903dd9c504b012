//! Names of the workflow and dossier vocabularies, as `(Dutch, English)`.

use arrangeer_shared::kinds::{
    ArrangementKind, CareScope, ExecutorKind, SalaryScale, StaffFunction, StartRoute,
};
use arrangeer_shared::workflow::{Action, Status};

type Pair = (&'static str, &'static str);

pub(super) fn status(status: Status) -> Pair {
    match status {
        Status::Draft => ("Concept", "Draft"),
        Status::Submitted => ("Ingediend", "Submitted"),
        Status::ChangesRequested => ("Wijzigingen gevraagd", "Changes requested"),
        Status::Approved => ("Akkoord consulent", "Approved by consultant"),
        Status::Definitive => ("Definitief", "Definitive"),
        Status::Granted => ("Toegekend", "Granted"),
        Status::Rejected => ("Afgewezen", "Rejected"),
        Status::InExecution => ("In uitvoering", "In execution"),
        Status::Closed => ("Afgesloten", "Closed"),
        Status::Terminated => ("Voortijdig beëindigd", "Terminated early"),
        Status::Withdrawn => ("Ingetrokken", "Withdrawn"),
    }
}

pub(super) fn kind(kind: ArrangementKind) -> Pair {
    match kind {
        ArrangementKind::Individual => ("Individueel arrangement", "Individual arrangement"),
        ArrangementKind::Cluster => ("Clusterarrangement", "Cluster arrangement"),
        ArrangementKind::Integral => ("Integraal arrangement", "Integral arrangement"),
    }
}

/// The button that takes the action.
pub(super) fn action(action: Action) -> Pair {
    match action {
        Action::Submit => ("Indienen", "Submit"),
        Action::RequestChanges => ("Wijzigingen vragen", "Request changes"),
        Action::Approve => ("Akkoord geven", "Approve"),
        Action::MakeDefinitive => ("Definitief maken", "Make definitive"),
        Action::Grant => ("Toekennen", "Grant"),
        Action::Reject => ("Afwijzen", "Reject"),
        Action::Start => ("Start uitvoering", "Start execution"),
        Action::Terminate => ("Voortijdig beëindigen", "Terminate early"),
        Action::Close => ("Afsluiten", "Close"),
        Action::Withdraw => ("Intrekken", "Withdraw"),
    }
}

/// The action as the history records it.
pub(super) fn done(action: Action) -> Pair {
    match action {
        Action::Submit => ("Ingediend", "Submitted"),
        Action::RequestChanges => ("Wijzigingen gevraagd", "Changes requested"),
        Action::Approve => ("Akkoord gegeven", "Approved"),
        Action::MakeDefinitive => ("Definitief gemaakt", "Made definitive"),
        Action::Grant => ("Toegekend", "Granted"),
        Action::Reject => ("Afgewezen", "Rejected"),
        Action::Start => ("Uitvoering gestart", "Execution started"),
        Action::Terminate => ("Voortijdig beëindigd", "Terminated early"),
        Action::Close => ("Afgesloten", "Closed"),
        Action::Withdraw => ("Ingetrokken", "Withdrawn"),
    }
}

pub(super) fn start_route(route: StartRoute) -> Pair {
    match route {
        StartRoute::DirectStart => ("Direct starten (consulent overziet de kosten)", "Start right away"),
        StartRoute::InternalAdvice => {
            ("Eerst intern advies van het samenwerkingsverband", "Internal advice first")
        }
        StartRoute::QuoteFirst => ("Eerst een offerte van de uitvoerder", "Quote from the executor first"),
    }
}

pub(super) fn care_scope(scope: CareScope) -> Pair {
    match scope {
        CareScope::EducationOnly => ("Alleen onderwijs", "Education only"),
        CareScope::EducationPlusCare => ("Onderwijs en zorg", "Education and care"),
    }
}

pub(super) fn executor_kind(kind: ExecutorKind) -> Pair {
    match kind {
        ExecutorKind::Internal => {
            ("Intern: eigen personeel van de school", "Internal: the school's own staff")
        }
        ExecutorKind::External => {
            ("Extern: een uitvoerende organisatie", "External: an executor organisation")
        }
    }
}

pub(super) fn staff_function(function: StaffFunction) -> Pair {
    match function {
        StaffFunction::Teacher => ("Leerkracht", "Teacher"),
        StaffFunction::Specialist => ("Remedial teacher / specialist", "Remedial teacher / specialist"),
        StaffFunction::InternalCoach => ("Intern begeleider", "Internal coach (IB'er)"),
        StaffFunction::Orthopedagogue => ("Orthopedagoog", "Orthopedagogue"),
        StaffFunction::TeachingAssistant => ("Onderwijsassistent", "Teaching assistant"),
    }
}

pub(super) fn salary_scale(scale: SalaryScale) -> Pair {
    match scale {
        SalaryScale::La => ("LA", "LA"),
        SalaryScale::Lb => ("LB", "LB"),
        SalaryScale::Lc => ("LC", "LC"),
        SalaryScale::Scale11 => ("Schaal 11", "Scale 11"),
        SalaryScale::Scale4 => ("Schaal 4", "Scale 4"),
    }
}
