//! Where each stored file goes in the archive: `<part>/<record>/<file name>`, every
//! segment made safe as a file name on Windows, macOS and Linux, and names that would
//! collide in one folder numbered.

use std::collections::HashSet;

use kernel::personal_data::DataPart;

/// Longest segment kept (in characters): long enough for any real name, short
/// enough that the whole path stays under the limits of common file systems.
const LONGEST_SEGMENT: usize = 80;

/// A stored file's place in the archive.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Placed {
    /// Path inside the archive, `/`-separated.
    pub path: String,
    /// Storage id.
    pub storage_id: String,
    /// Whether it could be read from the file store (set while writing).
    pub present: bool,
}

/// The place of every file, by part, record and file, as in the parts.
pub type Layout = Vec<Vec<Vec<Placed>>>;

/// Places every file of `parts`.
pub fn layout(parts: &[kernel::personal_data::DataPart]) -> Layout {
    let mut taken = HashSet::new();
    parts
        .iter()
        .map(|part: &DataPart| {
            let part_folder = unique(&mut taken, "", &segment(part.folder, "daten"));
            part.records
                .iter()
                .map(|record| {
                    let record_folder = unique(
                        &mut taken,
                        &part_folder,
                        &segment(&record.folder, "eintrag"),
                    );
                    record
                        .files
                        .iter()
                        .map(|file| Placed {
                            path: unique(&mut taken, &record_folder, &segment(&file.name, "datei")),
                            storage_id: file.storage_id.clone(),
                            present: true,
                        })
                        .collect()
                })
                .collect()
        })
        .collect()
}

/// `name` as one safe path segment; `fallback` when nothing of it is left.
pub fn segment(name: &str, fallback: &str) -> String {
    let cleaned: String = name
        .chars()
        .map(|c| {
            if c.is_control() || "/\\:*?\"<>|".contains(c) {
                '_'
            } else {
                c
            }
        })
        .take(LONGEST_SEGMENT)
        .collect();
    // Leading dots would hide the file or climb out of the folder; trailing dots and
    // spaces are dropped by Windows.
    let trimmed = cleaned.trim_matches(|c: char| c == '.' || c.is_whitespace());
    if trimmed.is_empty() {
        fallback.to_owned()
    } else {
        trimmed.to_owned()
    }
}

/// `folder/name`, numbered (`name (2).pdf`) when that path (in any letter case) is
/// taken already.
fn unique(taken: &mut HashSet<String>, folder: &str, name: &str) -> String {
    let join = |name: &str| {
        if folder.is_empty() {
            name.to_owned()
        } else {
            format!("{folder}/{name}")
        }
    };
    let (stem, extension) = match name.rsplit_once('.') {
        Some((stem, extension)) if !stem.is_empty() => (stem, format!(".{extension}")),
        _ => (name, String::new()),
    };
    let mut candidate = join(name);
    let mut number = 2;
    while !taken.insert(candidate.to_lowercase()) {
        candidate = join(&format!("{stem} ({number}){extension}"));
        number += 1;
    }
    candidate
}

#[cfg(test)]
mod tests {
    use kernel::personal_data::{DataFile, DataPart, DataRecord};

    use super::*;

    fn file(name: &str) -> DataFile {
        DataFile {
            storage_id: name.to_owned(),
            name: name.to_owned(),
            what: String::new(),
            media_type: "application/pdf".into(),
            size: 1,
        }
    }

    /// A record in folder `M-1` with `files`.
    fn record(files: Vec<DataFile>) -> DataRecord {
        DataRecord {
            heading: String::new(),
            folder: "M-1".into(),
            facts: Vec::new(),
            answers: Vec::new(),
            history: Vec::new(),
            files,
        }
    }

    #[test]
    fn segments_cannot_leave_their_folder() {
        assert_eq!(segment("../../etc/passwd", "x"), "_.._etc_passwd");
        assert_eq!(segment("..", "datei"), "datei");
        assert_eq!(segment(" Bescheid.pdf. ", "x"), "Bescheid.pdf");
        assert_eq!(segment("a\u{0}b:c", "x"), "a_b_c");
        assert_eq!(segment("Grundriss Küche.png", "x"), "Grundriss Küche.png");
        assert_eq!(
            segment(&"a".repeat(200), "x").chars().count(),
            LONGEST_SEGMENT
        );
    }

    #[test]
    fn colliding_names_are_numbered() {
        let parts = vec![DataPart {
            title: String::new(),
            folder: "vorgaenge",
            note: String::new(),
            records: vec![
                record(vec![file("foto.jpg"), file("Foto.jpg"), file("foto.jpg")]),
                record(vec![file("foto.jpg")]),
            ],
        }];
        let paths: Vec<Vec<String>> = layout(&parts)[0]
            .iter()
            .map(|files| files.iter().map(|f| f.path.clone()).collect())
            .collect();
        assert_eq!(
            paths,
            vec![
                vec![
                    "vorgaenge/M-1/foto.jpg",
                    "vorgaenge/M-1/Foto (2).jpg",
                    "vorgaenge/M-1/foto (3).jpg"
                ],
                vec!["vorgaenge/M-1 (2)/foto.jpg"],
            ]
        );
    }
}
