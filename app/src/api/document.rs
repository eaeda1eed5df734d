//! The OpenAPI 3.1 document of `/api/v1`: the portal's frame (title, server, bearer
//! tokens, problem details) with every module's paths merged in. The repository keeps
//! a copy (`api/openapi.json`) that a test compares with this one.

use kernel::api::{BASE_PATH, PROBLEM_JSON, Problem};
use utoipa::{
    PartialSchema, ToSchema,
    openapi::{
        ComponentsBuilder, ContentBuilder, InfoBuilder, LicenseBuilder, OpenApi, OpenApiBuilder,
        Ref, ResponseBuilder,
        security::{Http, HttpAuthScheme, SecurityRequirement, SecurityScheme},
        server::Server,
    },
};

use crate::registry::Modules;

/// The name of the security scheme operations refer to.
pub const BEARER: &str = "bearer";

const DESCRIPTION: &str = "Back-office systems (document management, payment, registers) read \
the cases of their departments and act on them with the same rules as caseworkers. Every \
call carries an OAuth2 access token (JWT) of the portal's identity provider, obtained with \
the client-credentials grant, for the audience configured as `api.audience`; the portal \
maps the token's `client_id` to departments and scopes (`[[api.clients]]`). Errors are \
problem details (RFC 9457). Every call is recorded in the audit trail.";

/// The whole document for `modules`.
pub fn document(modules: &Modules) -> OpenApi {
    let mut document = OpenApiBuilder::new()
        .info(
            InfoBuilder::new()
                .title("Serviceportal API")
                .version("1")
                .description(Some(DESCRIPTION))
                .license(Some(
                    LicenseBuilder::new()
                        .name("EUPL-1.2")
                        .identifier(Some("EUPL-1.2"))
                        .build(),
                ))
                .build(),
        )
        .servers(Some([Server::new(BASE_PATH)]))
        .components(Some(
            ComponentsBuilder::new()
                .security_scheme(
                    BEARER,
                    SecurityScheme::Http(
                        utoipa::openapi::security::HttpBuilder::from(Http::new(
                            HttpAuthScheme::Bearer,
                        ))
                        .bearer_format("JWT")
                        .build(),
                    ),
                )
                .schema(Problem::name(), Problem::schema())
                .build(),
        ))
        .build();
    for (_, parts) in modules.parts() {
        for part in &parts.api_documents {
            document.merge(part.clone());
        }
    }
    add_gate_problems(&mut document);
    document
}

/// What the gate may answer to any call, added to every operation (the modules
/// describe only their own answers).
const GATE_PROBLEMS: [(&str, &str); 5] = [
    ("401", "No valid access token"),
    (
        "403",
        "The client lacks the scope, or is not registered with the portal",
    ),
    (
        "429",
        "Too many calls; `Retry-After` says when to try again",
    ),
    ("500", "The portal failed; try again later"),
    (
        "503",
        "The identity provider's keys are unreachable; try again later",
    ),
];

/// What may answer any call to the public part, which takes no token.
const PUBLIC_PROBLEMS: [(&str, &str); 2] = [
    (
        "429",
        "Too many calls from this address; `Retry-After` says when to try again",
    ),
    ("500", "The portal failed; try again later"),
];

/// What the JSON body reader answers to any call with a body.
const BODY_PROBLEMS: [(&str, &str); 2] = [
    ("413", "The body is larger than 64 KiB"),
    ("415", "The body is not `application/json`"),
];

fn add_gate_problems(document: &mut OpenApi) {
    let problem = || {
        ResponseBuilder::new().content(
            PROBLEM_JSON,
            ContentBuilder::new()
                .schema(Some(Ref::from_schema_name(Problem::name())))
                .build(),
        )
    };
    for item in document.paths.paths.values_mut() {
        let operations = [
            &mut item.get,
            &mut item.put,
            &mut item.post,
            &mut item.delete,
            &mut item.patch,
        ];
        for operation in operations.into_iter().flatten() {
            let body_problems = if operation.request_body.is_some() {
                &BODY_PROBLEMS[..]
            } else {
                &[]
            };
            // A public operation (`security: [{}]`, no requirement) passes no token
            // check.
            let public = operation
                .security
                .iter()
                .flatten()
                .all(|requirement| *requirement == SecurityRequirement::default());
            let gate: &[(&str, &str)] = if public {
                &PUBLIC_PROBLEMS
            } else {
                &GATE_PROBLEMS
            };
            for &(status, description) in gate.iter().chain(body_problems) {
                operation
                    .responses
                    .responses
                    .entry(status.to_owned())
                    .or_insert_with(|| problem().description(description).build().into());
            }
        }
    }
}
