//! Announcing new cases to the shared mailbox of the people who process them
//! (`[new_case_mail]` in a process file): one address for the service, and one per
//! team the routing rules name. The mail says only that a request came, its reference
//! and service, and links to the case; caseworkers read it after signing in.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::process_problem::ProcessProblem;

/// Where new cases of a service are announced.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct NewCaseMail {
    /// The mailbox for new cases of no team (or of a team without its own).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<String>,
    /// The mailbox of each team, by the team's name in the routing rules.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub teams: BTreeMap<String, String>,
}

impl NewCaseMail {
    /// The mailbox a new case of `team` is announced to, if any.
    pub fn mailbox(&self, team: Option<&str>) -> Option<&str> {
        team.and_then(|team| self.teams.get(team))
            .or(self.to.as_ref())
            .map(String::as_str)
    }

    /// What is wrong with it, given the teams the routing rules name.
    pub fn problems<'a>(
        &self,
        teams: impl Iterator<Item = &'a str> + Clone,
    ) -> Vec<ProcessProblem> {
        let mut problems = Vec::new();
        let mut check = |path: String, address: &str| {
            if !looks_like_address(address) {
                problems.push(ProcessProblem {
                    path,
                    message: format!("\"{address}\" is not an e-mail address"),
                });
            }
        };
        if let Some(to) = &self.to {
            check("new_case_mail.to".into(), to);
        }
        for (team, address) in &self.teams {
            check(format!("new_case_mail.teams.{team}"), address);
        }
        for team in self.teams.keys() {
            if !teams.clone().any(|known| known == team) {
                problems.push(ProcessProblem {
                    path: format!("new_case_mail.teams.{team}"),
                    message: "no routing rule gives cases to this team".into(),
                });
            }
        }
        problems
    }
}

/// Whether `address` has the shape of an e-mail address (the mail server decides the
/// rest): one `@` between a local part and a domain with a dot, nothing blank.
fn looks_like_address(address: &str) -> bool {
    match address.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !domain.contains('@')
                && address.len() <= 254
                && !address.chars().any(|c| c.is_whitespace() || c.is_control())
        }
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mail(to: Option<&str>, teams: &[(&str, &str)]) -> NewCaseMail {
        NewCaseMail {
            to: to.map(str::to_owned),
            teams: teams
                .iter()
                .map(|(t, a)| ((*t).to_owned(), (*a).to_owned()))
                .collect(),
        }
    }

    #[test]
    fn a_team_mailbox_comes_before_the_service_mailbox() {
        let config = mail(
            Some("alle@awm.example"),
            &[("Innenstadt", "mitte@awm.example")],
        );
        assert_eq!(
            config.mailbox(Some("Innenstadt")),
            Some("mitte@awm.example")
        );
        assert_eq!(config.mailbox(Some("Stadtrand")), Some("alle@awm.example"));
        assert_eq!(config.mailbox(None), Some("alle@awm.example"));
        assert_eq!(NewCaseMail::default().mailbox(Some("Innenstadt")), None);
    }

    #[test]
    fn addresses_and_teams_are_checked() {
        let config = mail(
            Some("kein adresse"),
            &[("Innenstadt", "mitte@awm.example"), ("Innnenstadt", "a@b")],
        );
        let problems: Vec<String> = config
            .problems(["Innenstadt", "Stadtrand"].into_iter())
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(
            problems,
            [
                "new_case_mail.to: \"kein adresse\" is not an e-mail address",
                "new_case_mail.teams.Innnenstadt: \"a@b\" is not an e-mail address",
                "new_case_mail.teams.Innnenstadt: no routing rule gives cases to this team",
            ]
        );
    }
}
