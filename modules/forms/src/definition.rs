//! The service definition format: one TOML file per service, written by department
//! staff. The doc comments here become the descriptions of the JSON Schema that
//! editors use for completion and checking, so they speak to authors.

use kernel::Level;
use serde::{Deserialize, Serialize};

pub use kernel::Text;

/// Words per language, e.g. search keywords.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Words {
    /// German words.
    #[serde(default)]
    pub de: Vec<String>,
    /// English words.
    #[serde(default)]
    pub en: Vec<String>,
}

/// What a citizen reads before starting: the service description.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Description {
    /// What the service is.
    pub what: Text,
    /// Who may apply.
    pub who: Text,
    /// Requirements that must be met.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub requirements: Option<Text>,
    /// Documents needed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub documents: Option<Text>,
    /// Fees.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fees: Option<Text>,
    /// How long processing takes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub processing_time: Option<Text>,
    /// Legal basis.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub legal_basis: Option<Text>,
    /// Who to contact with questions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact: Option<Text>,
}

/// One service: its description and its form.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ServiceDefinition {
    /// Stable id, never changed once published: lowercase letters, digits, hyphens.
    pub id: String,
    /// The service's address under `/leistungen/`: lowercase letters, digits, hyphens.
    pub slug: String,
    /// LeiKa key, `urn:de:fim:leika:leistung:` followed by 14 digits.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub leika: Option<String>,
    /// Id of the responsible department, e.g. `kvr`.
    pub department: String,
    /// Title as citizens know the service.
    pub title: Text,
    /// One or two sentences for the catalogue.
    pub summary: Text,
    /// The description shown before starting.
    pub description: Description,
    /// Lowest level of assurance of the sign-in: `low`, `substantial` or `high`.
    #[serde(default = "default_level")]
    #[cfg_attr(feature = "ssr", schemars(with = "LevelName"))]
    pub level: Level,
    /// Search keywords and synonyms.
    #[serde(default)]
    pub keywords: Words,
    /// Life situations the service belongs to, e.g. `moving`, `pets`.
    #[serde(default)]
    pub life_situations: Vec<String>,
    /// Target processing time in days: also the deadline of its cases, unless the
    /// process file beside the service sets one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub processing_days: Option<u32>,
    /// A second caseworker confirms every approval and rejection before the citizen
    /// learns of it (four eyes). A process file beside the service decides instead.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub four_eyes: bool,
    /// The form, one step per page, in order.
    pub steps: Vec<Step>,
    /// Whether and how the service takes requests through Open311 GeoReport v2.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub open311: Option<Open311>,
    /// The service of the catalogue (its id in the service database) citizens book an
    /// appointment for after filing, e.g. to collect a permit or show originals; the
    /// confirmation then offers booking it for the request.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub appointment: Option<String>,
}

/// Which fields the standard parameters of an Open311 GeoReport v2 request fill; the
/// other fields are the service's attributes there. A service with this table is
/// listed at `/open311/v2/services.json` and takes requests from Open311 clients.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Open311 {
    /// The field that takes `description`.
    pub description: String,
    /// The field that takes `address_string` (or, without one, the coordinates as
    /// `lat, long`).
    pub address: String,
    /// The field that takes `email`, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// Group shown to Open311 clients (e.g. `Straße und Verkehr`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
}

fn default_level() -> Level {
    Level::Low
}

/// The spelling of [`Level`] in definitions, for the schema.
#[cfg(feature = "ssr")]
#[derive(schemars::JsonSchema)]
#[serde(rename_all = "kebab-case")]
#[expect(dead_code, reason = "only describes the schema")]
enum LevelName {
    /// Self-registered account (BayernID level1).
    Low,
    /// Identity checked (BayernID level3).
    Substantial,
    /// Identity card with online function (BayernID level4).
    High,
}

