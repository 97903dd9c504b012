// The database schema, written by hand to match migrations/{sqlite,postgres}; only column
// types that behave the same on both backends (Text, Integer, Bool, Timestamp, Date).

diesel::table! {
    partnerships (id) {
        id -> Text,
        code -> Text,
        name -> Text,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        version -> Integer,
    }
}

diesel::table! {
    school_boards (id) {
        id -> Text,
        partnership_id -> Text,
        board_number -> Text,
        name -> Text,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        version -> Integer,
    }
}

diesel::table! {
    schools (id) {
        id -> Text,
        partnership_id -> Text,
        school_board_id -> Text,
        brin_code -> Text,
        name -> Text,
        school_type -> Text,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        version -> Integer,
    }
}

diesel::table! {
    executors (id) {
        id -> Text,
        partnership_id -> Text,
        name -> Text,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        version -> Integer,
    }
}

diesel::table! {
    users (id) {
        id -> Text,
        partnership_id -> Text,
        email -> Text,
        display_name -> Text,
        role -> Text,
        password_hash -> Text,
        school_id -> Nullable<Text>,
        executor_id -> Nullable<Text>,
        active -> Bool,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        version -> Integer,
    }
}

diesel::table! {
    consultant_assignments (consultant_id, school_id) {
        consultant_id -> Text,
        school_id -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    pupils (id) {
        id -> Text,
        partnership_id -> Text,
        school_id -> Text,
        first_name -> Text,
        last_name -> Text,
        date_of_birth -> Date,
        group_name -> Text,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        version -> Integer,
    }
}

diesel::table! {
    guardianships (pupil_id, parent_id) {
        pupil_id -> Text,
        parent_id -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    policies (id) {
        id -> Text,
        partnership_id -> Text,
        version -> Integer,
        document -> Text,
        created_by -> Nullable<Text>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    arrangements (id) {
        id -> Text,
        partnership_id -> Text,
        school_id -> Text,
        kind -> Text,
        status -> Text,
        title -> Text,
        start_route -> Text,
        care_scope -> Text,
        goals_pupils -> Text,
        goals_teacher -> Text,
        goals_school -> Text,
        support_description -> Text,
        direct_minutes_per_week -> Nullable<Integer>,
        indirect_minutes_per_week -> Nullable<Integer>,
        outside_class_minutes_per_week -> Nullable<Integer>,
        weeks -> Nullable<Integer>,
        start_date -> Nullable<Date>,
        end_date -> Nullable<Date>,
        executor_kind -> Nullable<Text>,
        executor_id -> Nullable<Text>,
        staff_function -> Nullable<Text>,
        salary_scale -> Nullable<Text>,
        hourly_rate_cents -> Nullable<BigInt>,
        case_director -> Nullable<Text>,
        consultant_id -> Nullable<Text>,
        policy_version -> Nullable<Integer>,
        previous_id -> Nullable<Text>,
        created_by -> Text,
        terminated_on -> Nullable<Date>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        version -> Integer,
        // pupil_count INTEGER NOT NULL (the list's count of arrangement_pupils): not declared
        // here, a 33rd column would need diesel's slower-to-build `64-column-tables`; it is
        // written and read only in raw SQL (`db::arrangements::set_pupils`, `summaries`)
    }
}

diesel::table! {
    arrangement_pupils (arrangement_id, pupil_id) {
        arrangement_id -> Text,
        pupil_id -> Text,
    }
}

diesel::table! {
    arrangement_events (id) {
        id -> Text,
        arrangement_id -> Text,
        actor_id -> Text,
        action -> Text,
        from_status -> Nullable<Text>,
        to_status -> Text,
        comment -> Nullable<Text>,
        justification -> Nullable<Text>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    attachments (id) {
        id -> Text,
        arrangement_id -> Text,
        kind -> Text,
        pupil_id -> Nullable<Text>,
        document_date -> Nullable<Date>,
        file_name -> Text,
        content_type -> Text,
        size_bytes -> BigInt,
        content -> Binary,
        uploaded_by -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    feed_tokens (id) {
        id -> Text,
        user_id -> Text,
        token_hash -> Text,
        created_at -> Timestamp,
        revoked_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    evaluations (id) {
        id -> Text,
        arrangement_id -> Text,
        kind -> Text,
        planned_on -> Date,
        participants -> Text,
        held_on -> Nullable<Date>,
        summary -> Nullable<Text>,
        created_by -> Text,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        version -> Integer,
    }
}

diesel::table! {
    evaluation_outcomes (evaluation_id, pupil_id) {
        evaluation_id -> Text,
        pupil_id -> Text,
        outcome -> Text,
        reasons -> Text,
    }
}

diesel::table! {
    logbook_entries (id) {
        id -> Text,
        arrangement_id -> Text,
        author_id -> Text,
        note -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    quotes (id) {
        id -> Text,
        arrangement_id -> Text,
        executor_id -> Text,
        direct_minutes_per_week -> Integer,
        indirect_minutes_per_week -> Integer,
        hourly_rate_cents -> BigInt,
        amount_cents -> BigInt,
        start_date -> Date,
        end_date -> Date,
        note -> Text,
        status -> Text,
        submitted_by -> Text,
        created_at -> Timestamp,
        decided_by -> Nullable<Text>,
        decided_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    progress_reports (id) {
        id -> Text,
        arrangement_id -> Text,
        author_id -> Text,
        period_start -> Date,
        period_end -> Date,
        body -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    consultations (id) {
        id -> Text,
        partnership_id -> Text,
        school_id -> Text,
        kind -> Text,
        arrangement_kind -> Text,
        support_question -> Text,
        pupils -> Text,
        group_information -> Nullable<Text>,
        information_sufficient -> Nullable<Bool>,
        involve_board -> Nullable<Bool>,
        involve_youth_care -> Nullable<Bool>,
        triage_note -> Nullable<Text>,
        triaged_by -> Nullable<Text>,
        triaged_at -> Nullable<Timestamp>,
        created_by -> Text,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        version -> Integer,
    }
}

diesel::table! {
    consultation_meetings (id) {
        id -> Text,
        consultation_id -> Text,
        held_on -> Date,
        participants -> Text,
        minutes -> Text,
        agreements -> Text,
        created_by -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    consultation_arrangements (arrangement_id) {
        arrangement_id -> Text,
        consultation_id -> Text,
        linked_at -> Timestamp,
    }
}

diesel::table! {
    integral_actions (id) {
        id -> Text,
        arrangement_id -> Text,
        description -> Text,
        owner_name -> Text,
        owner_organisation -> Nullable<Text>,
        due_on -> Date,
        status -> Text,
        created_by -> Text,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        version -> Integer,
    }
}

diesel::table! {
    arrangement_reductions (id) {
        id -> Text,
        arrangement_id -> Text,
        effective_from -> Date,
        new_amount_cents -> BigInt,
        direct_minutes_per_week -> Nullable<Integer>,
        indirect_minutes_per_week -> Nullable<Integer>,
        reason -> Text,
        created_by -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    arrangement_preconditions (arrangement_id) {
        arrangement_id -> Text,
        counsellor_supports -> Nullable<Bool>,
        opp_signed_by_parents -> Nullable<Bool>,
        half_year_needs_based_work -> Nullable<Bool>,
        own_support_route_followed -> Nullable<Bool>,
        anonymised_at_request -> Nullable<Bool>,
        updated_at -> Timestamp,
    }
}

diesel::joinable!(school_boards -> partnerships (partnership_id));
diesel::joinable!(schools -> school_boards (school_board_id));
diesel::joinable!(executors -> partnerships (partnership_id));
diesel::joinable!(users -> partnerships (partnership_id));
diesel::joinable!(consultant_assignments -> schools (school_id));
diesel::joinable!(pupils -> schools (school_id));
diesel::joinable!(guardianships -> pupils (pupil_id));
diesel::joinable!(guardianships -> users (parent_id));
diesel::joinable!(arrangements -> schools (school_id));
diesel::joinable!(arrangement_pupils -> arrangements (arrangement_id));
diesel::joinable!(arrangement_pupils -> pupils (pupil_id));
diesel::joinable!(arrangement_events -> arrangements (arrangement_id));
diesel::joinable!(arrangement_events -> users (actor_id));
diesel::joinable!(attachments -> arrangements (arrangement_id));
diesel::joinable!(evaluation_outcomes -> evaluations (evaluation_id));
diesel::joinable!(logbook_entries -> users (author_id));
diesel::joinable!(consultation_meetings -> consultations (consultation_id));
diesel::joinable!(arrangement_preconditions -> arrangements (arrangement_id));

diesel::allow_tables_to_appear_in_same_query!(
    partnerships,
    school_boards,
    schools,
    executors,
    users,
    consultant_assignments,
    pupils,
    guardianships,
    policies,
    arrangements,
    arrangement_pupils,
    arrangement_events,
    attachments,
    feed_tokens,
    evaluations,
    evaluation_outcomes,
    logbook_entries,
    quotes,
    progress_reports,
    consultations,
    consultation_meetings,
    consultation_arrangements,
    integral_actions,
    arrangement_reductions,
    arrangement_preconditions,
);

diesel::table! {
    opps (id) {
        id -> Text,
        partnership_id -> Text,
        pupil_id -> Text,
        draft -> Text,
        latest_version -> Integer,
        created_by -> Text,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        version -> Integer,
    }
}

diesel::table! {
    opp_versions (opp_id, number) {
        opp_id -> Text,
        number -> Integer,
        content -> Text,
        published_by -> Text,
        published_at -> Timestamp,
    }
}

diesel::table! {
    opp_consents (id) {
        id -> Text,
        opp_id -> Text,
        version_number -> Integer,
        guardian_id -> Text,
        decision -> Text,
        parent_view -> Nullable<Text>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    opp_meetings (id) {
        id -> Text,
        opp_id -> Text,
        held_on -> Date,
        participants -> Text,
        outcome -> Text,
        recorded_by -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    opp_goal_evaluations (id) {
        id -> Text,
        opp_id -> Text,
        goal_id -> Text,
        goal_description -> Text,
        result -> Text,
        note -> Text,
        evaluated_on -> Date,
        with_parents -> Bool,
        recorded_by -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    audit_events (id) {
        id -> Text,
        partnership_id -> Text,
        actor_id -> Text,
        actor_role -> Text,
        action -> Text,
        object_type -> Text,
        object_id -> Text,
        pupil_id -> Nullable<Text>,
        client_address -> Nullable<Text>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    invitations (id) {
        id -> Text,
        partnership_id -> Text,
        pupil_id -> Text,
        email -> Text,
        name -> Text,
        token_hash -> Text,
        expires_at -> Timestamp,
        accepted_at -> Nullable<Timestamp>,
        created_by -> Text,
        created_at -> Timestamp,
    }
}

diesel::joinable!(audit_events -> users (actor_id));
diesel::joinable!(opps -> pupils (pupil_id));

diesel::allow_tables_to_appear_in_same_query!(
    users,
    opps,
    opp_versions,
    opp_consents,
    opp_meetings,
    opp_goal_evaluations,
    audit_events,
    invitations,
);
diesel::allow_tables_to_appear_in_same_query!(opps, pupils);
diesel::allow_tables_to_appear_in_same_query!(opps, guardianships);

diesel::table! {
    refresh_tokens (id) {
        id -> Text,
        user_id -> Text,
        family_id -> Text,
        token_hash -> Text,
        created_at -> Timestamp,
        expires_at -> Timestamp,
        revoked_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    user_preferences (user_id) {
        user_id -> Text,
        language -> Text,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        version -> Integer,
    }
}

diesel::table! {
    arrangement_milestones (arrangement_id) {
        arrangement_id -> Text,
        partnership_id -> Text,
        school_id -> Text,
        kind -> Text,
        status -> Text,
        policy_version -> Nullable<Integer>,
        submitted_on -> Nullable<Date>,
        definitive_on -> Nullable<Date>,
        granted_on -> Nullable<Date>,
        started_on -> Nullable<Date>,
        decided_on -> Nullable<Date>,
        decision -> Nullable<Text>,
        decision_due_on -> Nullable<Date>,
        request_to_decision_days -> Nullable<Integer>,
        definitive_to_decision_days -> Nullable<Integer>,
        grant_to_start_days -> Nullable<Integer>,
        decided_late -> Nullable<Bool>,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    arrangement_money_years (arrangement_id, year) {
        arrangement_id -> Text,
        year -> Integer,
        partnership_id -> Text,
        school_id -> Text,
        kind -> Text,
        granted_cents -> BigInt,
        paid_at_grant_cents -> BigInt,
        after_accountability_cents -> BigInt,
        settlement_cents -> BigInt,
    }
}

diesel::table! {
    export_events (id) {
        id -> Text,
        partnership_id -> Text,
        actor_id -> Text,
        actor_role -> Text,
        export -> Text,
        format -> Text,
        filters -> Text,
        row_count -> BigInt,
        client_address -> Nullable<Text>,
        created_at -> Timestamp,
    }
}

diesel::allow_tables_to_appear_in_same_query!(arrangements, arrangement_milestones, arrangement_money_years);
diesel::allow_tables_to_appear_in_same_query!(opp_goal_evaluations, pupils);

diesel::table! {
    short_term_joiners (id) {
        id -> Text,
        arrangement_id -> Text,
        pupil_id -> Text,
        offer_part -> Text,
        starts_on -> Date,
        ends_on -> Date,
        action_plan_attachment_id -> Text,
        parents_informed -> Bool,
        created_by -> Text,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        version -> Integer,
    }
}

diesel::table! {
    notification_preferences (user_id, event) {
        user_id -> Text,
        event -> Text,
        enabled -> Bool,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    partnership_swv_codes (partnership_id) {
        partnership_id -> Text,
        swv_code -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    user_totp (user_id) {
        user_id -> Text,
        secret -> Text,
        confirmed_at -> Nullable<Timestamp>,
        last_step -> Nullable<BigInt>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::allow_tables_to_appear_in_same_query!(users, user_totp);

diesel::table! {
    statistics_counts (partnership_id, created_year, school_id, kind, status) {
        partnership_id -> Text,
        created_year -> Integer,
        school_id -> Text,
        kind -> Text,
        status -> Text,
        n -> BigInt,
    }
}

diesel::table! {
    statistics_money (partnership_id, year, school_id, kind) {
        partnership_id -> Text,
        year -> Integer,
        school_id -> Text,
        kind -> Text,
        n -> BigInt,
        granted_cents -> BigInt,
        paid_at_grant_cents -> BigInt,
        after_accountability_cents -> BigInt,
        settlement_cents -> BigInt,
    }
}

diesel::table! {
    statistics_durations (partnership_id, measure, year, kind, days) {
        partnership_id -> Text,
        measure -> Text,
        year -> Integer,
        kind -> Text,
        days -> Integer,
        n -> BigInt,
        late -> BigInt,
    }
}

diesel::table! {
    statistics_clocks (partnership_id, source, status, kind, policy_version, day) {
        partnership_id -> Text,
        source -> Text,
        status -> Text,
        kind -> Text,
        policy_version -> Integer,
        day -> Date,
        n -> BigInt,
    }
}
