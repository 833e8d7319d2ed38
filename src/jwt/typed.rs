//! Fixed JSON shapes (a JWK, the registered claims) read with serde straight from the lossless
//! reader's [`Value`], so that duplicate keys, number text and hostile input behave exactly as in
//! the display; and [`Field`], a member that may be missing or of the wrong type.

use std::collections::HashSet;

use serde::Deserialize;
use serde::de::value::{Error, MapAccessDeserializer, MapDeserializer, SeqDeserializer};
use serde::de::{self, Deserializer, IgnoredAny, IntoDeserializer, Visitor};

use super::json::{Value, unescape};

/// Reads `value` as a `T`; the error is serde's sentence (callers turn it into their own words).
pub fn read<'de, T: Deserialize<'de>>(value: &'de Value) -> Result<T, String> {
    T::deserialize(value).map_err(|e| e.to_string())
}

/// One named member of a fixed shape: absent, of the expected type, or present with another
/// type (`null` included), which is kept so that it can be reported instead of failing the read.
#[derive(Debug, Clone, Copy, Default, PartialEq, Deserialize)]
#[serde(untagged)]
pub enum Field<T> {
    /// The member is not there.
    #[default]
    #[serde(skip)]
    Absent,
    /// The member has the expected type.
    Given(T),
    /// The member is there with another type.
    Wrong(IgnoredAny),
}

impl<T> Field<T> {
    /// The value when the member has the expected type.
    pub fn given(&self) -> Option<&T> {
        match self {
            Field::Given(value) => Some(value),
            _ => None,
        }
    }

    /// Whether the member is there at all, whatever its type.
    pub fn is_present(&self) -> bool {
        !matches!(self, Field::Absent)
    }
}

/// The members serde sees of an object: one per name, the last one written (as [`Value::get`]
/// reads them and most JWT libraries do), in source order.
fn last_of_each(members: &[super::json::Member]) -> Vec<(String, &Value)> {
    let mut seen = HashSet::new();
    let mut kept: Vec<(String, &Value)> = members
        .iter()
        .rev()
        .filter_map(|m| {
            let key = unescape(&m.key);
            seen.insert(key.clone()).then_some((key, &m.value))
        })
        .collect();
    kept.reverse();
    kept
}

fn visit_number<'de, V: Visitor<'de>>(text: &str, visitor: V) -> Result<V::Value, Error> {
    if !text.contains(['.', 'e', 'E']) {
        if let Ok(n) = text.parse::<u64>() {
            return visitor.visit_u64(n);
        }
        if let Ok(n) = text.parse::<i64>() {
            return visitor.visit_i64(n);
        }
    }
    // The reader checked the grammar, so this parses; beyond f64's range it is infinite, which
    // callers that need a finite number refuse (`1e400` is a number, not a reason to fail).
    visitor.visit_f64(super::json::number_to_f64(text))
}

impl<'de> Deserializer<'de> for &'de Value {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self {
            Value::Null => visitor.visit_unit(),
            Value::Bool(b) => visitor.visit_bool(*b),
            Value::Number(text) => visit_number(text, visitor),
            Value::String(raw) => visitor.visit_string(unescape(raw)),
            Value::Array(items) => {
                let mut seq = SeqDeserializer::<_, Error>::new(items.iter());
                let value = visitor.visit_seq(&mut seq)?;
                seq.end()?;
                Ok(value)
            }
            Value::Object(members) => {
                let mut map = MapDeserializer::<_, Error>::new(last_of_each(members).into_iter());
                let value = visitor.visit_map(&mut map)?;
                map.end()?;
                Ok(value)
            }
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self {
            Value::Null => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        match self {
            Value::String(raw) => visitor.visit_enum(unescape(raw).into_deserializer()),
            Value::Object(members) => visitor.visit_enum(MapAccessDeserializer::new(
                MapDeserializer::new(last_of_each(members).into_iter()),
            )),
            _ => Err(de::Error::custom(
                "expected a string or an object with one member",
            )),
        }
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        // serde would also fill a struct from an array, field by field; a JSON array is not a
        // claim set or a JWK.
        match self {
            Value::Object(_) => self.deserialize_any(visitor),
            _ => Err(de::Error::custom("expected a JSON object")),
        }
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        // Nothing to look at: skipping a member must not walk it.
        visitor.visit_unit()
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf unit
        unit_struct newtype_struct seq tuple tuple_struct map identifier
    }
}