/// One page of the form.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Step {
    /// Id, unique within the service.
    pub id: String,
    /// Page heading.
    pub title: Text,
    /// Text under the heading.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub intro: Option<Text>,
    /// The fields, in order.
    pub fields: Vec<Field>,
}

/// The kinds of fields.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum FieldType {
    /// One line of text.
    Text,
    /// Several lines of text.
    Textarea,
    /// A whole number.
    Number,
    /// An amount in euro and cent.
    Amount,
    /// A calendar date.
    Date,
    /// An e-mail address.
    Email,
    /// A phone number.
    Phone,
    /// A German postcode (five digits).
    Postcode,
    /// An IBAN (checksum verified).
    Iban,
    /// One of `options`, as radio buttons or a select box (`display`).
    Choice,
    /// Any of `options`, as checkboxes.
    MultiChoice,
    /// Yes or no.
    YesNo,
    /// A checkbox that must be ticked to go on (e.g. "I confirm …").
    Declaration,
    /// Street, house number, postcode and city.
    Address,
    /// File upload (`accept`, `max_size_kb`, `max_files`).
    File,
    /// A repeatable group of `fields` (`min_items`, `max_items`).
    Group,
    /// Text for the citizen, no input (`text`).
    Info,
}

/// How a choice is shown.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ChoiceDisplay {
    /// Radio buttons (up to about seven options).
    #[default]
    Radios,
    /// A select box (long lists).
    Select,
}

/// One option of a choice.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Choice {
    /// Stored value.
    pub value: String,
    /// Shown label.
    pub label: Text,
}

/// A pattern the answer must match, with the message shown when it does not.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Pattern {
    /// Regular expression the whole answer must match, checked by the same small
    /// engine on the server and in the browser (`regex-lite`: classes such as `\d`
    /// and `\w` are ASCII, and there are no Unicode classes like `\p{L}`).
    pub regex: String,
    /// What to tell the citizen when it does not, e.g. "Bitte das Kennzeichen wie M-AB 123 angeben".
    pub message: Text,
    /// Capital letters only (number plates, reference codes): the answer is changed to
    /// capitals as it arrives, so "m-ab 1234" is taken as "M-AB 1234".
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub upper_case: bool,
    /// `regex` compiled on first use: compiling costs far more than matching, and a
    /// definition is checked for every step of every citizen.
    #[serde(skip)]
    #[cfg_attr(feature = "ssr", schemars(skip))]
    compiled: CompiledRegex,
}

impl Pattern {
    /// Whether the whole of `text` matches; an invalid regex (refused by `services
    /// check`, so only possible in a hand-built definition) matches nothing.
    pub fn matches(&self, text: &str) -> bool {
        self.compiled
            .0
            .get_or_init(|| regex_lite::Regex::new(&format!("^(?:{})$", self.regex)).ok())
            .as_ref()
            .is_some_and(|re| re.is_match(text))
    }
}

/// A lazily compiled regex. It follows from the pattern's text, so it takes no part in
/// comparing definitions.
#[derive(Clone, Debug, Default)]
struct CompiledRegex(std::sync::OnceLock<Option<regex_lite::Regex>>);

impl PartialEq for CompiledRegex {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl Eq for CompiledRegex {}

/// A claim of the sign-in that fills a field.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Claim {
    /// Given name.
    GivenName,
    /// Family name.
    FamilyName,
    /// Full name.
    Name,
    /// E-mail address.
    Email,
    /// The whole address (for `address` fields).
    Address,
    /// Postcode.
    PostalCode,
    /// City.
    Locality,
}

/// Filling a field from the sign-in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Prefill {
    /// Which claim.
    pub from: Claim,
    /// Whether the citizen may change the value.
    #[serde(default = "yes")]
    pub editable: bool,
}

fn yes() -> bool {
    true
}

