//! The generated statements, table by table. Ids: see `sql::Sql::id`; user numbers: school
//! staff 0.., consultants 100000.., executors 200000.., the office 300000, parents 1000000..

use super::sql::{self, ARRANGEMENT, AUDIT, BOARD, EXECUTOR, PUPIL, SCHOOL, STATUSES, USER, buckets, hash};
use super::{DOMAIN, LargeSeed, SeedError, Seeder};

const FIRST: &[&str] = &[
    "Daan", "Emma", "Sem", "Julia", "Noah", "Mila", "Liam", "Tess", "Finn", "Zoë", "Levi", "Sara", "Luuk",
    "Anna", "Mees", "Evi", "Bram", "Lotte", "Jesse", "Nora",
];
const LAST: &[&str] = &[
    "de Jong",
    "Jansen",
    "de Vries",
    "van den Berg",
    "Bakker",
    "Visser",
    "Smit",
    "Meijer",
    "de Boer",
    "Mulder",
    "de Groot",
    "Bos",
    "Vos",
    "Peters",
    "Hendriks",
    "Dekker",
    "Brouwer",
    "de Wit",
    "Dijkstra",
    "Smits",
];

/// `CASE expr WHEN 0 THEN 'a' …`: one of `values` by a number below their count.
fn pick(values: &[&str], expr: &str) -> String {
    let mut out = format!("CASE {expr}");
    for (k, v) in values.iter().enumerate() {
        out.push_str(&format!(" WHEN {k} THEN '{}'", v.replace('\'', "''")));
    }
    out.push_str(" END");
    out
}

pub(super) fn organisations(s: &mut Seeder<'_>, password_hash: &str) -> Result<(), SeedError> {
    let (pid, spec) = (s.pid.clone(), s.spec);
    let ts = |q: &sql::Sql| q.at("0", "0");
    s.run("school_boards", spec.schools.div_ceil(20), |q, from, to| {
        format!(
            "INSERT INTO school_boards (id, partnership_id, board_number, name, created_at, updated_at, version) \
             SELECT {id}, '{pid}', '5' || (i + 1000), 'Stichting Groot ' || (i + 1), {t}, {t}, 1 FROM {n}",
            id = q.id(BOARD, "i"),
            t = ts(q),
            n = q.numbers(from, to)
        )
    })?;
    s.run("schools", spec.schools, |q, from, to| {
        format!(
            "INSERT INTO schools (id, partnership_id, school_board_id, brin_code, name, school_type, created_at, updated_at, version) \
             SELECT {id}, '{pid}', {board}, 'G' || i, 'Basisschool ' || (i + 1), \
             CASE WHEN i % 25 = 0 THEN 'sbo' WHEN i % 50 = 1 THEN 'so' ELSE 'regular' END, {t}, {t}, 1 FROM {n}",
            id = q.id(SCHOOL, "i"),
            board = q.id(BOARD, "i / 20"),
            t = ts(q),
            n = q.numbers(from, to)
        )
    })?;
    s.run("executors", LargeSeed::EXECUTORS, |q, from, to| {
        format!(
            "INSERT INTO executors (id, partnership_id, name, created_at, updated_at, version) \
             SELECT {id}, '{pid}', 'Expertiseteam ' || (i + 1), {t}, {t}, 1 FROM {n}",
            id = q.id(EXECUTOR, "i"),
            t = ts(q),
            n = q.numbers(from, to)
        )
    })?;
    let users = [
        ("school", "ib", 0, spec.schools),
        ("consultant", "consulent", 100_000, spec.consultants()),
        ("executor", "uitvoerder", 200_000, LargeSeed::EXECUTORS),
        ("swv_admin", "swv", 300_000, 1),
        ("parent", "ouder", 1_000_000, spec.parents()),
    ];
    for (role, local, offset, count) in users {
        s.run(&format!("users ({role})"), count, |q, from, to| {
            let school = if role == "school" { q.id(SCHOOL, "i") } else { "NULL".to_owned() };
            let executor = if role == "executor" { q.id(EXECUTOR, "i") } else { "NULL".to_owned() };
            format!(
                "INSERT INTO users (id, partnership_id, email, display_name, role, password_hash, school_id, executor_id, active, created_at, updated_at, version) \
                 SELECT {id}, '{pid}', '{local}' || (i + 1) || '@{DOMAIN}', '{local} ' || (i + 1), '{role}', \
                 '{password_hash}', {school}, {executor}, TRUE, {t}, {t}, 1 FROM {n}",
                id = q.id(USER, &format!("i + {offset}")),
                t = ts(q),
                n = q.numbers(from, to)
            )
        })?;
    }
    s.run("consultant_assignments", spec.schools, |q, from, to| {
        format!(
            "INSERT INTO consultant_assignments (consultant_id, school_id, created_at) SELECT {c}, {school}, {t} FROM {n}",
            c = q.id(USER, &format!("100000 + i % {}", spec.consultants())),
            school = q.id(SCHOOL, "i"),
            t = ts(q),
            n = q.numbers(from, to)
        )
    })
}

