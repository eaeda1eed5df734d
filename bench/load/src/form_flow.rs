//! Filing a bulky-waste pick-up one request at a time, as a citizen without JavaScript
//! does: start, each step's page and answers, the review, the submission; then again.

use reqwest::{Client, Method, StatusCode};

/// Where a citizen is in the form.
#[derive(Debug, Default)]
pub struct FormFlow {
    position: usize,
    draft: String,
    /// The page the last answer led to.
    next: String,
    /// Submissions confirmed with a receipt.
    pub filed: u64,
}

/// The next request of the flow: name, method, path, form fields.
type Request = (&'static str, Method, String, Vec<(&'static str, String)>);

impl FormFlow {
    fn request(&self) -> Request {
        // A pick-up ten days ahead, as the form's date picker would send it.
        let date = (chrono::Utc::now().date_naive() + chrono::Duration::days(10))
            .format("%Y-%m-%d")
            .to_string();
        match self.position {
            0 => (
                "form: start",
                Method::POST,
                "/leistungen/sperrmuell-abholung/antrag".into(),
                Vec::new(),
            ),
            1 | 3 | 5 => (
                "form: step page",
                Method::GET,
                self.next.clone(),
                Vec::new(),
            ),
            2 => (
                "form: step answers",
                Method::POST,
                self.next.clone(),
                vec![
                    ("kinds", "furniture".into()),
                    ("description", "1 Sofa, 2 Stühle".into()),
                    ("volume", "2".into()),
                ],
            ),
            4 => (
                "form: step answers",
                Method::POST,
                self.next.clone(),
                vec![
                    ("address.street", "Marienplatz".into()),
                    ("address.house_number", "8".into()),
                    ("address.postcode", "80331".into()),
                    ("address.city", "München".into()),
                    ("date", date),
                ],
            ),
            _ => (
                "form: submission",
                Method::POST,
                format!("/antraege/{}/absenden", self.draft),
                Vec::new(),
            ),
        }
    }

    /// Sends the next request with `client`; returns its name and an error, if any.
    /// A failed step starts the form again.
    pub async fn step(&mut self, client: &Client, base: &str) -> (&'static str, Option<String>) {
        let (name, method, path, fields) = self.request();
        let posting = method == Method::POST;
        let mut request = client.request(method, format!("{base}{path}"));
        if posting {
            request = request.form(&fields);
        }
        let outcome = match request.send().await {
            Ok(response) => {
                let status = response.status();
                let location = response
                    .headers()
                    .get("location")
                    .and_then(|l| l.to_str().ok())
                    .map(str::to_owned);
                let _ = response.bytes().await;
                match (posting, status, location) {
                    (true, StatusCode::SEE_OTHER, Some(location)) if self.leads_on(&location) => {
                        Ok(Some(location))
                    }
                    (true, StatusCode::SEE_OTHER, Some(location)) => {
                        Err(format!("{path}: led to {location}"))
                    }
                    (false, StatusCode::OK, _) => Ok(None),
                    (_, status, _) => Err(format!("{path}: status {status}")),
                }
            }
            Err(e) => Err(format!("{path}: {e}")),
        };
        match outcome {
            Ok(location) => {
                self.advance(location);
                (name, None)
            }
            Err(error) => {
                self.position = 0;
                (name, Some(error))
            }
        }
    }

    /// Whether a post's answer leads where the form goes next: a step answered with
    /// errors leads back to itself (`#fehler`).
    fn leads_on(&self, location: &str) -> bool {
        match self.position {
            0 => location.starts_with("/antraege/"),
            2 => location.ends_with("/pickup"),
            4 => location.ends_with("/pruefen"),
            _ => location.contains("/eingang/"),
        }
    }

    fn advance(&mut self, location: Option<String>) {
        if let Some(location) = location {
            if self.position == 0 {
                self.draft = location.split('/').nth(2).unwrap_or_default().to_owned();
                // A draft left from before resumes where it stood.
                if location.ends_with("/pickup") {
                    self.position = 2;
                } else if location.ends_with("/pruefen") {
                    self.position = 4;
                }
            }
            self.next = location;
        }
        self.position += 1;
        if self.position > 6 {
            self.filed += 1;
            self.position = 0;
        }
    }
}
