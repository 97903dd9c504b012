//! Demo data: the three seed partnerships, each with boards, schools, an executor
//! organisation and one account per role. Loaded only in demo mode, only into an empty
//! database, in one transaction.

use arrangeer_shared::Role;
use arrangeer_shared::policy::presets;
use diesel::Connection;

use super::ServiceError;
use crate::auth::password;
use crate::db::organisations::{self, ExecutorRow, PartnershipRow, SchoolBoardRow, SchoolRow};
use crate::db::policies::{self, PolicyRow};
use crate::db::users::{self, UserInsert};
use crate::db::{Db, DbError, new_id, now};

/// The password of every demo account. Printed at start-up; demo mode only.
pub const DEMO_PASSWORD: &str = "demo-arrangeer";

struct SeedPartnership {
    code: &'static str,
    name: &'static str,
    domain: &'static str,
    boards: &'static [SeedBoard],
    executor: &'static str,
    /// Display names per role: school, consultant, executor, parent, swv_admin.
    people: [&'static str; 5],
}

struct SeedBoard {
    number: &'static str,
    name: &'static str,
    schools: &'static [(&'static str, &'static str, &'static str)],
}

const SEED: &[SeedPartnership] = &[
    SeedPartnership {
        code: "utrecht-po",
        name: "SWV Utrecht PO",
        domain: "utrecht.demo.arrangeer.nl",
        boards: &[
            SeedBoard {
                number: "41001",
                name: "Stichting Stadsscholen Utrecht",
                schools: &[
                    ("90AA", "Basisschool De Regenboog", "regular"),
                    ("90AB", "Montessorischool Lombok", "regular"),
                    ("90AC", "SBO De Wissel", "sbo"),
                ],
            },
            SeedBoard {
                number: "41002",
                name: "Vereniging Protestants-Christelijk Onderwijs Utrecht",
                schools: &[("90AD", "CBS Het Kompas", "regular")],
            },
        ],
        executor: "Expertiseteam Utrecht",
        people: ["Inge de Boer", "Karim El Amrani", "Sanne Visser", "Mohamed Yilmaz", "Petra van Dijk"],
    },
    SeedPartnership {
        code: "liemers-po",
        name: "SWV de Liemers PO",
        domain: "liemers.demo.arrangeer.nl",
        boards: &[SeedBoard {
            number: "42001",
            name: "Stichting Liemers Primair",
            schools: &[
                ("91BA", "Basisschool De Vlinder", "regular"),
                ("91BB", "Basisschool Sint Jozef", "regular"),
            ],
        }],
        executor: "Ambulante Dienst Liemers",
        people: ["Femke Jansen", "Ruud Hendriks", "Lotte Bakker", "Anouk Smit", "Gerrit Willems"],
    },
    SeedPartnership {
        code: "holland-rijnland-po",
        name: "SWV Holland Rijnland PO",
        domain: "hollandrijnland.demo.arrangeer.nl",
        boards: &[SeedBoard {
            number: "43001",
            name: "Stichting Primair Onderwijs Leiden",
            schools: &[("92CA", "Basisschool De Sleutelbloem", "regular"), ("92CB", "SO De Leeuwerik", "so")],
        }],
        executor: "Jeugd & Onderwijs Team Leiden",
        people: ["Noor Vermeulen", "Bram de Vries", "Eva Mulder", "Daan Peters", "Marieke Bos"],
    },
];

/// One demo account, for the start-up banner and the tests.
#[derive(Debug, Clone)]
pub struct DemoLogin {
    pub partnership: &'static str,
    pub role: Role,
    pub name: &'static str,
    pub email: String,
}

/// The demo accounts, whether or not they have been seeded yet.
pub fn demo_logins() -> Vec<DemoLogin> {
    SEED.iter()
        .flat_map(|p| {
            Role::ALL.into_iter().zip(p.people).map(|(role, name)| DemoLogin {
                partnership: p.name,
                role,
                name,
                email: demo_email(role, p.domain),
            })
        })
        .collect()
}

fn demo_email(role: Role, domain: &str) -> String {
    let local = match role {
        Role::School => "ib",
        Role::Consultant => "consulent",
        Role::Executor => "uitvoerder",
        Role::Parent => "ouder",
        Role::SwvAdmin => "swv",
    };
    format!("{local}@{domain}")
}

