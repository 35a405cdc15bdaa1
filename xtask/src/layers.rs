//! The app's dependency rule (ARCHITECTURE.md): a file in `src/` may use `crate::` paths into its
//! own layer and the layers below it, never one above, and a feature never another feature.

use std::fmt;

/// A layer of the app: where a file lives, or where a `crate::` path leads.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Layer {
    Api,
    I18n,
    Context,
    Ui,
    /// `features/<name>`.
    Feature(String),
    /// `features` itself: its `mod.rs`, or a path naming no single feature.
    Features,
    App,
}

impl Layer {
    /// The layer of `crate::<top>[::<sub>]` (or of `src/<top>[/<sub>]`), if `top` is one.
    fn named(top: &str, sub: Option<&str>) -> Option<Layer> {
        Some(match top {
            "api" => Layer::Api,
            "i18n" => Layer::I18n,
            "context" => Layer::Context,
            "ui" => Layer::Ui,
            "app" => Layer::App,
            "features" => match sub.filter(|s| !matches!(*s, "mod" | "self")) {
                Some(name) => Layer::Feature(name.to_string()),
                None => Layer::Features,
            },
            _ => return None,
        })
    }

    /// The layer of a file from its path under `src/` (`features/keys/mod.rs`).
    fn of_file(path: &str) -> Option<Layer> {
        let mut parts = path.split('/').map(|p| p.trim_end_matches(".rs"));
        Layer::named(parts.next()?, parts.next())
    }

    /// Whether a file in this layer may use a path into `to`.
    fn may_use(&self, to: &Layer) -> bool {
        use Layer::*;
        let shared = matches!(to, Ui | Context | Api | I18n);
        match self {
            App => true,
            Api | I18n => to == self,
            Context => matches!(to, Context | Api | I18n),
            Ui => shared,
            Feature(_) => shared || to == self,
            Features => shared || matches!(to, Feature(_) | Features),
        }
    }
}

impl fmt::Display for Layer {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self {
            Layer::Api => f.write_str("api"),
            Layer::I18n => f.write_str("i18n"),
            Layer::Context => f.write_str("context"),
            Layer::Ui => f.write_str("ui"),
            Layer::Feature(name) => write!(f, "features::{name}"),
            Layer::Features => f.write_str("features"),
            Layer::App => f.write_str("app"),
        }
    }
}

/// A broken rule, shown as `src/path.rs:LINE: message`.
#[derive(Debug, PartialEq, Eq)]
pub struct Violation {
    pub file: String,
    /// `None` when the whole file is out of place.
    pub line: Option<usize>,
    pub message: String,
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{line}: {}", self.file, self.message),
            None => write!(f, "{}: {}", self.file, self.message),
        }
    }
}

/// Checks one file, `file` being its path from the repository root (`src/api/iam.rs`).
pub fn check(file: &str, source: &str) -> Vec<Violation> {
    let path = file.strip_prefix("src/").unwrap_or(file);
    if matches!(path, "lib.rs" | "main.rs") {
        return Vec::new();
    }
    let violation = |line, message| Violation {
        file: file.to_string(),
        line,
        message,
    };
    let Some(layer) = Layer::of_file(path) else {
        let message = "is in no layer (api, i18n, context, ui, features/<name>, app)";
        return vec![violation(None, message.to_string())];
    };
    let mut found = Vec::new();
    for segments in crate_paths(source) {
        let [(top_line, top), sub @ ..] = segments.as_slice() else {
            continue;
        };
        let target = Layer::named(top, sub.first().map(|(_, s)| s.as_str()));
        let why = match &target {
            Some(to) if layer.may_use(to) => continue,
            Some(Layer::Feature(_) | Layer::Features) if matches!(layer, Layer::Feature(_)) => {
                "another feature"
            }
            Some(_) => "upward",
            None => "not a layer",
        };
        // The line of the segment that names the target: `keys` in `features::{\n keys }`.
        let line = match (&target, sub.first()) {
            (Some(Layer::Feature(_)), Some((sub_line, _))) => *sub_line,
            _ => *top_line,
        };
        let shown = target.map_or_else(|| top.clone(), |to| to.to_string());
        let v = violation(
            Some(line),
            format!("{layer} imports crate::{shown} ({why})"),
        );
        if !found.contains(&v) {
            found.push(v);
        }
    }
    found
}

/// A token of Rust source, comments, strings and character literals left out.
#[derive(Debug, PartialEq)]
enum Tok {
    Ident(String),
    PathSep,
    Punct(char),
}

