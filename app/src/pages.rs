//! Pages of the shell itself; module pages live in their modules.

mod home;
mod legal;
mod not_found;

pub use home::HomePage;
pub use legal::LegalPage;
pub use not_found::NotFound;
