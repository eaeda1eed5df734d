//! The portal's GeoReport v2 answers against the specification's own examples
//! (`tests/data/open311-spec/`): every field the specification shows is there, at the
//! same place and of the same kind, and nothing the specification does not name; in
//! JSON and in XML, for the service list, a service definition, a filed report, the
//! request list, one request and an error.

use std::collections::{BTreeMap, BTreeSet};

use quick_xml::events::Event;
use reqwest::StatusCode;
use serde_json::Value;

use crate::{
    open311::{POTHOLE, fetch},
    support::{TestApp, client, run, spawn_app},
};

/// What a field holds, as far as a client's parser cares: Open311 identifiers are
/// numbers in some examples and text in others. An empty value (`null`, an element
/// without content) stands for any kind; every other kind must be the example's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Empty,
    Flag,
    Value,
    List,
    Record,
}

/// Every field's place (`[].attributes[].code`) with its kind.
type Shape = BTreeMap<String, Kind>;

fn json_shape(value: &Value, place: &str, shape: &mut Shape) {
    let kind = match value {
        Value::Bool(_) => Kind::Flag,
        Value::Array(items) => {
            for item in items {
                json_shape(item, &format!("{place}[]"), shape);
            }
            Kind::List
        }
        Value::Object(members) => {
            for (name, member) in members {
                json_shape(member, &format!("{place}.{name}"), shape);
            }
            Kind::Record
        }
        Value::Null => Kind::Empty,
        Value::Number(_) | Value::String(_) => Kind::Value,
    };
    shape.insert(place.to_owned(), kind);
}

/// Every element's place (`services/service/service_code`) with its kind: an element
/// holding elements is a record, one holding `true` or `false` a flag, one holding
/// nothing empty.
fn xml_shape(xml: &str) -> Shape {
    assert!(
        xml.starts_with("<?xml version=\"1.0\" encoding=\"utf-8\"?>"),
        "the specification asks for the XML declaration with its encoding: {xml}"
    );
    let mut reader = quick_xml::Reader::from_str(xml);
    reader.config_mut().trim_text(true);
    let mut open: Vec<String> = Vec::new();
    let mut texts: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut parents = BTreeSet::new();
    let mut places = BTreeSet::new();
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Start(element) => {
                if !open.is_empty() {
                    parents.insert(open.join("/"));
                }
                open.push(String::from_utf8_lossy(element.name().as_ref()).into_owned());
                places.insert(open.join("/"));
            }
            Event::Empty(element) => {
                let name = String::from_utf8_lossy(element.name().as_ref()).into_owned();
                parents.insert(open.join("/"));
                places.insert(format!("{}/{name}", open.join("/")));
            }
            Event::End(_) => {
                open.pop();
            }
            Event::Text(text) => {
                let text = text.decode().expect("text").into_owned();
                texts.entry(open.join("/")).or_default().insert(text);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    places
        .into_iter()
        .map(|place| {
            let seen = texts.get(&place);
            let flag = seen.is_some_and(|seen| seen.iter().all(|t| t == "true" || t == "false"));
            let kind = if parents.contains(&place) {
                Kind::Record
            } else if seen.is_none() {
                Kind::Empty
            } else if flag {
                Kind::Flag
            } else {
                Kind::Value
            };
            (place, kind)
        })
        .collect()
}

/// What differs between the specification's shape and the portal's.
fn differences(specified: &Shape, answered: &Shape) -> Vec<String> {
    let mut problems = Vec::new();
    for (place, kind) in specified {
        match answered.get(place) {
            None => problems.push(format!("{place}: missing")),
            Some(got) if got == kind || *got == Kind::Empty || *kind == Kind::Empty => {}
            Some(Kind::Value) if *kind == Kind::Flag => {
                problems.push(format!("{place}: not true or false"));
            }
            Some(got) => {
                problems.push(format!(
                    "{place}: {got:?} where the specification has {kind:?}"
                ));
            }
        }
    }
    for place in answered.keys().filter(|p| !specified.contains_key(*p)) {
        problems.push(format!("{place}: not a field of the specification"));
    }
    problems
}

fn example(name: &str) -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/open311-spec")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The portal's answer compared with the specification's example `name` (`.json` and
/// `.xml`); `answered` maps the format to the portal's body.
fn assert_like_the_specification(name: &str, answered_json: &str, answered_xml: &str) {
    let mut specified = Shape::new();
    json_shape(
        &serde_json::from_str(&example(&format!("{name}.json"))).expect("example JSON"),
        "",
        &mut specified,
    );
    let mut answered = Shape::new();
    json_shape(
        &serde_json::from_str(answered_json)
            .unwrap_or_else(|e| panic!("{name}.json: {e}: {answered_json}")),
        "",
        &mut answered,
    );
    let problems = differences(&specified, &answered);
    assert!(
        problems.is_empty(),
        "{name}.json: {problems:#?}\n{answered_json}"
    );

    let specified = xml_shape(&example(&format!("{name}.xml")));
    let problems = differences(&specified, &xml_shape(answered_xml));
    assert!(
        problems.is_empty(),
        "{name}.xml: {problems:#?}\n{answered_xml}"
    );
}

async fn file(app: &TestApp, format: &str) -> String {
    let response = client()
        .post(app.url(&format!("/open311/v2/requests.{format}")))
        .form(POTHOLE)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::CREATED);
    response.text().await.unwrap()
}

