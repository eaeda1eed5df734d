//! `/info`: every service of the information catalogue from A to Z, with a letter
//! index. A small catalogue is one page (the index jumps within it); a large one is a
//! page per letter (`/info?buchstabe=F`, the first letter at `/info`), so a phone
//! does not load thousands of links at once.

use std::collections::BTreeMap;

use kernel::i18n::use_i18n;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::{functions::info_services, view::ListedService};

/// Up to this many services the list is one page.
const ONE_PAGE_UP_TO: usize = 400;

/// The services by the letter they are filed under.
type Groups = BTreeMap<char, Vec<ListedService>>;

/// Which letters the page shows: all of them, or one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Shown {
    All,
    Letter(char),
}

/// What the page shows of `groups` (`total` services) for `asked` (`?buchstabe=`):
/// `None` for a letter without services, or anything not a letter.
fn shown(groups: &Groups, total: usize, asked: Option<&str>) -> Option<Shown> {
    match asked {
        None if total <= ONE_PAGE_UP_TO => Some(Shown::All),
        None => groups.keys().next().copied().map(Shown::Letter),
        Some(asked) => {
            let mut chars = asked.chars();
            match (chars.next(), chars.next()) {
                (Some(c), None) if c == '#' || c.is_alphabetic() => {
                    let filed = letter(&c.to_string());
                    groups.contains_key(&filed).then_some(Shown::Letter(filed))
                }
                _ => None,
            }
        }
    }
}

/// The A–Z list.
#[component]
pub fn InfoListPage() -> impl IntoView {
    let i18n = use_i18n();
    let services = Resource::new(|| (), |()| info_services());
    let query = use_query_map();
    let asked = move || query.read().get("buchstabe");
    view! {
        <Title text=i18n.t("info-title") />
        <h1 class="kern-heading-x-large">{i18n.phrase("info-title")}</h1>
        <p class="kern-body">{i18n.phrase("info-intro")}</p>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match services.await {
                    Ok(services) if services.is_empty() => view! { <p class="kern-body">{i18n.phrase("info-empty")}</p> }.into_any(),
                    Ok(services) => {
                        let total = services.len();
                        let groups = group(services);
                        match shown(&groups, total, asked().as_deref()) {
                            Some(shown) => {
                                kernel::shared_page::same_for_everyone();
                                view! { <Letters groups shown /> }.into_any()
                            }
                            None => view! { <NoSuchLetter groups /> }.into_any(),
                        }
                    }
                    Err(error) => view! { <kernel::error_page::ErrorPage error texts=super::ERROR /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// The first letter a name is filed under (umlauts under their vowel, digits under `#`).
fn letter(name: &str) -> char {
    match name
        .chars()
        .next()
        .map(|c| c.to_uppercase().next().unwrap_or(c))
    {
        Some('Ä') => 'A',
        Some('Ö') => 'O',
        Some('Ü') => 'U',
        Some(c) if c.is_alphabetic() => c,
        _ => '#',
    }
}

fn group(services: Vec<ListedService>) -> Groups {
    let mut groups = Groups::new();
    for service in services {
        groups
            .entry(letter(&service.name))
            .or_default()
            .push(service);
    }
    groups
}

/// Where the index's link for `letter` leads: to the letter's own page (`paged`), or
/// within the page.
fn letter_href(letter: char, paged: bool) -> String {
    match letter {
        _ if !paged => format!("#buchstabe-{letter}"),
        // `#` is the one filing letter that must be written escaped in a query.
        '#' => "/info?buchstabe=%23".to_owned(),
        _ => format!("/info?buchstabe={letter}"),
    }
}

/// For a letter no service is filed under (or anything not a letter): says so, with
/// the letters there are, and answers 404 (so the page is not kept).
#[component]
fn NoSuchLetter(groups: Groups) -> impl IntoView {
    let i18n = use_i18n();
    kernel::error_page::answer_status(404);
    let letters: Vec<char> = groups.keys().copied().collect();
    view! {
        <p class="kern-body" role="status">{i18n.phrase("info-letter-not-found")}</p>
        <LetterIndex letters paged=true current=None />
    }
}

/// The letters, each a link: within the page, or to the letter's page (`paged`), the
/// `current` one marked as the page shown.
#[component]
fn LetterIndex(letters: Vec<char>, paged: bool, current: Option<char>) -> impl IntoView {
    let i18n = use_i18n();
    let index = letters
        .into_iter()
        .map(|letter| {
            let here = (current == Some(letter)).then_some("page");
            view! { <li><a class="kern-link" href=letter_href(letter, paged) aria-current=here>{letter.to_string()}</a></li> }
        })
        .collect_view();
    view! {
        <nav aria-label=i18n.t("info-letters")>
            <ul class="portal-letters">{index}</ul>
        </nav>
    }
}

#[component]
fn Letters(groups: Groups, shown: Shown) -> impl IntoView {
    let letters: Vec<char> = groups.keys().copied().collect();
    let current = match shown {
        Shown::Letter(letter) => Some(letter),
        Shown::All => None,
    };
    view! {
        <LetterIndex letters paged=current.is_some() current />
        {groups.into_iter().filter(|(letter, _)| shown == Shown::All || shown == Shown::Letter(*letter)).map(|(letter, members)| view! {
            <section class="portal-section">
                <h2 class="kern-heading-medium" id=format!("buchstabe-{letter}")>{letter.to_string()}</h2>
                <ul class="portal-list">
                    {members.into_iter().map(|service| view! {
                        <li><a class="kern-link" href=service.href lang=service.lang>{service.name}</a></li>
                    }).collect_view()}
                </ul>
            </section>
        }).collect_view()}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn services(names: &[&str]) -> Vec<ListedService> {
        names
            .iter()
            .map(|name| ListedService {
                href: format!("/info/{name}"),
                lang: None,
                name: (*name).to_owned(),
            })
            .collect()
    }

    #[test]
    fn a_small_list_is_one_page_a_large_one_a_page_per_letter() {
        let small = group(services(&["Baum", "Ausweis", "Übergabe"]));
        assert_eq!(shown(&small, 3, None), Some(Shown::All));
        assert_eq!(shown(&small, 3, Some("u")), Some(Shown::Letter('U')));
        assert_eq!(shown(&small, 3, Some("Ü")), Some(Shown::Letter('U')));
        let large = ONE_PAGE_UP_TO + 1;
        assert_eq!(shown(&small, large, None), Some(Shown::Letter('A')));
        assert_eq!(shown(&small, large, Some("B")), Some(Shown::Letter('B')));
    }

    #[test]
    fn anything_but_a_letter_with_services_is_not_found() {
        let groups = group(services(&["Baum", "110 Notruf"]));
        assert_eq!(shown(&groups, 500, Some("#")), Some(Shown::Letter('#')));
        for asked in ["C", "BB", "", "%", "<script>"] {
            assert_eq!(shown(&groups, 500, Some(asked)), None, "{asked}");
        }
    }

    #[test]
    fn letters_link_within_the_page_or_to_their_own() {
        assert_eq!(letter_href('F', false), "#buchstabe-F");
        assert_eq!(letter_href('#', false), "#buchstabe-#");
        assert_eq!(letter_href('F', true), "/info?buchstabe=F");
        assert_eq!(letter_href('#', true), "/info?buchstabe=%23");
    }
}
