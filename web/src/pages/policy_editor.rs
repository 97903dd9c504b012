//! The SWV office edits the numbers of its partnership's rules. Every save is a new version
//! (`PUT /partnerships/{id}/policy` with `If-Match`); the server's validation errors appear at
//! the fields they concern.

use std::collections::BTreeMap;

use arrangeer_shared::Role;
use arrangeer_shared::api::policy::PolicyResponse;
use arrangeer_shared::api::problem::FieldError;
use arrangeer_shared::kinds::ArrangementKind;
use arrangeer_shared::money::{Cents, Minutes, PaymentScheme};
use arrangeer_shared::policy::{Policy, RuleSet};
use yew::prelude::*;

use crate::hooks::{use_effect_on, use_value};
use yew_router::prelude::*;

use crate::api::ClientError;
use crate::app::Route;
use crate::components::fields::{ErrorSummaryProps, SummaryItem, TextFieldProps, error_summary, text_field};
use crate::components::{error_message, expire_on_401, focus_by_id, use_focus_main_heading};
use crate::format;
use crate::i18n::{Lang, R, T, t};
use crate::session::use_app;

/// How a number is typed.
#[derive(Clone, Copy)]
enum Unit {
    /// Minutes, typed as hours ("2,5").
    Hours,
    /// Cents, typed as euros ("100,00").
    Euros,
    /// A whole number (pupils, percent, months).
    Whole,
}

/// One editable number of a rule set: its JSON path below the rule set, label and unit.
struct NumberRule {
    key: &'static str,
    label: R,
    unit: Unit,
    get: fn(&RuleSet) -> Option<i64>,
    set: fn(&mut RuleSet, i64),
}

fn small(v: i64) -> u32 {
    u32::try_from(v).unwrap_or(u32::MAX)
}

const RULES: &[NumberRule] = &[
    NumberRule {
        key: "maxMinutesPerWeek",
        label: R::PolicyMaxHours,
        unit: Unit::Hours,
        get: |r| r.max_minutes_per_week.map(|l| i64::from(l.minutes)),
        set: |r, v| {
            if let Some(l) = r.max_minutes_per_week.as_mut() {
                l.minutes = small(v);
            }
        },
    },
    NumberRule {
        key: "hourlyRateCapCents",
        label: R::PolicyHourlyRateCap,
        unit: Unit::Euros,
        get: |r| r.hourly_rate_cap_cents.map(|l| l.cents),
        set: |r, v| {
            if let Some(l) = r.hourly_rate_cap_cents.as_mut() {
                l.cents = v;
            }
        },
    },
    NumberRule {
        key: "amountCapCents.regular",
        label: R::PolicyAmountCapRegular,
        unit: Unit::Euros,
        get: |r| r.amount_cap_cents.and_then(|c| c.regular),
        set: |r, v| {
            if let Some(c) = r.amount_cap_cents.as_mut() {
                c.regular = Some(v);
            }
        },
    },
    NumberRule {
        key: "amountCapCents.sbo",
        label: R::PolicyAmountCapSbo,
        unit: Unit::Euros,
        get: |r| r.amount_cap_cents.and_then(|c| c.sbo),
        set: |r, v| {
            if let Some(c) = r.amount_cap_cents.as_mut() {
                c.sbo = Some(v);
            }
        },
    },
    NumberRule {
        key: "minPupils",
        label: R::PolicyMinPupils,
        unit: Unit::Whole,
        get: |r| r.min_pupils.map(|l| i64::from(l.count)),
        set: |r, v| {
            if let Some(l) = r.min_pupils.as_mut() {
                l.count = small(v);
            }
        },
    },
    NumberRule {
        key: "maxIndirectPercentOfDirect",
        label: R::PolicyIndirectPercent,
        unit: Unit::Whole,
        get: |r| r.max_indirect_percent_of_direct.map(|l| i64::from(l.percent)),
        set: |r, v| {
            if let Some(l) = r.max_indirect_percent_of_direct.as_mut() {
                l.percent = small(v);
            }
        },
    },
    NumberRule {
        key: "minSchoolSharePercent",
        label: R::PolicySchoolSharePercent,
        unit: Unit::Whole,
        get: |r| r.min_school_share_percent.map(|l| i64::from(l.percent)),
        set: |r, v| {
            if let Some(l) = r.min_school_share_percent.as_mut() {
                l.percent = small(v);
            }
        },
    },
    NumberRule {
        key: "maxMonthsFromGrant",
        label: R::PolicyMaxMonths,
        unit: Unit::Whole,
        get: |r| r.max_months_from_grant.map(|l| i64::from(l.months)),
        set: |r, v| {
            if let Some(l) = r.max_months_from_grant.as_mut() {
                l.months = small(v);
            }
        },
    },
    NumberRule {
        key: "payment.advancePercent",
        label: R::PolicyAdvancePercent,
        unit: Unit::Whole,
        get: |r| match r.payment {
            Some(PaymentScheme::AdvanceAndSettlement { advance_percent }) => Some(i64::from(advance_percent)),
            _ => None,
        },
        set: |r, v| {
            if let Some(PaymentScheme::AdvanceAndSettlement { advance_percent }) = r.payment.as_mut() {
                *advance_percent = u8::try_from(v).unwrap_or(u8::MAX);
            }
        },
    },
];

