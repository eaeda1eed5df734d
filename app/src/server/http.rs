//! The HTTP application: one route table, the middleware stack and graceful shutdown.

mod assets;
pub mod browser_texts;
mod client_network;
mod cross_origin;
mod dev_mail;
mod health;
mod language_switch;
mod local_path;
mod my_data;
pub(crate) mod plain_page;
mod private_answers;
mod refused_post;
mod report_rate_limit;
mod request_id;
mod security_headers;
mod server_fn_status;
mod shared_pages;

use std::{sync::OnceLock, time::Duration};

use axum::{
    Router,
    http::{HeaderValue, StatusCode, header},
};
use leptos::prelude::{provide_context, use_context};
use leptos_axum::{
    AxumRouteListing, LeptosRoutes, file_and_error_handler_with_context, generate_route_list,
};
use tokio::net::TcpListener;
use tower::ServiceBuilder;
use tower_http::{
    compression::CompressionLayer,
    limit::RequestBodyLimitLayer,
    request_id::{PropagateRequestIdLayer, SetRequestIdLayer},
    services::{ServeDir, ServeFile},
    set_header::SetResponseHeaderLayer,
    timeout::TimeoutLayer,
    trace::{DefaultOnResponse, TraceLayer},
};

pub use assets::Assets;
pub use kernel::routes::Endpoint;
use kernel::{
    routes::Routes,
    start::{Context, StartResult},
};
pub use local_path::back_or_home;
pub use plain_page::disrupted;

use super::AppState;
use crate::{
    auth::{self, session_layer, signed_in},
    i18n::ShellConfig,
    shell::{App, shell},
};

/// Longest time a request may take before it is answered with 503; nothing a page
/// does should come near it, and a stuck request must not hold a connection forever.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);

/// Largest request body of the shell's routes (pages, server functions, sign-in).
/// Module routes set their own limits (`DefaultBodyLimit`), e.g. larger ones for
/// uploads.
const BODY_LIMIT_BYTES: usize = 256 * 1024;

/// How long browsers keep the web fonts: a week.
const FONT_CACHE: &str = "public, max-age=604800";

/// The complete router: static files and health checks, then everything that knows who
/// is asking (pages, server functions, sign-in, module endpoints), all behind one stack.
pub fn router(state: AppState) -> StartResult<Router> {
    Ok(routes(state)?.into_parts().0)
}

/// The plain endpoints the portal serves beside its Leptos pages and server functions
/// (which Leptos lists itself): the host's and every module's.
pub fn endpoints(state: AppState) -> StartResult<Vec<Endpoint>> {
    Ok(routes(state)?.into_parts().1)
}

fn routes(state: AppState) -> StartResult<Routes> {
    let public_origin = cross_origin::PublicOrigin::from_url(&state.settings.public_url);
    let header_policy = security_headers::HeaderPolicy {
        form_targets: security_headers::FormTargets::identity_provider(
            state
                .oidc
                .as_ref()
                .map(|_| state.settings.oidc.issuer_url.as_str()),
        ),
        https: state.settings.secure_cookies(),
        image_origins: security_headers::image_origins(
            state
                .ctx
                .all::<dyn kernel::content_policy::ImageOrigins>()
                .into_iter()
                .flat_map(|(_, module)| module.image_origins()),
        ),
        inline_scripts: crate::shell::island_scripts::inline_hashes(&state.leptos_options).into(),
    };
    let content_security_policy = header_policy.content_security_policy();
    let site_root = std::path::PathBuf::from(&*state.leptos_options.site_root);
    let with_identity = personal_routes(&state)?;
    let api = crate::api::routes(&state)?;
    let stack = ServiceBuilder::new()
        .layer(axum::middleware::from_fn(super::metrics::record))
        .layer(SetRequestIdLayer::x_request_id(request_id::MakeRequestUuid))
        .layer(
            TraceLayer::new_for_http()
                .make_span_with(request_id::span_for)
                .on_response(DefaultOnResponse::new().level(tracing::Level::INFO)),
        )
        .layer(PropagateRequestIdLayer::x_request_id())
        .layer(axum::middleware::from_fn_with_state(
            (header_policy, content_security_policy),
            security_headers::apply,
        ))
        .layer(axum::middleware::from_fn_with_state(
            public_origin,
            cross_origin::apply,
        ))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::SERVICE_UNAVAILABLE,
            REQUEST_TIMEOUT,
        ))
        .layer(CompressionLayer::new().compress_when(worth_compressing()))
        .layer(axum::middleware::from_fn(server_fn_status::apply))
        .layer(axum::middleware::from_fn(refused_post::apply))
        .layer(axum::middleware::from_fn_with_state(
            crate::auth::rate_limit::ClientKey::new(state.settings.rate_limit.client_address),
            client_network::apply,
        ));
    // Built assets are plain files: served directly, never through the page renderer,
    // and without session work.
    let pkg = Router::new()
        .fallback(assets::serve)
        .with_state(assets::Pkg::new(
            state.assets.clone(),
            &site_root.join("pkg"),
        ));
    // Fonts keep their names from build to build, and change about never.
    let fonts = ServiceBuilder::new()
        .layer(SetResponseHeaderLayer::if_not_present(
            header::CACHE_CONTROL,
            |response: &axum::response::Response<_>| {
                response
                    .status()
                    .is_success()
                    .then_some(HeaderValue::from_static(FONT_CACHE))
            },
        ))
        .service(ServeDir::new(site_root.join("fonts")));
    Ok(Routes::new()
        .files("/pkg", pkg)
        .files("/fonts", fonts)
        .files(
            browser_texts::PREFIX,
            Router::new().fallback(browser_texts::serve),
        )
        .file(
            "/favicon.ico",
            ServeFile::new(site_root.join("favicon.ico")),
        )
        .merge(health::routes())
        .merge(dev_mail::routes())
        .with_state(state)
        .merge(with_identity)
        // The open interface: callers are systems with bearer tokens, not sessions.
        .merge(api)
        .map_router(|router| router.layer(stack)))
}