/// The tokens of `source`, each with its line.
fn tokens(source: &str) -> Vec<(usize, Tok)> {
    let chars: Vec<char> = source.chars().collect();
    let at = |i: usize| chars.get(i).copied();
    let mut out = Vec::new();
    let (mut i, mut line) = (0, 1);
    while let Some(c) = at(i) {
        let next = at(i + 1);
        match c {
            '\n' => {
                line += 1;
                i += 1;
            }
            _ if c.is_whitespace() => i += 1,
            '/' if next == Some('/') => {
                while at(i).is_some_and(|c| c != '\n') {
                    i += 1;
                }
            }
            '/' if next == Some('*') => {
                let mut depth = 0;
                while let Some(c) = at(i) {
                    match (c, at(i + 1)) {
                        ('/', Some('*')) => (depth, i) = (depth + 1, i + 2),
                        ('*', Some('/')) => (depth, i) = (depth - 1, i + 2),
                        _ => (line, i) = (line + usize::from(c == '\n'), i + 1),
                    }
                    if depth == 0 {
                        break;
                    }
                }
            }
            '"' => i = skip_string(&chars, i + 1, 0, &mut line),
            // A character literal ('x', '\n'), or a lifetime or label ('a), whose name follows.
            '\'' if next == Some('\\') => {
                i = (i + 3..chars.len())
                    .find(|&j| chars[j] == '\'')
                    .map_or(chars.len(), |j| j + 1);
            }
            '\'' if at(i + 2) == Some('\'') => i += 3,
            ':' if next == Some(':') => {
                out.push((line, Tok::PathSep));
                i += 2;
            }
            _ if c.is_alphanumeric() || c == '_' => {
                let start = i;
                while at(i).is_some_and(|c| c.is_alphanumeric() || c == '_') {
                    i += 1;
                }
                let word: String = chars[start..i].iter().collect();
                let hashes = chars[i..].iter().take_while(|&&c| c == '#').count();
                if matches!(word.as_str(), "r" | "br" | "cr") && at(i + hashes) == Some('"') {
                    i = skip_string(&chars, i + hashes + 1, hashes, &mut line);
                } else {
                    out.push((line, Tok::Ident(word)));
                }
            }
            _ => {
                out.push((line, Tok::Punct(c)));
                i += 1;
            }
        }
    }
    out
}

/// The index after a string's closing quote (and `hashes` #s, for a raw string), from `i` inside it.
fn skip_string(chars: &[char], mut i: usize, hashes: usize, line: &mut usize) -> usize {
    while let Some(&c) = chars.get(i) {
        match c {
            '\\' if hashes == 0 => {
                i += 1;
                *line += usize::from(chars.get(i) == Some(&'\n'));
            }
            '"' if chars[i + 1..]
                .iter()
                .take(hashes)
                .filter(|&&c| c == '#')
                .count()
                == hashes =>
            {
                return i + 1 + hashes;
            }
            '\n' => *line += 1,
            _ => {}
        }
        i += 1;
    }
    i
}

/// Every `crate::<top>[::<sub>]` path in `source` (the segments after `crate`, each with its
/// line), from `use` trees (grouped or not) and from expressions and types.
fn crate_paths(source: &str) -> Vec<Vec<(usize, String)>> {
    let toks = tokens(source);
    let tok = |i: usize| toks.get(i).map(|t| &t.1);
    let mut paths = Vec::new();
    let mut i = 0;
    while let Some(t) = tok(i) {
        let mut found = Vec::new();
        match t {
            Tok::Ident(w) if w == "use" => {
                i += 1;
                use_tree(&toks, &mut i, Vec::new(), &mut found);
                while tok(i).is_some_and(|t| *t != Tok::Punct(';')) {
                    i += 1;
                }
            }
            // `$crate` is a macro's own crate.
            Tok::Ident(w) if w == "crate" && (i == 0 || tok(i - 1) != Some(&Tok::Punct('$'))) => {
                let mut path = vec![(toks[i].0, w.clone())];
                i += 1;
                while let (Some(Tok::PathSep), Some(Tok::Ident(w))) = (tok(i), tok(i + 1)) {
                    path.push((toks[i + 1].0, w.clone()));
                    i += 2;
                }
                found.push(path);
            }
            _ => i += 1,
        }
        for path in found {
            if path.first().is_some_and(|(_, w)| w == "crate") && path.len() > 1 {
                paths.push(path[1..path.len().min(3)].to_vec());
            }
        }
    }
    paths
}