fn set_name(kind: ArrangementKind) -> &'static str {
    kind.as_str()
}

fn rule_set_mut(policy: &mut Policy, kind: ArrangementKind) -> Option<&mut RuleSet> {
    match kind {
        ArrangementKind::Individual => policy.individual.as_mut(),
        ArrangementKind::Cluster => policy.cluster.as_mut(),
        ArrangementKind::Integral => policy.integral.as_mut(),
    }
}

/// The server's name of a number (`individual.maxMinutesPerWeek`) and its form field id.
fn server_field(kind: ArrangementKind, rule: &NumberRule) -> String {
    format!("{}.{}", set_name(kind), rule.key)
}

fn field_id(kind: ArrangementKind, rule: &NumberRule) -> String {
    format!("policy-{}-{}", set_name(kind), rule.key.replace('.', "-"))
}

fn show(unit: Unit, v: i64) -> String {
    match unit {
        Unit::Hours => format::hours_input(small(v)),
        Unit::Euros => format::euros_input(v),
        Unit::Whole => v.to_string(),
    }
}

fn read(unit: Unit, raw: &str) -> Option<i64> {
    let raw = raw.trim();
    match unit {
        Unit::Hours => Minutes::parse_hours(raw).ok().map(|m| i64::from(m.0)),
        Unit::Euros => Cents::parse_euros(raw).ok().map(|c| c.0),
        Unit::Whole => raw.parse::<u32>().ok().map(i64::from),
    }
}

/// The typed text of every number, by server field name.
fn texts_of(policy: &Policy) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for kind in ArrangementKind::ALL.iter().copied() {
        let Some(rules) = policy.rule_set(kind) else { continue };
        for rule in RULES {
            if let Some(v) = (rule.get)(rules) {
                out.insert(server_field(kind, rule), show(rule.unit, v));
            }
        }
    }
    out
}

/// The policy with the typed numbers, or the fields that do not read as numbers.
fn apply(policy: &Policy, texts: &BTreeMap<String, String>) -> Result<Policy, Vec<FieldError>> {
    let mut next = policy.clone();
    let mut errors = Vec::new();
    for kind in ArrangementKind::ALL.iter().copied() {
        let Some(rules) = rule_set_mut(&mut next, kind) else { continue };
        for rule in RULES {
            let field = server_field(kind, rule);
            let Some(text) = texts.get(&field) else { continue };
            match read(rule.unit, text) {
                Some(v) => (rule.set)(rules, v),
                None => errors.push(FieldError::new(field, "invalid_number", "not a number")),
            }
        }
    }
    if errors.is_empty() { Ok(next) } else { Err(errors) }
}

#[derive(Clone, PartialEq)]
enum Notice {
    None,
    Saved(i32),
    Stale,
    Failed(ClientError),
}