/// A comparison of another field's answer. Exactly one test per condition; combine
/// conditions with `all` or `any`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Condition {
    /// The field whose answer is tested (its id; in a group, a field of the same item).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// The answer equals this value (`"yes"`/`"no"` for yes/no fields).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub equals: Option<String>,
    /// The answer is one of these values (for multiple choice: contains one of them).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub one_of: Option<Vec<String>>,
    /// The field has (`true`) or lacks (`false`) an answer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_set: Option<bool>,
    /// The number, amount or date is greater than this.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub greater_than: Option<String>,
    /// The number, amount or date is less than this.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub less_than: Option<String>,
    /// All of these conditions hold.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub all: Option<Vec<Condition>>,
    /// At least one of these conditions holds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub any: Option<Vec<Condition>>,
}

/// One field. Which settings apply depends on `type`; `portal services check` reports
/// settings that do not fit the type.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Field {
    /// Id, unique within the service (within the group for group fields): lowercase
    /// letters, digits and underscores.
    pub id: String,
    /// The kind of field.
    #[serde(rename = "type")]
    pub kind: FieldType,
    /// Label (for `info` fields: a heading, may be left out).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<Text>,
    /// Help text under the label.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hint: Option<Text>,
    /// An answer is needed.
    #[serde(default)]
    pub required: bool,
    /// An answer is needed when this holds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub required_if: Option<Condition>,
    /// The field is shown (and its answer kept) only when this holds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub show_if: Option<Condition>,
    /// Fewest characters (text, textarea).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_length: Option<u32>,
    /// Most characters (text, textarea; default 200 and 4000).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_length: Option<u32>,
    /// Pattern the answer must match (text).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pattern: Option<Pattern>,
    /// Smallest value (number, amount in euro).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<f64>,
    /// Largest value (number, amount in euro).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<f64>,
    /// Earliest date: `YYYY-MM-DD`, `today`, or relative like `today-18y`, `today+14d`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub earliest: Option<String>,
    /// Latest date, same forms as `earliest`; `today` means "not in the future".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub latest: Option<String>,
    /// Options (choice, multi_choice).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<Choice>,
    /// Radio buttons or select box (choice).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub display: Option<ChoiceDisplay>,
    /// Accepted file types as MIME types, e.g. `image/jpeg`, `application/pdf` (file).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub accept: Vec<String>,
    /// Largest size per file in KiB (file; default 10240).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_size_kb: Option<u32>,
    /// Most files (file; default 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_files: Option<u32>,
    /// The fields of each item (group).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<Field>,
    /// Fewest items (group).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_items: Option<u32>,
    /// Most items (group; default 10).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_items: Option<u32>,
    /// The text shown (info).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<Text>,
    /// Fill from the sign-in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prefill: Option<Prefill>,
    /// The link that starts the service may fill this field (`…/antrag?<id>=<value>`):
    /// a place another page knows, such as the toilet a defect is reported at. Text,
    /// textarea and postcode fields; the citizen sees and may change the value, which
    /// is checked like a typed one.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub from_link: bool,
}

/// How a value of the format (a field type, a claim, a display) is spelled in the
/// file, e.g. `multi_choice`.
pub(crate) fn spelling<T: Serialize>(value: T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

/// The value of the format spelled `name` in the file, if it is one.
#[cfg(feature = "ssr")]
pub(crate) fn from_spelling<T: serde::de::DeserializeOwned>(name: &str) -> Option<T> {
    serde_json::from_value(serde_json::Value::String(name.to_owned())).ok()
}

impl ServiceDefinition {
    /// Every field of every step (not descending into groups), with its step index.
    pub fn fields(&self) -> impl Iterator<Item = (usize, &Field)> {
        self.steps
            .iter()
            .enumerate()
            .flat_map(|(index, step)| step.fields.iter().map(move |field| (index, field)))
    }

    /// The top-level field `id`.
    pub fn field(&self, id: &str) -> Option<&Field> {
        self.fields().map(|(_, f)| f).find(|f| f.id == id)
    }
}