async fn both(app: &TestApp, stem: &str, status: StatusCode) -> (String, String) {
    let (json_status, _, json) = fetch(app, &format!("{stem}.json")).await;
    let (xml_status, _, xml) = fetch(app, &format!("{stem}.xml")).await;
    assert_eq!((json_status, xml_status), (status, status), "{stem}");
    (json, xml)
}

#[test]
fn the_answers_have_the_fields_of_the_specifications_examples() {
    run(async {
        let app = spawn_app(crate::support::Backend::Sqlite).await;

        let (json, xml) = both(&app, "/open311/v2/services", StatusCode::OK).await;
        assert_like_the_specification("services", &json, &xml);

        let (json, xml) = both(&app, "/open311/v2/services/maengelmelder", StatusCode::OK).await;
        assert_like_the_specification("service-definition", &json, &xml);

        let filed_json = file(&app, "json").await;
        let filed_xml = file(&app, "xml").await;
        assert_like_the_specification("post-request", &filed_json, &filed_xml);

        let (json, xml) = both(&app, "/open311/v2/requests", StatusCode::OK).await;
        assert_like_the_specification("requests", &json, &xml);

        let filed: Value = serde_json::from_str(&filed_json).unwrap();
        let reference = filed[0]["service_request_id"].as_str().unwrap();
        let (json, xml) = both(
            &app,
            &format!("/open311/v2/requests/{reference}"),
            StatusCode::OK,
        )
        .await;
        assert_like_the_specification("requests", &json, &xml);

        let (json, xml) = both(
            &app,
            "/open311/v2/services/sperrmuell",
            StatusCode::NOT_FOUND,
        )
        .await;
        assert_like_the_specification("errors", &json, &xml);
    });
}

#[test]
fn the_comparison_notices_a_missing_renamed_or_reshaped_field() {
    let mut specified = Shape::new();
    json_shape(
        &serde_json::from_str(&example("services.json")).unwrap(),
        "",
        &mut specified,
    );
    let renamed = example("services.json").replace("\"group\"", "\"groups\"");
    let mut answered = Shape::new();
    json_shape(&serde_json::from_str(&renamed).unwrap(), "", &mut answered);
    assert_eq!(
        differences(&specified, &answered),
        [
            "[].group: missing",
            "[].groups: not a field of the specification"
        ]
    );

    let quoted = example("services.json").replace("true", "\"true\"");
    let mut answered = Shape::new();
    json_shape(&serde_json::from_str(&quoted).unwrap(), "", &mut answered);
    assert_eq!(
        differences(&specified, &answered),
        ["[].metadata: not true or false"]
    );

    // A list sent as text.
    let shape = |json: &str| {
        let mut shape = Shape::new();
        json_shape(&serde_json::from_str(json).unwrap(), "", &mut shape);
        shape
    };
    let definition = example("service-definition.json");
    let as_text = definition.replace(
        r#""values": ["#,
        r#""values": "Ford, Chrysler", "unused": ["#,
    );
    let problems = differences(&shape(&definition), &shape(&as_text));
    assert!(
        problems
            .contains(&".attributes[].values: Value where the specification has List".to_owned()),
        "{problems:?}"
    );

    let specified = xml_shape(&example("service-definition.xml"));
    let flat = example("service-definition.xml")
        .replace("<values>", "")
        .replace("</values>", "");
    let problems = differences(&specified, &xml_shape(&flat));
    assert!(
        problems.contains(&"service_definition/attributes/attribute/values: missing".to_owned()),
        "{problems:?}"
    );
}
