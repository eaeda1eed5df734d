//! What is wrong in a process definition, and where.

/// A problem in a process definition, with where it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProcessProblem {
    /// Path in the definition, e.g. `transitions[2].to`.
    pub path: String,
    /// What is wrong.
    pub message: String,
}

impl std::fmt::Display for ProcessProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}
