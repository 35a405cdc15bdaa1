//! Stored settings as a sparse JSON overlay on the defaults of config.json.
//!
//! localStorage keeps only the fields the user changed (same names and nesting as
//! config.json), so a field the user never touched follows later edits of config.json.

use serde_json::{Map, Value};

/// `base` with every field of `overlay` written over it; nested objects merge field by field.
pub fn merge(base: &mut Value, overlay: &Value) {
    match (base, overlay) {
        (Value::Object(base), Value::Object(overlay)) => {
            for (key, value) in overlay {
                match base.get_mut(key) {
                    Some(existing) => merge(existing, value),
                    None => {
                        base.insert(key.clone(), value.clone());
                    }
                }
            }
        }
        (base, overlay) => *base = overlay.clone(),
    }
}

/// The fields of `current` that differ from `base`, as an object `merge` can apply to `base`.
pub fn diff(base: &Value, current: &Value) -> Value {
    match (base, current) {
        (Value::Object(base), Value::Object(current)) => {
            let mut changed = Map::new();
            for (key, value) in current {
                match base.get(key) {
                    Some(old) if old == value => {}
                    Some(old @ Value::Object(_)) if value.is_object() => {
                        changed.insert(key.clone(), diff(old, value));
                    }
                    _ => {
                        changed.insert(key.clone(), value.clone());
                    }
                }
            }
            Value::Object(changed)
        }
        (_, current) => current.clone(),
    }
}
