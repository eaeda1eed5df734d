//! What modules offer each other, by type: a module provides a capability such as
//! `dyn CaseIntake` at start-up and any module gets it from the context, without the
//! kernel knowing which module that is.
//!
//! A capability is either one (`provide` / `get`: two providers are a start-up error
//! naming both) or many (`contribute` / `all`: every module may add one, e.g. search
//! documents, retention rules, a person's data).

use std::{
    any::{Any, TypeId, type_name},
    collections::HashMap,
    fmt,
    sync::Arc,
};

/// One offer: which module made it and the `Arc<T>` itself.
struct Offer {
    module: &'static str,
    value: Box<dyn Any + Send + Sync>,
}

/// Every capability the modules offer.
#[derive(Default)]
pub struct Capabilities {
    one: HashMap<TypeId, Offer>,
    many: HashMap<TypeId, Vec<Offer>>,
}

/// Two modules provided one capability that only one may provide.
#[derive(Debug, thiserror::Error)]
#[error(
    "capability `{capability}` is provided by both `{first}` and `{second}`; only one module may provide it"
)]
pub struct TwoProviders {
    /// The capability's type, e.g. `dyn kernel::intake::CaseTracker`.
    pub capability: &'static str,
    /// The module that provided it first.
    pub first: &'static str,
    /// The module that provided it again.
    pub second: &'static str,
}

impl Capabilities {
    /// `module` provides `value` as the one `T`.
    pub fn provide<T: ?Sized + Send + Sync + 'static>(
        &mut self,
        module: &'static str,
        value: Arc<T>,
    ) -> Result<(), TwoProviders> {
        if let Some(first) = self.one.get(&TypeId::of::<T>()) {
            return Err(TwoProviders {
                capability: type_name::<T>(),
                first: first.module,
                second: module,
            });
        }
        self.one.insert(
            TypeId::of::<T>(),
            Offer {
                module,
                value: Box::new(value),
            },
        );
        Ok(())
    }

    /// `module` adds `value` to the many `T`.
    pub fn contribute<T: ?Sized + Send + Sync + 'static>(
        &mut self,
        module: &'static str,
        value: Arc<T>,
    ) {
        self.many.entry(TypeId::of::<T>()).or_default().push(Offer {
            module,
            value: Box::new(value),
        });
    }

    /// The one `T`, when a module provides it.
    pub fn get<T: ?Sized + Send + Sync + 'static>(&self) -> Option<Arc<T>> {
        self.one
            .get(&TypeId::of::<T>())
            .and_then(|offer| offer.value.downcast_ref::<Arc<T>>())
            .cloned()
    }

    /// Every `T` contributed, in the order of the modules, with the module's id.
    pub fn all<T: ?Sized + Send + Sync + 'static>(&self) -> Vec<(&'static str, Arc<T>)> {
        self.many
            .get(&TypeId::of::<T>())
            .into_iter()
            .flatten()
            .filter_map(|offer| {
                offer
                    .value
                    .downcast_ref::<Arc<T>>()
                    .map(|value| (offer.module, Arc::clone(value)))
            })
            .collect()
    }
}

impl fmt::Debug for Capabilities {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Capabilities")
            .field("one", &self.one.len())
            .field("many", &self.many.len())
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    trait Greeter: Send + Sync {
        fn greet(&self) -> String;
    }

    struct Hello(&'static str);

    impl Greeter for Hello {
        fn greet(&self) -> String {
            format!("hello from {}", self.0)
        }
    }

    #[test]
    fn one_provider_is_found_by_the_trait_and_a_second_is_refused_by_name() {
        let mut capabilities = Capabilities::default();
        assert!(capabilities.get::<dyn Greeter>().is_none());
        capabilities
            .provide::<dyn Greeter>("forms", Arc::new(Hello("forms")))
            .unwrap();
        assert_eq!(
            capabilities.get::<dyn Greeter>().unwrap().greet(),
            "hello from forms"
        );
        let error = capabilities
            .provide::<dyn Greeter>("cases", Arc::new(Hello("cases")))
            .unwrap_err();
        assert_eq!((error.first, error.second), ("forms", "cases"));
        assert!(error.to_string().contains("Greeter"), "{error}");
    }

    #[test]
    fn many_contributions_come_back_in_order_with_their_module() {
        let mut capabilities = Capabilities::default();
        assert!(capabilities.all::<dyn Greeter>().is_empty());
        capabilities.contribute::<dyn Greeter>("forms", Arc::new(Hello("forms")));
        capabilities.contribute::<dyn Greeter>("info", Arc::new(Hello("info")));
        let all: Vec<_> = capabilities
            .all::<dyn Greeter>()
            .into_iter()
            .map(|(module, greeter)| (module, greeter.greet()))
            .collect();
        assert_eq!(
            all,
            [
                ("forms", "hello from forms".to_owned()),
                ("info", "hello from info".to_owned())
            ]
        );
        // The one and the many are kept apart.
        assert!(capabilities.get::<dyn Greeter>().is_none());
    }
}