#[component]
pub fn PolicyEditorPage() -> Html {
    let app = use_app();
    let lang = app.lang;
    use_focus_main_heading();
    let loaded = use_value(|| None::<Result<PolicyResponse, ClientError>>);
    let texts = use_value(BTreeMap::<String, String>::new);
    let errors = use_value(Vec::<FieldError>::new);
    let notice = use_value(|| Notice::None);
    let busy = use_value(|| false);
    let reload = use_value(|| 0u32);
    let session = app.session.clone();

    {
        let (app, loaded, texts, session) = (app.clone(), loaded.clone(), texts.clone(), session.clone());
        use_effect_on(*reload, move |_| {
            if let Some(session) = session {
                crate::spawn(async move {
                    let result =
                        crate::api::rules::get_policy(&session.token, session.user.partnership.id).await;
                    match &result {
                        Ok(p) => texts.set(texts_of(&p.policy)),
                        Err(err) => expire_on_401(&app, err),
                    }
                    loaded.set(Some(result));
                });
            }
        });
    }
    use_effect_on((*errors).clone(), |errors| {
        if !errors.is_empty() {
            focus_by_id("error-summary");
        }
    });

    let Some(session) = &app.session else {
        return html! { <Redirect<Route> to={Route::Login} /> };
    };
    if session.user.role != Role::SwvAdmin {
        return html! {
            <article class="card"><h1 id="main-heading" tabindex="-1">{ t(lang, R::PolicyTitle) }</h1>
                <p>{ t(lang, R::OnlyAdmin) }</p></article>
        };
    }
    let current = match &*loaded {
        None => {
            return page(
                lang,
                html! { { crate::components::feedback::loading(&yew::props!(crate::components::feedback::LoadingProps { lang: lang })) } },
            );
        }
        Some(Err(err)) => {
            return page(lang, html! { <p class="error-box" role="alert">{ error_message(lang, err) }</p> });
        }
        Some(Ok(p)) => p.clone(),
    };

    let onsubmit = {
        let (app, texts, errors, notice, busy, loaded, reload) = (
            app.clone(),
            texts.clone(),
            errors.clone(),
            notice.clone(),
            busy.clone(),
            loaded.clone(),
            reload.clone(),
        );
        let (token, current) = (session.token.clone(), current.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if *busy {
                return;
            }
            let next = match apply(&current.policy, &texts) {
                Ok(next) => next,
                Err(local) => return errors.set(local),
            };
            errors.set(Vec::new());
            busy.set(true);
            let (app, errors, notice, busy, loaded, reload, token, current) = (
                app.clone(),
                errors.clone(),
                notice.clone(),
                busy.clone(),
                loaded.clone(),
                reload.clone(),
                token.clone(),
                current.clone(),
            );
            crate::spawn(async move {
                let result =
                    crate::api::rules::replace_policy(&token, current.partnership_id, current.version, &next)
                        .await;
                busy.set(false);
                match result {
                    Ok(saved) => {
                        notice.set(Notice::Saved(saved.version));
                        loaded.set(Some(Ok(saved)));
                    }
                    Err(err) if err.status() == Some(412) => {
                        notice.set(Notice::Stale);
                        reload.set(*reload + 1);
                    }
                    Err(err) if !err.field_errors().is_empty() => {
                        notice.set(Notice::None);
                        errors.set(err.field_errors().to_vec());
                    }
                    Err(err) => {
                        expire_on_401(&app, &err);
                        notice.set(Notice::Failed(err));
                    }
                }
            });
        })
    };

    let error_at = |field: &str| -> Option<AttrValue> {
        errors.iter().find(|e| e.field.starts_with(field)).map(|e| {
            AttrValue::from(if e.code == "invalid_number" {
                t(lang, R::PolicyInvalidNumber).to_owned()
            } else {
                e.message.clone()
            })
        })
    };
    let summary: Vec<SummaryItem> = errors
        .iter()
        .map(|e| {
            let target = ArrangementKind::ALL.iter().copied().find_map(|kind| {
                RULES.iter().find(|r| e.field.starts_with(&server_field(kind, r))).map(|r| field_id(kind, r))
            });
            let message = if e.code == "invalid_number" {
                t(lang, R::PolicyInvalidNumber).to_owned()
            } else {
                e.message.clone()
            };
            SummaryItem { target, message: format!("{}: {message}", e.field) }
        })
        .collect();

    let sets = ArrangementKind::ALL.iter().copied().filter_map(|kind| {
        let rules = current.policy.rule_set(kind)?;
        let fields: Vec<Html> = RULES
            .iter()
            .filter(|rule| (rule.get)(rules).is_some())
            .map(|rule| {
                let field = server_field(kind, rule);
                let value = texts.get(&field).cloned().unwrap_or_default();
                let oninput = {
                    let (texts, field) = (texts.clone(), field.clone());
                    Callback::from(move |v: String| {
                        let mut next = (*texts).clone();
                        next.insert(field.clone(), v);
                        texts.set(next);
                    })
                };
                html! {
                    { text_field(&yew::props!(TextFieldProps { id: field_id(kind, rule), label: t(lang, rule.label), value: value, inputmode: AttrValue::Static(match rule.unit { Unit::Whole => "numeric", _ => "decimal" }), oninput: oninput, error: error_at(&field), class: "short" })) }
                }
            })
            .collect();
        (!fields.is_empty()).then(|| {
            html! {
                <fieldset id={format!("policy-{}", set_name(kind))}>
                    <legend>{ t(lang, R::PolicyRuleSet) }{ " " }{ t(lang, T::Kind(kind)).to_lowercase() }</legend>
                    { for fields }
                </fieldset>
            }
        })
    });

    page(
        lang,
        html! {
            <>
                <p>{ t(lang, R::PolicyIntro) }</p>
                <p>{ t(lang, R::PolicyVersion) }{ ": " }<strong id="policy-version">{ current.version }</strong></p>
                { match &*notice {
                    Notice::None => Html::default(),
                    Notice::Saved(v) => html! {
                        <p class="notice success" role="status" id="policy-saved">
                            { t(lang, R::PolicySaved) }{ format!(" {v}.") }</p>
                    },
                    Notice::Stale => html! {
                        <p class="error-box" role="alert" id="policy-stale">{ t(lang, R::PolicyStale) }</p>
                    },
                    Notice::Failed(err) => html! {
                        <p class="error-box" role="alert">{ error_message(lang, err) }</p>
                    },
                } }
                <form id="policy-form" class="stacked" {onsubmit} novalidate=true>
                    { error_summary(&yew::props!(ErrorSummaryProps { title: t(lang, R::PolicyErrors), items: summary })) }
                    { for sets }
                    <div class="form-actions">
                        <button type="submit" class="button primary" id="policy-save" disabled={*busy}>
                            { t(lang, R::PolicySave) }
                        </button>
                    </div>
                </form>
            </>
        },
    )
}

fn page(lang: Lang, body: Html) -> Html {
    html! {
        <article class="card wide">
            <h1 id="main-heading" tabindex="-1">{ t(lang, R::PolicyTitle) }</h1>
            { body }
        </article>
    }
}
