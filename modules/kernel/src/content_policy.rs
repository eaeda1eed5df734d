//! What a module's pages load from elsewhere, for the pages' content security policy
//! (which otherwise allows only the portal's own origin).

/// Origins a module's pages show images from (a map's tile server), contributed with
/// [`crate::ModuleBuilder::contribute`] and asked once the modules have started.
pub trait ImageOrigins: Send + Sync {
    /// Origins such as `https://tile.openstreetmap.org` (or `https://*.example.org`).
    fn image_origins(&self) -> Vec<String>;
}
