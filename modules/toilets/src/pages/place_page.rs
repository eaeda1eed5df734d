//! `/toilets/{id}`: one toilet with its address, whether it is open now, its hours for
//! the coming week, its features and position (with a `geo:` link that opens the
//! person's map app), the source's credit, and "report a problem here".

use kernel::{fact::Fact, i18n::use_i18n};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use super::{
    features::{Features, address_line, display_name},
    hours_text::hours_text,
};
use crate::{functions::toilet_place, place::PlaceDetail};

/// A toilet's page.
#[component]
pub fn PlacePage() -> impl IntoView {
    let params = use_params_map();
    let id = move || {
        params
            .read()
            .get("id")
            .and_then(|id| id.parse::<i32>().ok())
    };
    let detail = Resource::new(id, |id| async move {
        match id {
            Some(id) => toilet_place(id).await,
            None => Err(kernel::AppError::NotFound),
        }
    });
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match detail.await {
                    Ok(detail) => view! { <Detail detail /> }.into_any(),
                    Err(error) => view! {
                        <kernel::error_page::ErrorPage error texts=super::finder_page::ERROR />
                    }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// The link that opens the position in the person's map app (RFC 5870).
fn geo_uri(lat: f64, lon: f64, label: &str) -> String {
    let label: String = form_urlencoded::byte_serialize(label.as_bytes()).collect();
    format!("geo:{lat:.6},{lon:.6}?q={lat:.6},{lon:.6}({label})")
}

/// The defect report with this toilet as its place.
fn report_href(name: &str, street: &str, postcode: &str) -> String {
    let place = if street.is_empty() {
        name.to_owned()
    } else {
        format!("{name}, {street}")
    };
    let mut query = form_urlencoded::Serializer::new(String::new());
    query.append_pair("street", &place);
    if !postcode.is_empty() {
        query.append_pair("postcode", postcode);
    }
    format!("/leistungen/mangel-melden/antrag?{}", query.finish())
}

#[component]
fn Detail(detail: PlaceDetail) -> impl IntoView {
    let i18n = use_i18n();
    let place = detail.item.clone();
    let name = display_name(i18n, &place);
    let hours = hours_text(i18n, &place.hours, &detail.opening_hours);
    let position = format!(
        "{}, {}",
        i18n.decimal(place.lat, 5),
        i18n.decimal(place.lon, 5)
    );
    let geo = geo_uri(place.lat, place.lon, &name);
    let report = report_href(&name, &place.street, &place.postcode);
    let week = detail.week.clone().map(|week| {
        week.into_iter()
            .map(|(day, weekday, open)| {
                let weekday = i18n.t_args("toilets-weekday", &[("day", weekday.into())]);
                let open = if open.is_empty() {
                    i18n.t("toilets-closed")
                } else {
                    open.join(", ")
                };
                view! { <Fact term=format!("{weekday}, {day}")>{open}</Fact> }
            })
            .collect_view()
    });
    let facts = [
        (i18n.t("toilets-address"), address_line(&place)),
        (i18n.t("toilets-position"), position),
        (i18n.t("toilets-operator"), detail.operator.clone()),
        (i18n.t("toilets-hours"), detail.opening_hours.clone()),
    ];
    view! {
        <Title text=name.clone() />
        <p class="kern-body"><a class="kern-link" href="/toilets" rel="external">{i18n.phrase("toilets-back")}</a></p>
        <h1 class="kern-heading-large">{name.clone()}</h1>
        <p class="kern-body" id="toilet-now"><strong>{hours}</strong>" "{i18n.t_args("toilets-judged-at", &[("at", detail.at.clone().into())])}</p>
        <dl class="kern-description-list kern-description-list--col">
            {facts
                .into_iter()
                .filter(|(_, value)| !value.is_empty())
                .map(|(term, value)| view! { <Fact term>{value}</Fact> })
                .collect_view()}
        </dl>
        <h2 class="kern-heading-medium">{i18n.phrase("toilets-features")}</h2>
        <Features place=place.clone() />
        {week.map(|week| view! {
            <h2 class="kern-heading-medium">{i18n.phrase("toilets-week")}</h2>
            <dl class="kern-description-list kern-description-list--col" id="toilet-week">{week}</dl>
        })}
        <h2 class="kern-heading-medium">{i18n.phrase("toilets-way-there")}</h2>
        <ul class="kern-list">
            <li><a class="kern-link" href=geo rel="external">{i18n.phrase("toilets-open-in-map-app")}</a></li>
            <li><a class="kern-link" href=report rel="external">{i18n.phrase("toilets-report-problem")}</a></li>
        </ul>
        <super::finder_page::Credits credits=vec![detail.credit] />
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_geo_link_carries_the_position_and_a_label() {
        assert_eq!(
            geo_uri(48.137_43, 11.575_49, "Rathaus, Prunkhof"),
            "geo:48.137430,11.575490?q=48.137430,11.575490(Rathaus%2C+Prunkhof)"
        );
    }

    #[test]
    fn the_report_names_the_place_and_its_postcode() {
        assert_eq!(
            report_href("Harras", "Albert-Roßhaupter-Straße", "81369"),
            "/leistungen/mangel-melden/antrag?street=Harras%2C+Albert-Ro%C3%9Fhaupter-Stra%C3%9Fe&postcode=81369"
        );
    }
}
