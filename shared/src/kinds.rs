//! The vocabularies of a dossier: kinds of arrangement, start routes, executors, attachments.
//! Stored as TEXT (with a CHECK constraint) and sent as snake_case strings.

vocabulary! {
    /// Kind of arrangement.
    ArrangementKind {
        /// One pupil.
        Individual = "individual",
        /// Two or more pupils of one school with comparable needs.
        Cluster = "cluster",
        /// One pupil; education and youth care joined in a broad meeting, with a case director.
        Integral = "integral",
    }
}

vocabulary! {
    /// How an approved proposal goes on (DOMAIN.md, "Proposal").
    StartRoute {
        /// Start right away: the consultant has sight of the cost.
        DirectStart = "direct_start",
        /// The consultant first asks the SWV for internal advice.
        InternalAdvice = "internal_advice",
        /// The school first asks its preferred executor for a quote.
        QuoteFirst = "quote_first",
    }
}

vocabulary! {
    /// Whether the arrangement is education only or joins youth care.
    CareScope {
        EducationOnly = "education_only",
        EducationPlusCare = "education_plus_care",
    }
}

vocabulary! {
    /// Who delivers the support.
    ExecutorKind {
        /// Staff of the school itself (an hours statement instead of a quote).
        Internal = "internal",
        /// An external executor organisation (writes a quote or agreement).
        External = "external",
    }
}

vocabulary! {
    /// Function of internal staff delivering support; with the salary scale it sets the
    /// hourly-rate cap (Utrecht PO, individual).
    StaffFunction {
        Teacher = "teacher",
        /// Remedial teacher / specialist.
        Specialist = "specialist",
        /// Intern begeleider.
        InternalCoach = "internal_coach",
        Orthopedagogue = "orthopedagogue",
        /// Teaching assistant (onderwijsassistent).
        TeachingAssistant = "teaching_assistant",
    }
}

vocabulary! {
    /// Salary scale of internal staff (CAO PO).
    SalaryScale {
        La = "la",
        Lb = "lb",
        Lc = "lc",
        Scale11 = "scale_11",
        Scale4 = "scale_4",
    }
}

vocabulary! {
    /// Kind of document attached to a dossier.
    AttachmentKind {
        /// Ontwikkelingsperspectiefplan, one per pupil.
        Opp = "opp",
        Quote = "quote",
        Agreement = "agreement",
        /// Hours statement for internal staff (instead of a quote).
        HoursStatement = "hours_statement",
        StartMeetingReport = "start_meeting_report",
        ConsultantAdvice = "consultant_advice",
        /// Goals for teacher and school.
        TeacherSchoolGoals = "teacher_school_goals",
        /// Recent test overview (CITO/LOVS).
        TestOverview = "test_overview",
        /// Research report; must not be older than two years.
        ResearchReport = "research_report",
        /// Handelingsplan (required for short-term joiners).
        ActionPlan = "action_plan",
        Evaluation = "evaluation",
        DecisionLetter = "decision_letter",
        Other = "other",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vocabularies_round_trip_through_text_and_json() {
        for kind in AttachmentKind::ALL {
            assert_eq!(AttachmentKind::parse(kind.as_str()), Some(*kind));
            assert_eq!(serde_json::to_string(kind).expect("json"), format!("\"{kind}\""));
        }
        assert_eq!(ArrangementKind::parse("cluster"), Some(ArrangementKind::Cluster));
        assert_eq!(ArrangementKind::parse("Cluster"), None);
    }
}