pub(super) fn pupils(s: &mut Seeder<'_>) -> Result<(), SeedError> {
    let (pid, spec) = (s.pid.clone(), s.spec);
    s.run("pupils", spec.pupils, |q, from, to| {
        format!(
            "INSERT INTO pupils (id, partnership_id, school_id, first_name, last_name, date_of_birth, group_name, created_at, updated_at, version) \
             SELECT {id}, '{pid}', {school}, {first}, {last}, {dob}, 'groep ' || (3 + {grp}), {t}, {t}, 1 FROM {n}",
            id = q.id(PUPIL, "i"),
            school = q.id(SCHOOL, &format!("i % {}", spec.schools)),
            first = pick(FIRST, &hash(1, FIRST.len() as u64)),
            last = pick(LAST, &hash(2, LAST.len() as u64)),
            dob = q.date("2012-01-01", &hash(3, 2900)),
            grp = hash(4, 6),
            t = q.at("0", "0"),
            n = q.numbers(from, to)
        )
    })?;
    s.run("guardianships", spec.parents(), |q, from, to| {
        format!(
            "INSERT INTO guardianships (pupil_id, parent_id, created_at) SELECT {pupil}, {parent}, {t} FROM {n}",
            pupil = q.id(PUPIL, &format!("(i * 20) % {}", spec.pupils)),
            parent = q.id(USER, "1000000 + i"),
            t = q.at("0", "0"),
            n = q.numbers(from, to)
        )
    })
}

/// The pupil (number) of arrangement `i`: one of its school's pupils; `second` for clusters.
fn pupil_of(spec: LargeSeed, second: bool) -> String {
    let (s, per) = (spec.schools, spec.per_school());
    let offset = u64::from(second);
    format!("((((i / {s}) + {offset}) % {per}) * {s} + i % {s})")
}

