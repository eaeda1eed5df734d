//! The example people of the demo sign-in: one table that the sign-in page offers and
//! the sign-in endpoint turns into an identity.

use kernel::{Identity, Level, Profile, Role};

/// One demo persona.
#[derive(Debug)]
pub struct Persona {
    /// Value posted by the sign-in form.
    pub key: &'static str,
    /// Fluent key of the button text.
    pub description: &'static str,
    /// Display name.
    pub name: &'static str,
    /// Portal roles.
    pub roles: &'static [Role],
    /// Departments the persona works for.
    pub departments: &'static [&'static str],
    /// Level of assurance the persona is signed in at.
    pub level: Level,
    /// E-mail address.
    pub email: &'static str,
}

/// Every persona, in the order the sign-in page shows them.
pub const PERSONAS: &[Persona] = &[
    Persona {
        key: "citizen",
        description: "shell-persona-citizen",
        name: "Erika Mustermann",
        roles: &[Role::Citizen],
        departments: &[],
        level: Level::Substantial,
        email: "erika.mustermann@example.org",
    },
    Persona {
        key: "citizen-low",
        description: "shell-persona-citizen-low",
        name: "Jonas Neumann",
        roles: &[Role::Citizen],
        departments: &[],
        level: Level::Low,
        email: "jonas.neumann@example.org",
    },
    Persona {
        key: "citizen-high",
        description: "shell-persona-citizen-high",
        name: "Aylin Yılmaz",
        roles: &[Role::Citizen],
        departments: &[],
        level: Level::High,
        email: "aylin.yilmaz@example.org",
    },
    Persona {
        key: "caseworker",
        description: "shell-persona-caseworker",
        name: "Max Beispiel",
        roles: &[Role::Caseworker],
        departments: &["kvr", "sozialreferat"],
        level: Level::Substantial,
        email: "max.beispiel@muenchen.example",
    },
    Persona {
        key: "caseworker-awm",
        description: "shell-persona-caseworker-awm",
        name: "Lena Vogel",
        roles: &[Role::Caseworker],
        departments: &["awm", "kvr"],
        level: Level::Substantial,
        email: "lena.vogel@muenchen.example",
    },
    Persona {
        key: "caseworker-awm-2",
        description: "shell-persona-caseworker-awm-2",
        name: "Tom Huber",
        roles: &[Role::Caseworker],
        departments: &["awm"],
        level: Level::Substantial,
        email: "tom.huber@muenchen.example",
    },
    Persona {
        key: "department-admin",
        description: "shell-persona-department-admin",
        name: "Dana Verwaltung",
        roles: &[Role::DepartmentAdmin],
        departments: &["kvr"],
        level: Level::Substantial,
        email: "dana.verwaltung@muenchen.example",
    },
    // A second administrator of the same department: publishing a designed service
    // takes two people (four eyes).
    Persona {
        key: "department-admin-2",
        description: "shell-persona-department-admin-2",
        name: "Jan Freigabe",
        roles: &[Role::DepartmentAdmin],
        departments: &["kvr"],
        level: Level::Substantial,
        email: "jan.freigabe@muenchen.example",
    },
    Persona {
        key: "platform-admin",
        description: "shell-persona-platform-admin",
        name: "Paul Betrieb",
        roles: &[Role::PlatformAdmin],
        departments: &[],
        level: Level::Substantial,
        email: "paul.betrieb@muenchen.example",
    },
];

/// The identity of the persona `key`; `None` for an unknown key.
pub fn identity(key: &str) -> Option<Identity> {
    let persona = PERSONAS.iter().find(|p| p.key == key)?;
    Some(Identity {
        subject: Some(format!("demo:{}", persona.key)),
        name: Some(persona.name.to_owned()),
        roles: persona.roles.to_vec(),
        departments: persona
            .departments
            .iter()
            .map(|d| (*d).to_owned())
            .collect(),
        level: Some(persona.level),
        profile: Profile {
            given_name: persona
                .name
                .split_once(' ')
                .map(|(given, _)| given.to_owned()),
            family_name: persona
                .name
                .split_once(' ')
                .map(|(_, family)| family.to_owned()),
            email: Some(persona.email.to_owned()),
            ..Profile::default()
        },
        received_roles: Vec::new(),
    })
}
