//! Pages of the shell itself; module pages live in their modules.

mod account;
mod deliveries;
mod forbidden;
mod home;
mod interface;
mod legal;
mod not_found;
mod sign_in;
mod sign_in_failed;

pub use account::AccountPage;
#[cfg(feature = "ssr")]
pub use account::{MY_DATA_PATH, account_facts};
pub use deliveries::DeliveriesPage;
pub use forbidden::ForbiddenPage;
pub use home::HomePage;
pub use interface::InterfacePage;
pub use legal::LegalPage;
pub use not_found::NotFound;
pub use sign_in::SignInPage;
#[cfg(feature = "ssr")]
pub use sign_in_failed::LEVEL_REFUSED;
pub use sign_in_failed::SignInFailedPage;
