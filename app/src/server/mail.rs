//! Sending the e-mail outbox: a background worker takes due mails from the kernel's
//! outbox, writes each in its recipient's language and hands it to the transport (an
//! SMTP server, or `.eml` files for development). A failure keeps the mail for a later
//! attempt; the submit or decision that wrote it has long succeeded.

mod compose;
mod transport;
mod worker;

pub use compose::Composer;
pub use transport::Transport;
pub use worker::{deliver_due, spawn};
