//! `portal-load`: sends a city's mix of requests (see [`mix::MIX`]) to a running portal
//! for a fixed time from many workers at once, or only `GET /` to measure a bare
//! handler (`--only-root`), and prints per request name how many, how fast, and the
//! errors, as a Markdown table. Exits with 1 when any request failed.

mod form_flow;
mod mix;
mod prepare;
mod tally;
mod visitor;

use std::{
    process::ExitCode,
    sync::Arc,
    time::{Duration, Instant},
};

use clap::Parser;

use crate::{
    tally::Tally,
    visitor::{Filers, Visitor},
};

/// The demo citizens who file requests during a run (every one may file bulky-waste
/// pick-ups); their drafts are their own, so a filer works for one worker at a time.
const FILERS: [&str; 3] = ["citizen", "citizen-low", "citizen-high"];

#[derive(Debug, Parser)]
#[command(name = "portal-load", about)]
struct Args {
    /// The portal's base address.
    #[arg(long, default_value = "http://127.0.0.1:3000")]
    url: String,
    /// Workers sending requests at once (each waits for its answer).
    #[arg(long, default_value_t = 32)]
    workers: u64,
    /// Seconds the measurement lasts.
    #[arg(long, default_value_t = 30)]
    seconds: u64,
    /// Demo persona of the citizens.
    #[arg(long, default_value = "citizen")]
    citizen: String,
    /// Demo persona of the caseworkers.
    #[arg(long, default_value = "caseworker-awm")]
    caseworker: String,
    /// Only `GET /`, nothing prepared: for the bare handler that gives the ceiling.
    #[arg(long)]
    only_root: bool,
}

#[tokio::main]
async fn main() -> ExitCode {
    let args = Args::parse();
    match run(&args).await {
        Ok((tally, wall, filed)) => {
            report(&tally, wall, filed);
            if tally.errors() == 0 {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            }
        }
        Err(error) => {
            eprintln!("portal-load: {error}");
            ExitCode::from(2)
        }
    }
}

#[expect(clippy::print_stdout, reason = "the report is the program's output")]
fn report(tally: &Tally, wall: Duration, filed: u64) {
    println!("{}", tally.table(wall));
    println!(
        "{} requests in {:.1} s, {} errors, {filed} submissions confirmed",
        tally.requests(),
        wall.as_secs_f64(),
        tally.errors()
    );
}

async fn run(args: &Args) -> Result<(Tally, Duration, u64), String> {
    let base = args.url.trim_end_matches('/').to_owned();
    if args.only_root {
        return ceiling(&base, args).await;
    }
    let targets = Arc::new(prepare::targets(&base, &args.caseworker).await?);
    let filers = Arc::new(Filers::new(&base, &FILERS).await?);
    let mut visitors = Vec::new();
    for number in 0..args.workers {
        visitors.push(
            Visitor::new(
                number,
                &base,
                Arc::clone(&targets),
                Arc::clone(&filers),
                &args.citizen,
                &args.caseworker,
            )
            .await?,
        );
    }
    let started = Instant::now();
    let until = started + Duration::from_secs(args.seconds);
    let handles: Vec<_> = visitors
        .into_iter()
        .map(|mut visitor| {
            tokio::spawn(async move {
                visitor.run(until).await;
                visitor
            })
        })
        .collect();
    let mut tally = Tally::default();
    for handle in handles {
        let visitor = handle.await.map_err(|e| e.to_string())?;
        tally.merge(visitor.tally);
    }
    let wall = started.elapsed();
    Ok((tally, wall, filers.filed().await))
}

/// `GET /` from every worker: what the machine does with no portal in the way.
async fn ceiling(base: &str, args: &Args) -> Result<(Tally, Duration, u64), String> {
    let started = Instant::now();
    let until = started + Duration::from_secs(args.seconds);
    let mut handles = Vec::new();
    for _ in 0..args.workers {
        let client = prepare::browser(true)?;
        let url = format!("{base}/");
        handles.push(tokio::spawn(async move {
            let mut tally = Tally::default();
            while Instant::now() < until {
                let sent = Instant::now();
                let error = match client.get(&url).send().await {
                    Ok(response) if response.status().is_success() => {
                        response.bytes().await.err().map(|e| e.to_string())
                    }
                    Ok(response) => Some(format!("status {}", response.status())),
                    Err(e) => Some(e.to_string()),
                };
                tally.record("bare handler", sent.elapsed(), error);
            }
            tally
        }));
    }
    let mut tally = Tally::default();
    for handle in handles {
        tally.merge(handle.await.map_err(|e| e.to_string())?);
    }
    Ok((tally, started.elapsed(), 0))
}