pub(super) fn arrangements(s: &mut Seeder<'_>) -> Result<(), SeedError> {
    let (pid, spec) = (s.pid.clone(), s.spec);
    // created in time order over two school years; a later change a few days after
    let days = format!("(i * 700 / {})", spec.arrangements);
    let kind = buckets(&hash(11, 100), &[(70, "individual"), (20, "cluster"), (10, "integral")]);
    let status = buckets(&hash(12, 100), STATUSES);
    s.run("arrangements", spec.arrangements, |q, from, to| {
        format!(
            "INSERT INTO arrangements (id, partnership_id, school_id, kind, status, title, start_route, care_scope, \
             goals_pupils, goals_teacher, goals_school, support_description, direct_minutes_per_week, \
             indirect_minutes_per_week, outside_class_minutes_per_week, weeks, start_date, end_date, executor_kind, \
             executor_id, hourly_rate_cents, case_director, consultant_id, policy_version, created_by, \
             terminated_on, created_at, updated_at, version, pupil_count) \
             SELECT {id}, '{pid}', {school}, k, st, 'Ondersteuning ' || (i + 1), 'direct_start', \
             CASE WHEN k = 'integral' THEN 'education_plus_care' ELSE 'education_only' END, \
             'Leesvaardigheid en werkhouding verbeteren', 'Handelingsbekwaamheid bij lezen', 'Aanpak in de groep', \
             'Begeleiding buiten de groep door een specialist', 60 + {minutes} * 15, 15, 30, 20, {start}, {end}, 'external', \
             {executor}, 6500, CASE WHEN k = 'integral' THEN 'Regievoerder ' || (i % 50) ELSE NULL END, {consultant}, \
             CASE WHEN st = 'draft' THEN NULL ELSE 1 END, {creator}, \
             CASE WHEN st = 'terminated' THEN {stopped} ELSE NULL END, {created}, {updated}, 1, \
             CASE WHEN k = 'cluster' THEN 2 ELSE 1 END \
             FROM (SELECT i, {kind} AS k, {status} AS st FROM {n}) AS a",
            id = q.id(ARRANGEMENT, "i"),
            school = q.id(SCHOOL, &format!("i % {}", spec.schools)),
            minutes = hash(13, 5),
            start = q.date("2024-09-01", &days),
            end = q.date("2024-09-01", &format!("{days} + 140")),
            stopped = q.date("2024-09-01", &format!("{days} + 60")),
            executor = q.id(EXECUTOR, &format!("i % {}", LargeSeed::EXECUTORS)),
            consultant = q.id(USER, &format!("100000 + (i % {}) % {}", spec.schools, spec.consultants())),
            creator = q.id(USER, &format!("i % {}", spec.schools)),
            created = q.at(&days, &hash(14, 86_400)),
            updated = q.at(&format!("{days} + {}", hash(15, 10)), &hash(16, 86_400)),
            n = q.numbers(from, to)
        )
    })?;
    s.run("arrangement_pupils", spec.arrangements, |q, from, to| {
        let one = pupil_of(spec, false);
        let two = pupil_of(spec, true);
        format!(
            "INSERT INTO arrangement_pupils (arrangement_id, pupil_id) \
             SELECT {a}, {p1} FROM {n} UNION ALL \
             SELECT {a}, {p2} FROM {n} WHERE {kind} = 'cluster'",
            a = q.id(ARRANGEMENT, "i"),
            p1 = q.id(PUPIL, &one),
            p2 = q.id(PUPIL, &two),
            kind = kind,
            n = q.numbers(from, to)
        )
    })
}

pub(super) fn audit_events(s: &mut Seeder<'_>) -> Result<(), SeedError> {
    let (pid, spec) = (s.pid.clone(), s.spec);
    if spec.audit_events == 0 {
        return Ok(());
    }
    // reads of dossiers by the school's staff, in time order over two years
    s.run("audit_events", spec.audit_events, |q, from, to| {
        let a = format!("((i * 7919) % {})", spec.arrangements);
        let pupil = pupil_of(spec, false).replace('i', &a);
        format!(
            "INSERT INTO audit_events (id, partnership_id, actor_id, actor_role, action, object_type, object_id, pupil_id, client_address, created_at) \
             SELECT {id}, '{pid}', {actor}, 'school', 'read', 'arrangement', {object}, {pupil}, '127.0.0.1', {at} FROM {n}",
            id = q.id(AUDIT, "i"),
            actor = q.id(USER, &format!("{a} % {}", spec.schools)),
            object = q.id(ARRANGEMENT, &a),
            pupil = q.id(PUPIL, &pupil),
            at = q.at(&format!("(i * 730 / {})", spec.audit_events), &format!("(i * 86400 * 730 / {}) % 86400", spec.audit_events)),
            n = q.numbers(from, to)
        )
    })
}
