//! A real headless Chromium driven over WebDriver (chromedriver + fantoccini).

use std::net::TcpListener;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;

/// A browser session; chromedriver is stopped when this is dropped.
pub struct Browser {
    pub client: Client,
    driver: Child,
    _profile: tempfile::TempDir,
}

/// Flags that keep Chromium from hanging on background connections in a closed network.
const CHROMIUM_FLAGS: &[&str] = &[
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--window-size=1280,900",
];

impl Browser {
    /// Starts chromedriver on a free port and opens a fresh browser profile.
    pub async fn start() -> Browser {
        let chromium = std::env::var("CHROME_BIN").unwrap_or_else(|_| "/usr/bin/chromium".into());
        let port = free_port();
        let driver = Command::new("chromedriver")
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver must be installed (`cargo xtask setup` installs it)");
        let webdriver = format!("http://127.0.0.1:{port}");
        wait_until_up(&format!("{webdriver}/status")).await;

        let profile = tempfile::tempdir().expect("browser profile directory");
        let mut args: Vec<String> = CHROMIUM_FLAGS.iter().map(|s| (*s).to_owned()).collect();
        args.push(format!("--user-data-dir={}", profile.path().display()));
        let capabilities = serde_json::json!({
            "browserName": "chrome",
            "goog:chromeOptions": { "binary": chromium, "args": args }
        });
        let serde_json::Value::Object(capabilities) = capabilities else { unreachable!("object literal") };
        let client = ClientBuilder::new(HttpConnector::new())
            .capabilities(capabilities)
            .connect(&webdriver)
            .await
            .expect("a WebDriver session in headless Chromium");
        Browser { client, driver, _profile: profile }
    }

    /// Waits until the element matching `css` contains `text`; returns its full text.
    pub async fn wait_for_text(&self, css: &str, text: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(20);
        let mut last = String::new();
        while Instant::now() < deadline {
            if let Ok(element) = self.client.find(Locator::Css(css)).await
                && let Ok(current) = element.text().await
            {
                if current.contains(text) {
                    return current;
                }
                last = current;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("`{css}` never contained {text:?}; last text: {last:?}");
    }

    /// Types into the field matching `css`.
    pub async fn fill(&self, css: &str, value: &str) {
        let field = self.client.wait().for_element(Locator::Css(css)).await.expect("field present");
        field.send_keys(value).await.expect("typing");
    }

    /// Chooses `value` in the select matching `css` (fires `change` like a user would).
    pub async fn choose(&self, css: &str, value: &str) {
        let select = self.client.wait().for_element(Locator::Css(css)).await.expect("select present");
        select.select_by_value(value).await.expect("choose option");
    }

    /// Replaces the value of the field matching `css` with one `input` event: for date fields
    /// (typing into `<input type=date>` depends on the browser's locale) and corrections.
    pub async fn set_value(&self, css: &str, value: &str) {
        self.client.wait().for_element(Locator::Css(css)).await.expect("field present");
        let script = "const e = document.querySelector(arguments[0]); e.value = arguments[1]; \
                      e.dispatchEvent(new Event('input', { bubbles: true }));";
        self.client.execute(script, vec![css.into(), value.into()]).await.expect("set value");
    }

    /// Fills the proposal form of a new dossier (pupils and kind-specific fields aside): an
    /// internal teacher (LB), 2 + 0,5 hours a week for 20 weeks at € 55, January–June 2027.
    pub async fn fill_proposal(&self, title: &str) {
        self.fill("#title", title).await;
        self.fill("#goals-pupils", "Technisch lezen: van AVI E3 naar AVI M4.").await;
        self.fill("#support-description", "Begeleiding in een groepje buiten de klas.").await;
        self.fill("#direct-hours", "2").await;
        self.fill("#indirect-hours", "0,5").await;
        self.fill("#outside-hours", "1").await;
        self.fill("#weeks", "20").await;
        self.set_value("#start-date", "2027-01-04").await;
        self.set_value("#end-date", "2027-06-25").await;
        self.choose("#executor-kind", "internal").await;
        self.choose("#staff-function", "teacher").await;
        self.choose("#salary-scale", "lb").await;
        self.fill("#hourly-rate", "55").await;
    }

    pub async fn click(&self, css: &str) {
        let element = self.client.wait().for_element(Locator::Css(css)).await.expect("element present");
        element.click().await.expect("click");
    }

    /// Ends the WebDriver session; dropping then stops chromedriver.
    pub async fn close(self) {
        let _ = self.client.clone().close().await;
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).map(|a| a.port()).expect("a free port")
}

async fn wait_until_up(url: &str) {
    let client = reqwest::Client::new();
    let deadline = Instant::now() + Duration::from_secs(15);
    while Instant::now() < deadline {
        if client.get(url).send().await.is_ok_and(|r| r.status().is_success()) {
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("chromedriver did not come up at {url}");
}

/// Logs in through the login page as the demo account of `role` in `partnership`, forgetting
/// any session of this tab first; returns once the start page greets the user.
pub async fn log_in_as(
    browser: &Browser,
    app: &crate::TestApp,
    role: arrangeer_shared::Role,
    partnership: &str,
) {
    let account = crate::demo_account(role, partnership);
    // on a page of the same origin where the app does not run (it could store its session again)
    browser.client.goto(&app.url("/health")).await.expect("open a page without the app");
    browser.client.execute("sessionStorage.clear();", vec![]).await.expect("forget the session");
    browser.client.goto(&app.url("/inloggen")).await.expect("open the login page");
    browser.wait_for_text("h1", "Inloggen").await;
    browser.fill("#email", &account.email).await;
    browser.fill("#password", arrangeer_api::services::demo::DEMO_PASSWORD).await;
    browser.click("#login-submit").await;
    browser.wait_for_text("h1", "Welkom").await;
}
