//! The accessibility check: axe-core (npm, `web/node_modules/axe-core`, installed by
//! `cargo xtask setup`) injected into the page in headless Chromium, run against the WCAG 2.0/2.1
//! A and AA rules plus axe's best practices (heading order, landmarks), and every violation
//! printed with its rule, impact and the elements it concerns.

use std::path::PathBuf;
use std::sync::OnceLock;

use fantoccini::Client;
use serde::Deserialize;

/// The rule sets run: WCAG 2.1 level AA (which includes 2.0 A/AA and 2.1 A) and best practices.
pub const AXE_TAGS: &[&str] = &["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"];

#[derive(Debug, Deserialize)]
pub struct Violation {
    pub id: String,
    pub impact: Option<String>,
    pub help: String,
    #[serde(rename = "helpUrl")]
    pub help_url: String,
    pub nodes: Vec<ViolationNode>,
}

#[derive(Debug, Deserialize)]
pub struct ViolationNode {
    pub target: Vec<serde_json::Value>,
    pub html: String,
    #[serde(rename = "failureSummary")]
    pub failure_summary: Option<String>,
}

fn axe_path() -> PathBuf {
    crate::in_workspace("web/node_modules/axe-core/axe.min.js")
}

fn axe_source() -> &'static str {
    static SOURCE: OnceLock<String> = OnceLock::new();
    SOURCE.get_or_init(|| {
        std::fs::read_to_string(axe_path()).unwrap_or_else(|e| {
            panic!("axe-core is not installed at {} ({e}): run `cargo xtask setup`", axe_path().display())
        })
    })
}

/// Runs axe-core on the current page and returns its violations.
pub async fn axe_violations(client: &Client) -> Vec<Violation> {
    let present = client.execute("return typeof window.axe", vec![]).await.expect("script");
    if present.as_str() != Some("object") {
        client.execute(axe_source(), vec![]).await.expect("inject axe-core");
    }
    let script = "const done = arguments[arguments.length - 1];\n\
        axe.run(document, { runOnly: { type: 'tag', values: arguments[0] }, resultTypes: ['violations'] })\n\
           .then(r => done(JSON.stringify(r.violations)))\n\
           .catch(e => done(JSON.stringify({ error: String(e) })));";
    let tags = serde_json::to_value(AXE_TAGS).expect("tags");
    let answer = client.execute_async(script, vec![tags]).await.expect("run axe-core");
    let text = answer.as_str().expect("axe answers with JSON text");
    serde_json::from_str(text).unwrap_or_else(|e| panic!("axe-core failed: {e}: {text}"))
}

/// One line per violation and per element, for the test log.
pub fn describe(page_name: &str, violations: &[Violation]) -> String {
    let mut out = format!("{page_name}: {} axe-core violation(s)\n", violations.len());
    for v in violations {
        out.push_str(&format!(
            "- {} [{}] {} ({})\n",
            v.id,
            v.impact.as_deref().unwrap_or("?"),
            v.help,
            v.help_url
        ));
        for node in &v.nodes {
            let target: Vec<String> =
                node.target.iter().map(|t| t.as_str().map_or_else(|| t.to_string(), str::to_owned)).collect();
            out.push_str(&format!("    at {}: {}\n", target.join(" "), node.html));
            if let Some(summary) = &node.failure_summary {
                out.push_str(&format!("      {}\n", summary.replace('\n', "\n      ")));
            }
        }
    }
    out
}

/// Fails the test when axe-core finds any violation on the current page, printing them all.
pub async fn assert_no_axe_violations(client: &Client, page_name: &str) {
    let violations = axe_violations(client).await;
    println!("{}", describe(page_name, &violations));
    assert!(violations.is_empty(), "{}", describe(page_name, &violations));
}
