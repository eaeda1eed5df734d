//! Pages of the shell itself; module pages live in their modules.

mod home;
mod legal;
mod not_found;
mod sign_in;

pub use home::HomePage;
pub use legal::LegalPage;
pub use not_found::NotFound;
pub use sign_in::SignInPage;