/// Seeds the demo partnerships when the database has no users yet.
/// Returns whether it seeded anything.
pub fn seed_if_empty(db: &Db) -> Result<bool, ServiceError> {
    let hash = password::hash(DEMO_PASSWORD)?;
    db.run_blocking(move |conn| {
        conn.transaction::<bool, ServiceError, _>(|conn| {
            if users::count(conn)? > 0 {
                return Ok(false);
            }
            let at = now();
            for p in SEED {
                let partnership_id = new_id();
                organisations::insert_partnership(
                    conn,
                    &PartnershipRow {
                        id: partnership_id.clone(),
                        code: p.code.to_owned(),
                        name: p.name.to_owned(),
                        created_at: at,
                        updated_at: at,
                        version: 1,
                    },
                )?;
                if let Some(swv_code) = demo_swv_code(p.code) {
                    crate::db::school_imports::set_swv_code(conn, &partnership_id, swv_code, at)?;
                }
                // the partnership's own rules, from the shipped presets, as version 1
                if let Some((_, _, policy)) = presets().into_iter().find(|(code, _, _)| *code == p.code) {
                    let document = serde_json::to_string(&policy).map_err(|e| DbError::Corrupt {
                        column: "policies.document",
                        value: e.to_string(),
                    })?;
                    policies::insert(
                        conn,
                        &PolicyRow {
                            id: new_id(),
                            partnership_id: partnership_id.clone(),
                            version: 1,
                            document,
                            created_by: None,
                            created_at: at,
                        },
                    )?;
                }
                let mut school_ids = Vec::new();
                for b in p.boards {
                    let board_id = new_id();
                    organisations::insert_school_board(
                        conn,
                        &SchoolBoardRow {
                            id: board_id.clone(),
                            partnership_id: partnership_id.clone(),
                            board_number: b.number.to_owned(),
                            name: b.name.to_owned(),
                            created_at: at,
                            updated_at: at,
                            version: 1,
                        },
                    )?;
                    for (brin, name, kind) in b.schools {
                        let school_id = new_id();
                        organisations::insert_school(
                            conn,
                            &SchoolRow {
                                id: school_id.clone(),
                                partnership_id: partnership_id.clone(),
                                school_board_id: board_id.clone(),
                                brin_code: (*brin).to_owned(),
                                name: (*name).to_owned(),
                                school_type: (*kind).to_owned(),
                                created_at: at,
                                updated_at: at,
                                version: 1,
                            },
                        )?;
                        school_ids.push(school_id);
                    }
                }
                let executor_id = new_id();
                organisations::insert_executor(
                    conn,
                    &ExecutorRow {
                        id: executor_id.clone(),
                        partnership_id: partnership_id.clone(),
                        name: p.executor.to_owned(),
                        created_at: at,
                        updated_at: at,
                        version: 1,
                    },
                )?;
                let mut consultant_id = None;
                for (role, name) in Role::ALL.into_iter().zip(p.people) {
                    let id = new_id();
                    let email = demo_email(role, p.domain);
                    users::insert(
                        conn,
                        &UserInsert {
                            id: &id,
                            partnership_id: &partnership_id,
                            email: &email,
                            display_name: name,
                            role: role.as_str(),
                            password_hash: &hash,
                            // the school user works at the partnership's first school
                            school_id: (role == Role::School).then_some(school_ids[0].as_str()),
                            executor_id: (role == Role::Executor).then_some(executor_id.as_str()),
                            active: true,
                            created_at: at,
                            updated_at: at,
                            version: 1,
                        },
                    )?;
                    if role == Role::Consultant {
                        consultant_id = Some(id);
                    }
                }
                // the consultant's caseload: every school but the last, so scope is visible
                if let Some(consultant) = consultant_id {
                    for school in &school_ids[..school_ids.len().saturating_sub(1).max(1)] {
                        users::assign_consultant(conn, &consultant, school, at)?;
                    }
                }
            }
            Ok(true)
        })
    })
}

/// The demo partnerships' DUO codes (fictional, like their BRIN codes: real codes run from
/// `PO 20-01` to `PO 31-xx`), used by the school import.
pub fn demo_swv_code(partnership_code: &str) -> Option<&'static str> {
    match partnership_code {
        "utrecht-po" => Some("PO 90-01"),
        "liemers-po" => Some("PO 90-02"),
        "holland-rijnland-po" => Some("PO 90-03"),
        _ => None,
    }
}