impl<'de> IntoDeserializer<'de, Error> for &'de Value {
    type Deserializer = Self;

    fn into_deserializer(self) -> Self {
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::jwt::json::parse;

    #[derive(Debug, Default, Deserialize)]
    #[serde(default)]
    struct Sample {
        n: Field<f64>,
        s: Field<String>,
        list: Field<Vec<Field<String>>>,
        flag: Field<bool>,
    }

    fn sample(text: &str) -> Sample {
        read(&parse(text).unwrap()).unwrap()
    }

    #[test]
    fn fields_are_given_wrong_or_absent() {
        let s = sample(r#"{"n":1516239022.9,"s":"a\u0062","list":["x",5,null],"flag":null}"#);
        assert_eq!(s.n, Field::Given(1_516_239_022.9));
        assert_eq!(s.s.given().map(String::as_str), Some("ab"));
        assert_eq!(
            s.list.given().unwrap(),
            &[
                Field::Given("x".to_string()),
                Field::Wrong(IgnoredAny),
                Field::Wrong(IgnoredAny)
            ]
        );
        assert_eq!(s.flag, Field::Wrong(IgnoredAny));
        let empty = sample("{}");
        assert!(!empty.n.is_present() && !empty.s.is_present());
        assert_eq!(sample(r#"{"n":"soon"}"#).n, Field::Wrong(IgnoredAny));
    }

    #[test]
    fn numbers_keep_their_meaning() {
        assert_eq!(sample(r#"{"n":-5}"#).n, Field::Given(-5.0));
        assert_eq!(
            sample(r#"{"n":123456789012345678901234567890}"#).n,
            Field::Given(1.2345678901234568e29)
        );
        assert_eq!(sample(r#"{"n":1e400}"#).n, Field::Given(f64::INFINITY));
        assert_eq!(sample(r#"{"n":-1e400}"#).n, Field::Given(f64::NEG_INFINITY));
        // Elsewhere in the object, a number out of range is no reason to fail.
        assert_eq!(sample(r#"{"big":1e400,"n":3}"#).n, Field::Given(3.0));
    }

    #[test]
    fn the_last_duplicate_wins_as_in_the_display() {
        let value = parse(r#"{"s":"first","n":1,"s":"last","s\u0000":"x"}"#).unwrap();
        let s: Sample = read(&value).unwrap();
        assert_eq!(
            s.s.given().map(String::as_str),
            value.get("s").unwrap().as_str().as_deref()
        );
        assert_eq!(s.n, Field::Given(1.0));
    }

    #[test]
    fn lone_surrogates_read_as_the_display_shows_them() {
        assert_eq!(
            sample(r#"{"s":"\ud800x"}"#).s.given().map(String::as_str),
            Some("\u{fffd}x")
        );
    }

    #[test]
    fn a_value_of_the_wrong_shape_is_an_error_not_a_panic() {
        assert!(read::<Sample>(&parse("[1,2]").unwrap()).is_err());
        assert!(read::<Vec<u8>>(&parse("[1,2,300]").unwrap()).is_err());
        assert_eq!(read::<Vec<u8>>(&parse("[1,2]").unwrap()), Ok(vec![1, 2]));
        assert_eq!(
            read::<std::collections::BTreeMap<String, serde_json::Value>>(
                &parse(r#"{"a":1e400,"b":[true]}"#).unwrap()
            )
            .unwrap()
            .len(),
            2
        );
    }
}