/// Text is compressed; archives, PDFs and images are compressed already.
fn worth_compressing() -> impl tower_http::compression::Predicate {
    use tower_http::compression::predicate::{DefaultPredicate, NotForContentType, Predicate};
    DefaultPredicate::new()
        .and(NotForContentType::const_new("application/zip"))
        .and(NotForContentType::const_new("application/pdf"))
}

/// Routes that read the session: pages, server functions, sign-in and every module's
/// endpoints. Each request loads its session once and carries the resulting `Identity`.
fn personal_routes(state: &AppState) -> StartResult<Routes> {
    let context = leptos_context(state);
    let sessions = session_layer::layer(state.sessions.clone(), &state.settings);
    let identity_policy = signed_in::IdentityPolicy {
        absolute_timeout_secs: i64::from(state.settings.session_absolute_hours) * 3600,
        clock: state.clock.clone(),
        provider: state.oidc.clone(),
    };
    let module_routes = state
        .modules
        .parts()
        .iter()
        .fold(Routes::new(), |routes, (_, parts)| {
            routes.merge(parts.routes(&state.ctx))
        });
    let report_limit = report_rate_limit::ReportLimit::new(
        &state.settings.open311,
        state.settings.rate_limit.client_address,
    );
    let page_requirements = auth::page_guard::PageRequirements::new(&state.modules);
    let shared = shared_pages::SharedPages::new(
        state.settings.shared_pages_megabytes,
        state.ctx.content.clone(),
        session_layer::cookie_name(&state.settings),
    );
    let shell_routes = Routes::new()
        .merge(language_switch::routes())
        .merge(auth::routes::routes(state).context("the sign-in routes")?)
        .map_router(|router| {
            router
                .leptos_routes_with_context(state, route_list(), context.clone(), {
                    let options = state.leptos_options.clone();
                    move || shell(options.clone())
                })
                .fallback(file_and_error_handler_with_context::<AppState, _>(
                    context, shell,
                ))
        })
        .with_state(state.clone())
        .map_router(|router| router.layer(RequestBodyLimitLayer::new(BODY_LIMIT_BYTES)));
    Ok(shell_routes
        .merge(module_routes)
        .merge(my_data::routes(state))
        .map_router(|router| {
            router
                .layer(axum::middleware::from_fn_with_state(
                    report_limit,
                    report_rate_limit::apply,
                ))
                .layer(axum::middleware::from_fn_with_state(
                    page_requirements,
                    auth::page_guard::enforce,
                ))
                .layer(axum::middleware::from_fn(private_answers::apply))
                .layer(axum::middleware::from_fn_with_state(
                    shared,
                    shared_pages::apply,
                ))
                .layer(axum::middleware::from_fn_with_state(
                    identity_policy,
                    signed_in::attach_identity,
                ))
                .layer(sessions)
        }))
}

/// The Leptos routes, found once per process by rendering the app in route-listing
/// mode. Computing them while other requests render was seen to stall those requests
/// (several portals in one test process), and the list never changes at run time.
fn route_list() -> Vec<AxumRouteListing> {
    static ROUTES: OnceLock<Vec<AxumRouteListing>> = OnceLock::new();
    ROUTES.get_or_init(|| generate_route_list(App)).clone()
}

/// What every page render and server function finds in its Leptos context.
fn leptos_context(state: &AppState) -> impl Fn() + Clone + Send + Sync + 'static {
    let ctx = state.ctx.clone();
    let modules = state.modules.clone();
    let assets = state.assets.clone();
    let shell_config = ShellConfig {
        demo: state.settings.demo_content() || state.settings.demo_login(),
        demo_login: state.settings.demo_login(),
    };
    move || {
        crate::shell::island_scripts::provide_islands_mode();
        provide_context(ctx.clone());
        for (_, parts) in modules.parts() {
            parts.provide_render_context();
        }
        provide_context(modules.clone());
        provide_context(shell_config);
        provide_context(assets.clone());
        // The identity middleware put the person behind the request here.
        let identity = use_context::<axum::http::request::Parts>()
            .and_then(|parts| parts.extensions.get::<kernel::Identity>().cloned())
            .unwrap_or_default();
        provide_context(identity);
        // Server functions answer in the person's language too (e.g. answers as filed).
        crate::i18n::page_i18n();
    }
}

/// Serves until Ctrl-C, SIGTERM or the portal's stop (`AppState::stop`), then
/// lets running requests finish; a signal stops the background work too.
pub async fn serve(listener: TcpListener, state: AppState) -> StartResult {
    let addr = listener
        .local_addr()
        .context("the listening socket has no address")?;
    tracing::info!(%addr, "portal listening");
    if state.settings.demo_login() {
        tracing::warn!(
            "the demo sign-in is on: anyone can sign in as any persona, caseworkers \
             included; for trying the portal out only (auth.mode = \"oidc\" for real use)"
        );
    }
    let stop = state.jobs.clone();
    // The peer address feeds the sign-in rate limit.
    let service = router(state)?.into_make_service_with_connect_info::<std::net::SocketAddr>();
    axum::serve(listener, service)
        .with_graceful_shutdown(shutdown_signal(stop))
        .await
        .context("server error")
}

async fn shutdown_signal(stop: tokio_util::sync::CancellationToken) {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
        () = stop.cancelled() => {},
    }
    tracing::info!("shutting down");
    stop.cancel();
}
