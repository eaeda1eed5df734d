//! The citizen's contact details for an appointment: what the sign-in provides is
//! taken as it is (and cannot be changed on the page), the rest as typed; each checked
//! so that the confirmation can reach the citizen.

use kernel::Identity;
use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, sea_query::Expr};

use crate::entity::appointment;

/// Longest name kept (the column's width).
const MOST_NAME: usize = 200;
/// Longest e-mail address (RFC 5321).
const MOST_EMAIL: usize = 254;
/// Longest phone number kept.
const MOST_PHONE: usize = 50;

/// Name, e-mail address and phone number (empty when not given).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Contact {
    /// Name.
    pub name: String,
    /// E-mail address.
    pub email: String,
    /// Phone number; empty when not given.
    pub phone: String,
}

/// The sign-in's name, if it gives one: the display name, else given and family name.
pub fn signed_in_name(identity: &Identity) -> Option<String> {
    identity
        .name
        .clone()
        .filter(|n| !n.trim().is_empty())
        .or_else(|| {
            let parts: Vec<&str> = [
                identity.profile.given_name.as_deref(),
                identity.profile.family_name.as_deref(),
            ]
            .into_iter()
            .flatten()
            .filter(|p| !p.trim().is_empty())
            .collect();
            (!parts.is_empty()).then(|| parts.join(" "))
        })
}

/// Whether `identity` is office staff, who book for others (a caller on the phone):
/// their own name and address are not the citizen's.
pub fn is_staff(identity: &Identity) -> bool {
    identity.roles.contains(&kernel::Role::Caseworker)
}

/// The details to use: a signed-in citizen's name and address where the sign-in gives
/// them, `typed` otherwise (and always for staff); each cut to its column's width.
pub fn entered(typed: &Contact, identity: &Identity) -> Contact {
    let signed_in = identity.subject.is_some() && !is_staff(identity);
    let name = signed_in
        .then(|| signed_in_name(identity))
        .flatten()
        .unwrap_or_else(|| typed.name.clone());
    let email = signed_in
        .then(|| identity.profile.email.clone())
        .flatten()
        .filter(|e| !e.trim().is_empty())
        .unwrap_or_else(|| typed.email.clone());
    Contact {
        name: name.trim().chars().take(MOST_NAME).collect(),
        email: email.trim().chars().take(MOST_EMAIL).collect(),
        phone: typed.phone.trim().chars().take(MOST_PHONE).collect(),
    }
}

/// The first field that does not fit, named as the page's note names it (`name`,
/// `email`, `telefon`).
pub fn check(contact: &Contact) -> Result<(), &'static str> {
    if contact.name.chars().any(char::is_control) || contact.name.chars().count() < 2 {
        return Err("name");
    }
    if !email_fits(&contact.email) {
        return Err("email");
    }
    let phone_chars = |c: char| c.is_ascii_digit() || " +-/()".contains(c);
    if !contact.phone.is_empty()
        && (!contact.phone.chars().all(phone_chars)
            || contact.phone.chars().filter(char::is_ascii_digit).count() < 5)
    {
        return Err("telefon");
    }
    Ok(())
}

/// An address mail can be sent to: one `@`, a local part, a domain with a dot, no
/// spaces or control characters.
fn email_fits(email: &str) -> bool {
    let Some((local, domain)) = email.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !email.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// How many coming appointments (held, waiting or booked, from `today`) other than
/// `except` the address `email` has for one of `services`.
pub async fn coming_for(
    db: &impl ConnectionTrait,
    email: &str,
    services: &[String],
    today: &str,
    except: &str,
) -> Result<usize, DbErr> {
    let rows = appointment::Entity::find()
        .filter(
            Expr::expr(sea_orm::sea_query::Func::lower(Expr::col(
                appointment::Column::Email,
            )))
            .eq(email.to_lowercase()),
        )
        .filter(appointment::Column::State.is_in([
            crate::book::HELD,
            crate::book::UNCONFIRMED,
            crate::book::BOOKED,
        ]))
        .filter(appointment::Column::Day.gte(today))
        .filter(appointment::Column::Id.ne(except))
        .all(db)
        .await?;
    Ok(rows
        .iter()
        .filter(|row| {
            let theirs: Vec<String> = serde_json::from_str(&row.services).unwrap_or_default();
            theirs.iter().any(|s| services.contains(s))
        })
        .count())
}

/// Keeps what was typed for held appointment `id`, so its page can show it again.
pub async fn keep(db: &impl ConnectionTrait, id: &str, contact: &Contact) -> Result<(), DbErr> {
    appointment::Entity::update_many()
        .col_expr(appointment::Column::Name, Expr::value(contact.name.clone()))
        .col_expr(
            appointment::Column::Email,
            Expr::value(contact.email.clone()),
        )
        .col_expr(
            appointment::Column::Phone,
            Expr::value((!contact.phone.is_empty()).then(|| contact.phone.clone())),
        )
        .filter(appointment::Column::Id.eq(id))
        .filter(appointment::Column::State.eq(crate::book::HELD))
        .exec(db)
        .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(name: &str, email: &str, phone: &str) -> Contact {
        Contact {
            name: name.into(),
            email: email.into(),
            phone: phone.into(),
        }
    }

    #[test]
    fn details_are_checked_field_by_field() {
        assert_eq!(check(&typed("Ada Muster", "ada@example.org", "")), Ok(()));
        assert_eq!(
            check(&typed("Ada Muster", "ada@example.org", "+49 89 233-0")),
            Ok(())
        );
        assert_eq!(check(&typed("", "ada@example.org", "")), Err("name"));
        assert_eq!(check(&typed("Ada", "ada@", "")), Err("email"));
        assert_eq!(check(&typed("Ada", "ada example@x.org", "")), Err("email"));
        assert_eq!(check(&typed("Ada", "a@b@c.org", "")), Err("email"));
        assert_eq!(
            check(&typed("Ada", "ada@example.org", "call me")),
            Err("telefon")
        );
    }

    #[test]
    fn the_sign_in_gives_name_and_address_where_it_has_them() {
        let mut identity = Identity {
            subject: Some("sub-1".into()),
            ..Identity::default()
        };
        identity.profile.given_name = Some("Ada".into());
        identity.profile.family_name = Some("Muster".into());
        let chosen = entered(&typed("Someone Else", "typed@example.org", ""), &identity);
        assert_eq!(chosen.name, "Ada Muster");
        assert_eq!(
            chosen.email, "typed@example.org",
            "no address in the sign-in"
        );
        identity.profile.email = Some("ada@example.org".into());
        let chosen = entered(&typed("", "typed@example.org", ""), &identity);
        assert_eq!(chosen.email, "ada@example.org");
        let anonymous = entered(&typed(" Bob ", "b@example.org", ""), &Identity::default());
        assert_eq!(anonymous.name, "Bob");
    }
}