/// Parses the use tree at `toks[*i]` under `prefix`, adding each complete path to `out`.
fn use_tree(
    toks: &[(usize, Tok)],
    i: &mut usize,
    mut prefix: Vec<(usize, String)>,
    out: &mut Vec<Vec<(usize, String)>>,
) {
    let tok = |i: usize| toks.get(i).map(|t| &t.1);
    loop {
        match tok(*i) {
            Some(Tok::PathSep) => *i += 1,
            Some(Tok::Ident(w)) => {
                prefix.push((toks[*i].0, w.clone()));
                *i += 1;
                if tok(*i) != Some(&Tok::PathSep) {
                    if tok(*i) == Some(&Tok::Ident("as".into())) {
                        *i += 2;
                    }
                    break;
                }
            }
            Some(Tok::Punct('{')) => {
                *i += 1;
                while !matches!(tok(*i), None | Some(Tok::Punct('}'))) {
                    let before = *i;
                    use_tree(toks, i, prefix.clone(), out);
                    if tok(*i) == Some(&Tok::Punct(',')) || *i == before {
                        *i += 1;
                    }
                }
                *i += 1;
                return;
            }
            Some(Tok::Punct('*')) => {
                *i += 1;
                break;
            }
            _ => break,
        }
    }
    out.push(prefix);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(file: &str, source: &str) -> Vec<String> {
        check(file, source).iter().map(|v| v.to_string()).collect()
    }

    #[test]
    fn an_upward_import_fails() {
        let source = "use keyturn_core::Key;\nuse crate::features::keys::KeysPage;\n";
        assert_eq!(
            lines("src/api/iam.rs", source),
            ["src/api/iam.rs:2: api imports crate::features::keys (upward)"]
        );
        assert_eq!(
            lines(
                "src/ui/dialog.rs",
                "fn f() -> crate::app::Route { todo!() }"
            ),
            ["src/ui/dialog.rs:1: ui imports crate::app (upward)"]
        );
    }

    #[test]
    fn a_feature_importing_another_feature_fails() {
        let source = "use crate::features::connect::ConnectPage;";
        assert_eq!(
            lines("src/features/keys/table.rs", source),
            [
                "src/features/keys/table.rs:1: features::keys imports crate::features::connect (another feature)"
            ]
        );
    }

    #[test]
    fn grouped_uses_are_parsed() {
        let source = "use crate::{\n    api::IamClient,\n    features::{keys::use_keys, settings},\n    ui::{Dialog, copy::Copy as C},\n};\n";
        assert_eq!(
            lines("src/features/keys/mod.rs", source),
            [
                "src/features/keys/mod.rs:3: features::keys imports crate::features::settings (another feature)"
            ]
        );
        assert_eq!(
            lines("src/context/route.rs", source),
            [
                "src/context/route.rs:3: context imports crate::features::keys (upward)",
                "src/context/route.rs:3: context imports crate::features::settings (upward)",
                "src/context/route.rs:4: context imports crate::ui (upward)",
            ]
        );
    }

    #[test]
    fn a_violation_is_on_the_line_naming_its_target() {
        let source = "use crate::features::{\n    keys,\n    kms::KmsPage,\n};\nuse crate::app::{\n    A,\n    B,\n};\n";
        assert_eq!(
            lines("src/ui/x.rs", source),
            [
                "src/ui/x.rs:2: ui imports crate::features::keys (upward)",
                "src/ui/x.rs:3: ui imports crate::features::kms (upward)",
                "src/ui/x.rs:5: ui imports crate::app (upward)",
            ]
        );
    }

    #[test]
    fn allowed_imports_pass() {
        let cases = [
            ("src/api/transport.rs", "use crate::api::retry;"),
            ("src/i18n/keys.rs", "use crate::i18n::Lang;"),
            (
                "src/context/session.rs",
                "use crate::{api::IamClient, i18n::Text};",
            ),
            (
                "src/ui/dialog.rs",
                "use crate::context::use_text; use crate::ui::*;",
            ),
            (
                "src/features/keys/table.rs",
                "use crate::features::keys::handle::use_keys;\nuse crate::{ui::Dialog, context, api, i18n};",
            ),
            (
                "src/features/mod.rs",
                "pub use crate::features::keys::KeysPage;",
            ),
            (
                "src/app/switch.rs",
                "use crate::features::{keys, kms}; use crate::app::Frame;",
            ),
            ("src/lib.rs", "use crate::app::App;"),
            ("src/main.rs", "fn main() { keyturn::start() }"),
        ];
        for (file, source) in cases {
            assert_eq!(lines(file, source), Vec::<String>::new(), "{file}");
        }
    }

    #[test]
    fn comments_strings_and_macro_paths_are_not_imports() {
        let source = "//! See [`crate::app::App`].\n/* crate::app */\nconst S: &str = \"crate::app\";\n\
                      const R: &str = r#\"crate::app \"# ;\nlet c = '\\'';\nfn f<'a>() {}\n\
                      macro_rules! m { () => { $crate::app::x() } }\npub(crate) use super::x;\n";
        assert_eq!(lines("src/api/x.rs", source), Vec::<String>::new());
    }

    #[test]
    fn files_outside_the_layers_and_unknown_modules_fail() {
        assert_eq!(
            lines("src/components/dialog.rs", ""),
            [
                "src/components/dialog.rs: is in no layer (api, i18n, context, ui, features/<name>, app)"
            ]
        );
        assert_eq!(
            lines("src/ui/dialog.rs", "use crate::state::use_text;"),
            ["src/ui/dialog.rs:1: ui imports crate::state (not a layer)"]
        );
    }
}
