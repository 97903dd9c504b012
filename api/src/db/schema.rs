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

diesel::joinable!(school_boards -> partnerships (partnership_id));
diesel::joinable!(schools -> school_boards (school_board_id));
diesel::joinable!(executors -> partnerships (partnership_id));
diesel::joinable!(users -> partnerships (partnership_id));
diesel::joinable!(consultant_assignments -> schools (school_id));

diesel::allow_tables_to_appear_in_same_query!(
    partnerships,
    school_boards,
    schools,
    executors,
    users,
    consultant_assignments,
);
